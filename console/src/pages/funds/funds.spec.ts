import { readFile } from 'node:fs/promises'
import type { Browser, Page } from '@playwright/test'
import { expect, signIn, test, type DemoUser } from '../../../tests/fixtures'
import { consoleUrl } from '../../../tests/console-url'
import { messageTimeout } from '../projects/setup'
import { accessTokenOf, projectWithFundsReport, type FundsJourney } from './setup'

// The first view of a page waits on its API calls, which a loaded machine can take past the default 10 s for.
const loading = { timeout: 30_000 }

/** A project signed by 安宁市 with one funds report waiting, made with the officer's own token. */
async function journey(browser: Browser, user: DemoUser = 'anning'): Promise<FundsJourney> {
  const context = await browser.newContext({ baseURL: consoleUrl })
  try {
    const page = await context.newPage()
    await signIn(page, user)
    return await projectWithFundsReport(context.request, await accessTokenOf(page))
  } finally {
    await context.close()
  }
}

const reportRow = (page: Page) => page.getByTestId('funds-reports').locator('.el-table__body tr').first()

test.describe('finance', () => {
  test.use({ user: 'finance' })

  test('verifies a funds report and the 驾驶舱 到位 figure rises by it', { tag: '@journey' }, async ({ page, browser }) => {
    const { projectId } = await journey(browser)
    // This period's 到位资金 on the 驾驶舱 (the statistics API): the report is dated today.
    const verifiedTile = page.getByTestId('figure-fundsInPlace').getByTestId('figure-value')
    await expect(page.getByTestId('dashboard')).toHaveAttribute('data-ready', 'true', loading)
    const before = await verifiedTile.textContent()

    await page.goto(`/funds/projects/${projectId}`)
    await expect(reportRow(page).getByTestId('report-status')).toHaveText('待核实', loading)
    await reportRow(page).getByTestId('verify').click()
    await page.getByRole('button', { name: '确认核实' }).click()
    await expect(reportRow(page).getByTestId('report-status')).toHaveText('已核实')
    await expect(page.getByTestId('ledger-verified')).toHaveText('50,000,000.00 元')
    await expect(reportRow(page).getByTestId('verify')).toHaveCount(0)

    await page.getByTestId('side-menu').getByRole('menuitem', { name: '驾驶舱' }).click()
    await expect(page.getByTestId('dashboard')).toHaveAttribute('data-ready', 'true', loading)
    // 50,000,000 元 is 0.50 亿元: the tile's two decimals move by at least 50 hundredths. At least, because the
    // figure is the whole city's and edit.spec verifies its own reports on the other worker meanwhile.
    const hundredths = (text: string | null) => Math.round(Number.parseFloat((text ?? '').replaceAll(',', '')) * 100)
    // The verification reaches the statistics as a message; the page shows it once reloaded after that.
    await expect.poll(async () => {
      await page.reload()
      await expect(page.getByTestId('dashboard')).toHaveAttribute('data-ready', 'true', loading)
      return hundredths(await verifiedTile.textContent())
    }, { timeout: messageTimeout }).toBeGreaterThanOrEqual(hundredths(before) + 50)
  })

  test('a reject without a reason shows the error under the reason; with one, the report is rejected', async ({ page, browser }) => {
    const { projectId } = await journey(browser)
    await page.goto(`/funds/projects/${projectId}`)
    await reportRow(page).getByTestId('reject').click()
    const dialog = page.getByTestId('reason-dialog')
    await dialog.getByTestId('confirm-reject').click()
    await expect(dialog.locator('.el-form-item__error')).toContainText('reason')
    await expect(reportRow(page).getByTestId('report-status')).toHaveText('待核实', loading)

    await dialog.getByTestId('reason').fill('凭证与进账金额不符')
    await dialog.getByTestId('confirm-reject').click()
    await expect(reportRow(page).getByTestId('report-status')).toHaveText('已驳回')
    await expect(reportRow(page)).toContainText('理由：凭证与进账金额不符')
  })

  test('a decided report cannot be decided again: the 409 tells its state', async ({ page, browser }) => {
    const { projectId, reportId } = await journey(browser)
    await page.goto(`/funds/projects/${projectId}`)
    await expect(reportRow(page).getByTestId('verify')).toBeVisible(loading)
    // Someone else verifies it meanwhile (finance's own token, straight to the API).
    const response = await page.request.post(`/api/funds-reports/${reportId}/verify`,
      { headers: { Authorization: `Bearer ${await accessTokenOf(page)}` } })
    expect(response.status()).toBe(200)
    await reportRow(page).getByTestId('verify').click()
    await page.getByRole('button', { name: '确认核实' }).click()
    await expect(page.locator('.el-message')).toContainText('操作未执行：The funds report is Verified')
    await expect(reportRow(page).getByTestId('report-status')).toHaveText('已核实')
  })
})

