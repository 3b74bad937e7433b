import { expect, signIn, test } from '../../../tests/fixtures'
import { consoleUrl } from '../../../tests/console-url'
import { StaffApi } from './setup'

const noPageScroll = () => document.documentElement.scrollWidth <= document.documentElement.clientWidth

test.describe('a district officer (anning)', () => {
  test.use({ user: 'anning' })

  test('signs a project into a park of the district; the path, money and timeline follow', { tag: '@journey' }, async ({ page }) => {
    const id = await (await StaffApi.of(page)).negotiatingProject()
    await page.goto(`/projects/${id}`)
    await expect(page.getByTestId('project-state')).toHaveText('在谈')
    await page.getByTestId('project-actions').getByRole('button', { name: '签约' }).click()
    const dialog = page.getByRole('dialog', { name: '签约' })
    await dialog.locator('input[name="agreementNo"]').fill(`AN-UI-${id.slice(0, 8)}`)
    await dialog.locator('input[name="contractedInvestment"]').fill('1500000000.50')
    await dialog.getByTestId('park-select').click()
    const offered = page.locator('.el-select-dropdown__item:visible')
    await expect(offered.first()).toBeVisible()
    // Only the parks of the project's district are offered.
    for (const option of await offered.allTextContents())
      expect(option).toContain('（安宁市）')
    await offered.filter({ hasText: '安宁工业园区' }).first().click()
    await dialog.getByTestId('action-confirm').click()

    await expect(page.getByTestId('project-state')).toHaveText('已签约')
    await expect(page.getByText('150,000.00005 万元')).toBeVisible()
    await expect(page.getByTestId('stage-path').locator('.el-step__title.is-success')).toHaveCount(2)
    await page.getByRole('tab', { name: '时间线' }).click()
    await expect(page.getByTestId('timeline')).toContainText('在谈 → 已签约')
    await expect(page.getByTestId('timeline')).toContainText('区县 · 安宁市')
    expect(await page.evaluate(noPageScroll)).toBe(true)
  })

  test('a field the service refuses shows its message under the field, nothing typed is lost', async ({ page }) => {
    const id = await (await StaffApi.of(page)).negotiatingProject()
    await page.goto(`/projects/${id}`)
    await page.getByTestId('project-actions').getByRole('button', { name: '签约' }).click()
    const dialog = page.getByRole('dialog', { name: '签约' })
    await dialog.locator('input[name="contractedInvestment"]').fill('2000000')
    await dialog.getByTestId('action-confirm').click()
    await expect(dialog.locator('.el-form-item', { hasText: '协议编号' }).locator('.el-form-item__error')).toContainText('agreementNo')
    await expect(dialog.locator('input[name="contractedInvestment"]')).toHaveValue('2000000')
    await expect(page.getByTestId('project-state')).toHaveText('在谈')
  })

  test('an action on a project changed meanwhile shows the 409 with the current state', { tag: '@journey' }, async ({ page }) => {
    const api = await StaffApi.of(page)
    const id = await api.negotiatingProject()
    await page.goto(`/projects/${id}`)
    await expect(page.getByTestId('project-state')).toHaveText('在谈')
    // Someone else terminates it while the page still shows 在谈.
    await api.call('POST', `/api/projects/${id}/terminate`, { reason: '企业撤回投资计划', version: null })
    await page.getByTestId('project-actions').getByRole('button', { name: '签约' }).click()
    const dialog = page.getByRole('dialog', { name: '签约' })
    await dialog.locator('input[name="agreementNo"]').fill('AN-LATE-001')
    await dialog.locator('input[name="contractedInvestment"]').fill('100000000')
    await dialog.getByTestId('park-select').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '安宁工业园区' }).first().click()
    await dialog.getByTestId('action-confirm').click()

    await expect(dialog.getByTestId('action-refused')).toContainText('项目当前状态为「已终止」')
    await expect(dialog.locator('input[name="agreementNo"]')).toHaveValue('AN-LATE-001')
    await expect(page.getByTestId('project-state')).toHaveText('已终止')
    await expect(page.getByTestId('stopped-reason')).toContainText('企业撤回投资计划')
  })
})

test.describe('another district officer (chenggong)', () => {
  test.use({ user: 'chenggong' })

  test("cannot see anning's project, even by its address", { tag: '@journey' }, async ({ page, browser }) => {
    const anning = await browser.newPage({ baseURL: consoleUrl })
    await signIn(anning, 'anning')
    const id = await (await StaffApi.of(anning)).negotiatingProject()
    await anning.close()

    await page.goto(`/projects/${id}`)
    await expect(page.getByTestId('project-missing')).toContainText('项目不存在或无权查看')
    await expect(page.getByTestId('project-name')).toHaveCount(0)
  })
})

test.describe('the bureau', () => {
  test('filters the list by the address and by the form', async ({ page }) => {
    await page.goto('/projects?district=安宁市')
    const table = page.getByTestId('project-table')
    await expect(table.locator('tbody tr').first()).toBeVisible()
    for (const district of await table.locator('tbody tr td:nth-child(3)').allTextContents())
      expect(district.trim()).toBe('安宁市')

    await page.getByTestId('filter-state').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '已签约' }).click()
    await page.getByTestId('search').click()
    await expect(page).toHaveURL(/state=Signed/)
    await expect(page).toHaveURL(/district=/)
    await expect(table.locator('tbody tr td:nth-child(2)').filter({ hasNotText: '已签约' })).toHaveCount(0)
  })
})

test.describe('finance', () => {
  test.use({ user: 'finance' })

  test('sees a project and its funds but no lifecycle buttons', async ({ page }) => {
    await page.goto('/projects')
    await page.getByTestId('project-table').locator('tbody tr a').first().click()
    await expect(page.getByTestId('project-name')).toBeVisible()
    await expect(page.getByTestId('project-actions').getByRole('button')).toHaveCount(0)
    await expect(page.getByTestId('project-funds')).toBeVisible()
  })
})
