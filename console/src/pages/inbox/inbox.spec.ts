import { expect, test } from '../../../tests/fixtures'
import { StaffApi } from '../projects/setup'

test.describe('a district officer (anning)', () => {
  test.use({ user: 'anning' })

  test('sees the unread count in the header, marks one and then all as read', { tag: '@journey' }, async ({ page }) => {
    test.setTimeout(180_000)
    const api = await StaffApi.of(page)
    // The district's approval items coming due are in its inbox: a signed project's filing is due within days.
    await api.signedProject()
    await expect.poll(async () => (await api.call<{ count: number }>('GET', '/api/inbox/unread-count')).count, { timeout: 60_000 }).toBeGreaterThan(1)
    await page.reload()
    const badge = page.getByTestId('unread-count').locator('sup')
    await expect(badge).toBeVisible()
    const before = Number(await badge.textContent().then((t) => t!.replace('+', '')))

    await page.getByTestId('inbox-bell').click()
    await expect(page).toHaveURL(/\/inbox$/)
    const list = page.getByTestId('inbox-list')
    await expect(list.getByTestId('grade-light').first()).toBeVisible()
    await list.getByTestId('mark-read').first().click()
    if (before <= 99)
      await expect(badge).toHaveText(String(before - 1))
    await page.getByTestId('read-all').click()
    await expect(badge).toBeHidden()
    await expect(list.getByTestId('mark-read')).toHaveCount(0)
    await expect(list.getByTestId('inbox-link').first()).toHaveAttribute('href', /^\/projects\//)
  })

  test('an e-mail address the service refuses shows its message under the field', async ({ page }) => {
    await page.goto('/inbox')
    await page.getByRole('tab', { name: '通知设置' }).click()
    await page.getByTestId('pref-email').fill('不是邮箱')
    await page.getByTestId('pref-save').click()
    const field = page.locator('.el-form-item').filter({ has: page.getByTestId('pref-email') })
    await expect(field.locator('.el-form-item__error')).toBeVisible()
    await expect(page.getByTestId('pref-email')).toHaveValue('不是邮箱')
  })
})
