import { expect, test } from '../../../tests/fixtures'
import { field, newUscc, unique } from '../enterprises/testing'
import { StaffApi } from '../projects/setup'

test.describe('district officer (anning)', () => {
  test.use({ user: 'anning' })

  test('finds a new enterprise and its intent from the header, grouped, and opens the intent', { tag: '@journey' }, async ({ page }) => {
    const api = await StaffApi.of(page)
    const name = unique('滇中检索测试光伏科技有限公司')
    const enterprise = await api.call<{ id: string }>('POST', '/api/enterprises', {
      name, uscc: newUscc(), hqRegion: '长三角', industryChain: '新能源', chainRole: 'Supplier', priority: 'B',
    })
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
    const intent = await api.call<{ id: string }>('POST', '/api/intents', {
      enterpriseId: enterprise.id, sourceEventId: null, industry: '新材料', intendedInvestment: '120000000.00', district: '安宁市', receivedOn: today,
    })

    await field(page, 'header-search').fill(name)
    await field(page, 'header-search').press('Enter')
    await expect(page).toHaveURL(/\/search\?q=/)
    const enterprises = page.getByTestId('search-enterprises')
    await expect(enterprises.getByTestId('search-hit')).toHaveCount(1)
    await expect(enterprises.getByRole('link', { name })).toHaveAttribute('href', `/enterprises/${enterprise.id}`)
    const intents = page.getByTestId('search-intents')
    await expect(intents.getByTestId('search-hit')).toHaveCount(1)
    await expect(page.getByTestId('search-projects')).toBeVisible()

    await intents.getByRole('link', { name }).click()
    await expect(page).toHaveURL(`/intents/${intent.id}`)
    await expect(page.getByTestId('intent-status')).toHaveText('新接收')
  })

  test("finds a project by its agreement number and opens it", async ({ page }) => {
    const id = await (await StaffApi.of(page)).signedProject()
    const agreementNo = `UI-${id.slice(0, 8)}`
    await page.goto(`/search?q=${encodeURIComponent(agreementNo)}`)
    const projects = page.getByTestId('search-projects')
    await expect(projects.getByTestId('search-hit')).toHaveCount(1)
    await expect(projects.getByTestId('search-hit')).toContainText(`协议 ${agreementNo}`)
    await projects.getByTestId('search-hit').getByRole('link').click()
    await expect(page).toHaveURL(`/projects/${id}`)
  })

  test('one character is not searched', async ({ page }) => {
    await page.goto('/projects')
    await field(page, 'header-search').fill('滇')
    await field(page, 'header-search').press('Enter')
    await expect(page.getByText('请至少输入 2 个字')).toBeVisible()
    await expect(page).toHaveURL(/\/projects$/)
    await page.goto('/search?q=滇')
    await expect(page.getByTestId('search-too-short')).toBeVisible()
    await expect(page.getByTestId('search-hit')).toHaveCount(0)
  })
})
