import { expect, submitLogin, test } from '../../../tests/fixtures'
import { field, unique } from '../enterprises/testing'

test.describe('bureau', () => {
  test.use({ user: 'bureau' })

  test('adds an industry with its sector, and an edit made meanwhile is shown as it is now', async ({ page, context }) => {
    const suffix = unique('').slice(-8).toUpperCase()
    const code = `E2E_${suffix}`
    const name = unique('测试行业')
    await page.goto('/dictionaries')
    await page.getByTestId('industry-create').click()
    const dialog = page.getByTestId('dictionary-dialog')
    await field(dialog, 'dictionary-code').fill(code)
    await field(dialog, 'dictionary-name').fill(name)
    await dialog.getByTestId('dictionary-sector').getByText('三产', { exact: true }).click()
    await field(dialog, 'dictionary-spellings').fill(`${name}别称`)
    await dialog.getByTestId('dictionary-save').click()
    await expect(dialog).toBeHidden()
    const row = page.getByTestId('industry-table').locator('.el-table__body tr', { hasText: code })
    await expect(row).toContainText('三产')
    await expect(row).toContainText(`${name}别称`)

    // Both pages open the same version; the second one's change makes the first one's stale.
    await page.getByTestId(`industry-edit-${code}`).click()
    // A second page signs in on its own (the console keeps its session per tab); the provider may still know the bureau.
    const other = await context.newPage()
    await other.goto('/dictionaries')
    await other.getByRole('button', { name: '登录' }).click()
    const otherEdit = other.getByTestId(`industry-edit-${code}`)
    const login = other.locator('input[name="username"]')
    await expect(otherEdit.or(login)).toBeVisible()
    if (await login.isVisible())
      await submitLogin(other, 'bureau')
    await otherEdit.click()
    const otherDialog = other.getByTestId('dictionary-dialog')
    await otherDialog.getByTestId('dictionary-sector').getByText('二产', { exact: true }).click()
    await otherDialog.getByTestId('dictionary-save').click()
    await expect(otherDialog).toBeHidden()

    await field(dialog, 'dictionary-name').fill(`${name}改`)
    await dialog.getByTestId('dictionary-save').click()
    await expect(dialog.getByTestId('dictionary-current')).toContainText('三次产业 二产')
    await expect(dialog.getByTestId('dictionary-current')).toContainText('版本 2')
  })
})

test.describe('district officer (anning)', () => {
  test.use({ user: 'anning' })

  test('reads the dictionaries but changes nothing', async ({ page }) => {
    await page.goto('/dictionaries')
    await expect(page.getByTestId('industry-table')).toContainText('装备制造')
    await expect(page.getByTestId('industry-table')).toContainText('先进装备制造')
    await expect(page.getByTestId('industry-create')).toHaveCount(0)
    await page.getByRole('tab', { name: '来源地区' }).click()
    await expect(page.getByTestId('region-table')).toContainText('长三角')
  })
})