test.describe('district officer', () => {
  test.use({ user: 'anning' })

  test('reports funds but sees no verify or reject; a missing voucher number is told under its field', async ({ page, browser }) => {
    const { projectId } = await journey(browser)
    await page.goto('/funds')
    await expect(page.getByTestId('funds-projects')).toBeVisible(loading)
    await page.goto(`/funds/projects/${projectId}`)
    await expect(reportRow(page).getByTestId('report-status')).toHaveText('待核实', loading)
    await expect(page.getByTestId('verify')).toHaveCount(0)
    await expect(page.getByTestId('reject')).toHaveCount(0)

    await page.getByTestId('report-funds').click()
    const dialog = page.getByTestId('report-dialog')
    await dialog.getByTestId('report-amount').fill('1234567.89')
    await dialog.getByTestId('report-source').click()
    await page.getByRole('option', { name: '市外省内' }).click()
    await dialog.getByTestId('report-use').click()
    await page.getByRole('option', { name: '流动资金' }).click()
    await dialog.getByTestId('submit-report').click()
    await expect(dialog.locator('.el-form-item', { hasText: '凭证编号' }).locator('.el-form-item__error')).toContainText('evidenceRef')
    // Nothing typed is lost: the amount is still there.
    await expect(dialog.getByTestId('report-amount')).toHaveValue('1234567.89')

    await dialog.getByTestId('report-evidence').fill('验资报告-2026-018')
    await dialog.getByTestId('submit-report').click()
    await expect(dialog).toBeHidden()
    const added = page.getByTestId('funds-reports').locator('.el-table__body tr', { hasText: '验资报告-2026-018' })
    await expect(added).toContainText('1,234,567.89 人民币')
    await expect(added.getByTestId('report-status')).toHaveText('待核实')
  })
})

test.describe("another district's officer", () => {
  test.use({ user: 'chenggong' })

  test("cannot see 安宁市's project funds, even by its address", async ({ page, browser }) => {
    const { projectId } = await journey(browser)
    await page.goto(`/funds/projects/${projectId}`)
    await expect(page.getByTestId('not-visible')).toContainText('项目不存在或无权查看', loading)
    await expect(page.getByTestId('funds-reports')).toHaveCount(0)
  })
})

test.describe('bureau', () => {
  test.use({ user: 'bureau' })

  test('downloads the statistics as CSV with the token', async ({ page }) => {
    await page.goto('/funds?tab=stats')
    await expect(page.getByTestId('stats-tiles')).toBeVisible(loading)

    const download = page.waitForEvent('download')
    await page.getByTestId('stats-csv').click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^到位资金统计.*\.csv$/)
    const text = await readFile(await file.path(), 'utf8')
    expect(text.startsWith('\uFEFF到位日期,季度,区县,园区')).toBe(true)
  })
})

test.describe('auditor', () => {
  test.use({ user: 'auditor' })

  test('reads a project funds but has no action buttons', async ({ page, browser }) => {
    const { projectId } = await journey(browser)
    await page.goto(`/funds/projects/${projectId}`)
    await expect(reportRow(page).getByTestId('report-status')).toHaveText('待核实', loading)
    await expect(page.getByTestId('ledger')).toBeVisible()
    for (const action of ['verify', 'reject', 'report-funds', 'raise-claim'])
      await expect(page.getByTestId(action)).toHaveCount(0)
    await expect(reportRow(page).getByTestId('audit-link')).toBeVisible()
  })
})
