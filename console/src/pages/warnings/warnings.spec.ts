import { expect, test } from '../../../tests/fixtures'
import { StaffApi } from '../projects/setup'

test.describe('the director (bureau)', () => {
  test.use({ user: 'bureau' })

  test('sees warnings by district and grade, drills down to a district\'s list, looks at another day', { tag: '@journey' }, async ({ page }) => {
    await page.goto('/warnings')
    const summary = page.getByTestId('warnings-summary')
    // The city-wide summary reads every district's warnings: allow it time on a busy machine.
    await expect(summary).toContainText('安宁市', { timeout: 30_000 })
    await expect(page.getByTestId('warnings-chart')).toBeVisible()
    await page.getByTestId('count-安宁市-yellow').click()
    await expect(page).toHaveURL(/district=%E5%AE%89%E5%AE%81%E5%B8%82/)
    await expect(page).toHaveURL(/grade=yellow/)
    const list = page.getByTestId('warnings-list')
    await expect(list.locator('tbody tr').first()).toContainText('安宁市')
    for (const light of await list.getByTestId('grade-light').all())
      await expect(light).toHaveAttribute('data-grade', 'yellow')

    // A day long past: nothing was open then.
    const asOf = page.locator('.el-date-editor input').first()
    await asOf.fill('2020-01-01')
    await asOf.press('Enter')
    await expect(summary).toContainText('当日无预警')
  })
})

test.describe('a district officer (anning)', () => {
  test.use({ user: 'anning' })

  test('sees only their district in the summary', async ({ page }) => {
    await (await StaffApi.of(page)).signedProject()
    await page.goto('/warnings')
    await expect(page.getByTestId('warnings-summary')).toContainText('安宁市', { timeout: 30_000 })
    await expect(page.getByTestId('warnings-summary')).not.toContainText('呈贡区')
  })
})
