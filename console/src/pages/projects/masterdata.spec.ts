import type { Page } from '@playwright/test'
import { expect, signIn, test } from '../../../tests/fixtures'
import { consoleUrl } from '../../../tests/console-url'
import { formItem } from '../enterprises/testing'
import { StaffApi } from './setup'

const dialog = (page: Page) => page.getByTestId('master-data-dialog')
const input = (page: Page, name: string) => dialog(page).locator(`[name="${name}"]`)
const fact = (page: Page, label: string) => page.getByTestId(`fact-${label}`)

test.describe('a district officer (anning)', () => {
  test.use({ user: 'anning' })

  test("enters a project's 基本信息; the project page shows it", { tag: '@journey' }, async ({ page }) => {
    const id = await (await StaffApi.of(page)).negotiatingProject()
    await page.goto(`/projects/${id}`)
    await expect(fact(page, '项目名称')).toHaveText('—')
    await page.getByTestId('master-data-edit').click()
    await input(page, 'name').fill('年产 10 万吨新型电池材料项目')
    await input(page, 'location').fill('安宁工业园区草铺片区')
    await input(page, 'jobs').fill('850')
    await input(page, 'committedInvestmentIntensity').fill('420.5')
    await dialog(page).getByTestId('master-data-save').click()

    await expect(dialog(page)).toBeHidden()
    await expect(fact(page, '项目名称')).toHaveText('年产 10 万吨新型电池材料项目')
    await expect(fact(page, '建设地点')).toHaveText('安宁工业园区草铺片区')
    await expect(fact(page, '带动就业')).toHaveText('850 人')
    await expect(fact(page, '承诺投资强度')).toHaveText('420.5 万元/亩')
    await page.reload()
    await expect(fact(page, '项目名称')).toHaveText('年产 10 万吨新型电池材料项目')
  })

  test('signed meanwhile: the project as it is now is shown, the typing kept and saved on the new version', { tag: '@journey' }, async ({ page }) => {
    const api = await StaffApi.of(page)
    const id = await api.negotiatingProject()
    await page.goto(`/projects/${id}`)
    await expect(page.getByTestId('project-state')).toHaveText('在谈')
    await page.getByTestId('master-data-edit').click()
    await input(page, 'name').fill('新型电池材料二期项目')
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
    await api.call('POST', `/api/projects/${id}/sign`, {
      agreementNo: `MD-${id.slice(0, 8)}`, signedOn: today, contractedInvestment: '300000000.00', park: '安宁工业园区',
      approvalProfile: null, version: null,
    })
    await dialog(page).getByTestId('master-data-save').click()

    const notice = dialog(page).getByTestId('stale-notice')
    await expect(notice.locator('tr[data-label="项目名称"]')).toContainText('新型电池材料二期项目')
    await notice.getByTestId('stale-adopt').click()
    // The page now shows the project as it is: signed.
    await expect(page.getByTestId('project-state')).toHaveText('已签约')
    await expect(input(page, 'name')).toHaveValue('新型电池材料二期项目')
    await dialog(page).getByTestId('master-data-save').click()
    await expect(dialog(page)).toBeHidden()
    await expect(fact(page, '项目名称')).toHaveText('新型电池材料二期项目')
  })

  test('fields the service refuses show under them, nothing typed is lost', async ({ page }) => {
    const id = await (await StaffApi.of(page)).negotiatingProject()
    await page.goto(`/projects/${id}`)
    await page.getByTestId('master-data-edit').click()
    await input(page, 'name').fill('测试项目')
    await input(page, 'jobs').fill('-5')
    await dialog(page).getByTestId('master-data-save').click()
    await expect(formItem(dialog(page), '带动就业').locator('.el-form-item__error')).toContainText('jobs')
    await expect(input(page, 'name')).toHaveValue('测试项目')
    await expect(fact(page, '项目名称')).toHaveText('—')
  })
})

test.describe('finance', () => {
  test.use({ user: 'finance' })

  test('sees the 基本信息 but cannot edit it', async ({ page, browser }) => {
    const anning = await browser.newPage({ baseURL: consoleUrl })
    await signIn(anning, 'anning')
    const id = await (await StaffApi.of(anning)).negotiatingProject()
    await anning.close()
    await page.goto(`/projects/${id}`)
    await expect(page.getByTestId('master-data')).toContainText('项目名称')
    await expect(page.getByTestId('master-data-edit')).toHaveCount(0)
  })
})
