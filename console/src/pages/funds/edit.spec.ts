import type { Page } from '@playwright/test'
import { expect, signIn, test } from '../../../tests/fixtures'
import { consoleUrl } from '../../../tests/console-url'
import { field, formItem } from '../enterprises/testing'
import { accessTokenOf, projectWithFundsReport } from './setup'

// The first view of a page waits on its API calls, which a loaded machine can take past the default 10 s for.
const loading = { timeout: 30_000 }

const reportRow = (page: Page) => page.getByTestId('funds-reports').locator('.el-table__body tr').first()
const dialog = (page: Page) => page.getByTestId('funds-edit-dialog')

/** A funds report waiting for finance on a fresh 安宁市 project, and the signed-in officer's token for API calls. */
async function waitingReport(page: Page) {
  const token = await accessTokenOf(page)
  const journey = await projectWithFundsReport(page.request, token)
  const headers = { Authorization: `Bearer ${token}` }
  const reports = await page.request.get(`/api/projects/${journey.projectId}/funds-reports`, { headers })
  const { version } = ((await reports.json()) as { id: string; version: number }[]).find((r) => r.id === journey.reportId)!
  const put = (body: object) => page.request.put(`/api/funds-reports/${journey.reportId}`, { data: { ...body, version }, headers })
  return { ...journey, put }
}

test.describe('district officer (anning)', () => {
  test.use({ user: 'anning' })

  test('corrects a report while it waits for finance', { tag: '@journey' }, async ({ page }) => {
    const { projectId } = await waitingReport(page)
    await page.goto(`/funds/projects/${projectId}`)
    await expect(reportRow(page).getByTestId('report-status')).toHaveText('待核实', loading)
    await reportRow(page).getByTestId('edit-report').click()
    await field(dialog(page), 'edit-amount').fill('60000000.25')
    await field(dialog(page), 'edit-evidence').fill('验资报告-更正-001')
    await dialog(page).getByTestId('edit-save').click()

    await expect(dialog(page)).toBeHidden()
    await expect(reportRow(page)).toContainText('60,000,000.25')
    await expect(reportRow(page)).toContainText('验资报告-更正-001')
    await expect(reportRow(page).getByTestId('report-status')).toHaveText('待核实')
  })

  test('a change meanwhile is shown beside what was typed; reloading keeps it and saves', async ({ page }) => {
    const { projectId, put } = await waitingReport(page)
    await page.goto(`/funds/projects/${projectId}`)
    await reportRow(page).getByTestId('edit-report').click({ timeout: loading.timeout })
    await field(dialog(page), 'edit-amount').fill('70000000')
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
    const meanwhile = await put({
      amount: '55000000.00', currency: 'CNY', source: 'OutsideProvince', use: 'WorkingCapital', reportedOn: today,
      evidenceRef: '进账单-他人更正',
    })
    expect(meanwhile.status(), await meanwhile.text()).toBe(200)
    await dialog(page).getByTestId('edit-save').click()

    const notice = dialog(page).getByTestId('stale-notice')
    await expect(notice.locator('tr[data-label="金额"]')).toContainText('55,000,000.00')
    await expect(notice.locator('tr[data-label="金额"]')).toContainText('70,000,000.00')
    await notice.getByTestId('stale-adopt').click()
    await expect(field(dialog(page), 'edit-amount')).toHaveValue('70000000')
    await dialog(page).getByTestId('edit-save').click()
    await expect(dialog(page)).toBeHidden()
    await expect(reportRow(page)).toContainText('70,000,000.00')
  })

  test('a report finance verified meanwhile is no longer corrected; an amount refused shows under the field', async ({ page, browser }) => {
    const { projectId, reportId } = await waitingReport(page)
    await page.goto(`/funds/projects/${projectId}`)
    await reportRow(page).getByTestId('edit-report').click({ timeout: loading.timeout })
    await field(dialog(page), 'edit-amount').fill('-1')
    await dialog(page).getByTestId('edit-save').click()
    await expect(formItem(dialog(page), '金额').locator('.el-form-item__error')).toContainText('amount')

    const finance = await browser.newPage({ baseURL: consoleUrl })
    await signIn(finance, 'finance')
    const verified = await finance.request.post(`/api/funds-reports/${reportId}/verify`,
      { headers: { Authorization: `Bearer ${await accessTokenOf(finance)}` } })
    expect(verified.status(), await verified.text()).toBe(200)
    await finance.close()

    await field(dialog(page), 'edit-amount').fill('50000000.00')
    await dialog(page).getByTestId('edit-save').click()
    await expect(dialog(page)).toBeHidden()
    await expect(reportRow(page).getByTestId('report-status')).toHaveText('已核实')
    await expect(reportRow(page).getByTestId('edit-report')).toHaveCount(0)
  })
})

test.describe('finance', () => {
  test.use({ user: 'finance' })

  test('decides on reports but does not correct them', async ({ page, browser }) => {
    const anning = await browser.newPage({ baseURL: consoleUrl })
    await signIn(anning, 'anning')
    const { projectId } = await projectWithFundsReport(anning.request, await accessTokenOf(anning))
    await anning.close()
    await page.goto(`/funds/projects/${projectId}`)
    await expect(reportRow(page).getByTestId('verify')).toBeVisible(loading)
    await expect(page.getByTestId('edit-report')).toHaveCount(0)
  })
})
