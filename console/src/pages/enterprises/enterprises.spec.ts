import { expect, test } from '../../../tests/fixtures'
import { addEnterprise, field, fillEnterprise, formItem, newUscc, unique } from './testing'

test.describe('district officer', () => {
  test.use({ user: 'anning' })

  test('adds a target enterprise, finds it by name and edits it', async ({ page }) => {
    const name = unique('滇中测试精密制造有限公司')
    const uscc = newUscc()
    await addEnterprise(page, { name, uscc, chain: '装备制造', role: '配套' })
    await expect(page.getByTestId('enterprise-uscc-value')).toHaveText(uscc)

    await page.getByTestId('enterprise-edit').click()
    const form = page.getByTestId('enterprise-form')
    await form.getByText('A 类', { exact: true }).click()
    await form.getByTestId('enterprise-save').click()
    await expect(form).toBeHidden()
    await expect(page.getByText('A 类', { exact: true })).toBeVisible()

    await page.goto('/enterprises')
    await field(page, 'filter-name').fill(name)
    await page.getByTestId('enterprise-search').click()
    const rows = page.getByTestId('enterprise-table').locator('.el-table__body tr')
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText(uscc)
  })

  test('a wrong USCC is shown under its field and nothing typed is lost', { tag: '@journey' }, async ({ page }) => {
    const name = unique('校验码错误测试企业')
    const valid = newUscc()
    const wrong = valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0')
    await page.goto('/enterprises')
    await page.getByTestId('enterprise-create').click()
    await fillEnterprise(page, { name, uscc: wrong, chain: '装备制造', role: '链主' })

    const form = page.getByTestId('enterprise-form')
    await expect(formItem(form, '统一社会信用代码').locator('.el-form-item__error')).toContainText('check digit')
    await expect(formItem(form, '企业名称').locator('.el-form-item__error')).toHaveCount(0)
    await expect(field(form, 'enterprise-name')).toHaveValue(name)
    await expect(field(form, 'enterprise-uscc')).toHaveValue(wrong)
  })

  test('the chain view marks the missing role as a gap and links to the enterprise', async ({ page }) => {
    const chain = unique('测试链')
    const name = unique('补链测试配套企业')
    await addEnterprise(page, { name, uscc: newUscc(), chain, role: '配套' })

    await page.goto(`/enterprises/chains/${encodeURIComponent(chain)}`)
    const card = page.getByTestId(`chain-${chain}`)
    await expect(card.getByTestId('chain-gaps')).toHaveText('补链：缺链主')
    await expect(card.getByTestId('role-ChainLeader')).toHaveClass(/gap/)
    await expect(card.getByTestId('role-Supplier')).not.toHaveClass(/gap/)
    await card.getByRole('link', { name }).click()
    await expect(page.getByTestId('enterprise-title')).toHaveText(name)
  })
})

test.describe('finance', () => {
  test.use({ user: 'finance' })

  test('reads the target list but may not add or edit', async ({ page }) => {
    await page.getByTestId('side-menu').getByRole('menuitem', { name: '目标企业' }).click()
    await expect(page.getByTestId('enterprise-table').locator('.el-table__body tr').first()).toBeVisible()
    await expect(page.getByTestId('enterprise-create')).toHaveCount(0)
    await page.getByTestId('enterprise-table').locator('.el-table__body tr a').first().click()
    await expect(page.getByTestId('enterprise-title')).toBeVisible()
    await expect(page.getByTestId('enterprise-edit')).toHaveCount(0)
  })
})
