import { expect, signIn, test } from '../../../tests/fixtures'
import { consoleUrl } from '../../../tests/console-url'
import { StaffApi } from '../projects/setup'

/** A day far enough ahead that every item opened today is past its limit. */
const later = () => new Date(Date.now() + 200 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
const field = (scope: import('@playwright/test').Locator, label: string) =>
  scope.locator('.el-form-item', { hasText: label })

test.describe('a district officer (anning)', () => {
  test.use({ user: 'anning' })

  test('finds an overdue item, accepts it with deficiency (a field error first), then supplies the documents', async ({ page }) => {
    const id = await (await StaffApi.of(page)).signedProject()
    await page.goto(`/approvals?asOf=${later()}&projectId=${id}`)
    const row = page.getByTestId('overdue-items').locator('tr', { has: page.locator(`a[href="/approvals/${id}/land-pre-review"]`) })
    await expect(row.getByTestId('traffic-light')).toHaveAttribute('data-light', 'red')
    await row.getByRole('link', { name: '用地预审与选址意见书' }).click()

    await expect(page.getByTestId('item-name')).toHaveText('用地预审与选址意见书')
    await expect(page.getByTestId('item-status')).toHaveText('审查中')
    await page.getByTestId('item-actions').getByRole('button', { name: '容缺受理' }).click()
    const dialog = page.getByRole('dialog', { name: '容缺受理' })
    await dialog.getByTestId('item-confirm').click()
    await expect(field(dialog, '缺少的材料').locator('.el-form-item__error')).toContainText('missingDocuments')

    await dialog.locator('textarea[name="missingDocuments"]').fill('消防设计文件\n节能报告')
    await field(dialog, '承诺补齐日').locator('input').fill(later())
    await field(dialog, '承诺补齐日').locator('input').press('Enter')
    await dialog.getByTestId('item-confirm').click()

    await expect(page.getByTestId('item-status')).toHaveText('容缺受理')
    await expect(page.getByTestId('item-history')).toContainText('缺少材料：消防设计文件、节能报告')
    await page.getByTestId('item-actions').getByRole('button', { name: '补齐材料' }).click()
    await page.getByRole('dialog', { name: '补齐材料' }).getByTestId('item-confirm').click()
    await expect(page.getByTestId('item-status')).toHaveText('审查中')
    await expect(page.getByTestId('item-history')).toContainText('补齐材料')
  })

  test('rejects an item, then resubmits it after 补正 (the reason is required)', async ({ page }) => {
    const id = await (await StaffApi.of(page)).signedProject()
    await page.goto(`/approvals/${id}/eia-form`)
    await page.getByTestId('item-actions').getByRole('button', { name: '不予许可' }).click()
    const reject = page.getByRole('dialog', { name: '不予许可' })
    await reject.locator('textarea[name="reason"]').fill('环评报告表结论不明确')
    await reject.getByTestId('item-confirm').click()
    await expect(page.getByTestId('item-status')).toHaveText('不予许可')

    await page.getByTestId('item-actions').getByRole('button', { name: '补正后重新申报' }).click()
    const resubmit = page.getByRole('dialog', { name: '补正后重新申报' })
    await resubmit.getByTestId('item-confirm').click()
    await expect(field(resubmit, '补正说明').locator('.el-form-item__error')).toContainText('reason')
    await resubmit.locator('textarea[name="reason"]').fill('已补正环评结论')
    await resubmit.getByTestId('item-confirm').click()
    await expect(page.getByTestId('item-status')).toHaveText('审查中')
    await expect(page.getByText('第 2 次')).toBeVisible()
    await expect(page.getByTestId('item-history')).toContainText('原因：已补正环评结论')
  })
})

test.describe('the auditor', () => {
  test.use({ user: 'auditor' })

  test('reads overdue items and an item’s history, with no buttons to change it', async ({ page }) => {
    await page.goto(`/approvals?asOf=${later()}`)
    await page.getByTestId('overdue-items').locator('tbody tr a').first().click()
    await expect(page.getByTestId('item-name')).toBeVisible()
    await expect(page.getByTestId('item-history')).toBeVisible()
    await expect(page.getByTestId('item-actions').getByRole('button')).toHaveCount(0)
  })
})

test.describe('another district officer (chenggong)', () => {
  test.use({ user: 'chenggong' })

  test("cannot open an approval item of anning's project", async ({ page, browser }) => {
    const anning = await browser.newPage({ baseURL: consoleUrl })
    await signIn(anning, 'anning')
    const id = await (await StaffApi.of(anning)).signedProject()
    await anning.close()
    await page.goto(`/approvals/${id}/filing`)
    await expect(page.getByTestId('item-missing')).toContainText('不存在或无权查看')
  })
})
