import type { Browser } from '@playwright/test'
import { expect, signIn, test } from '../../../tests/fixtures'
import { consoleUrl } from '../../../tests/console-url'
import { accessTokenOf, projectWithFundsReport, type FundsJourney } from '../funds/setup'

// The first view of a page waits on its API calls, which a loaded machine can take past the default 10 s for.
const loading = { timeout: 30_000 }

async function journey(browser: Browser): Promise<FundsJourney> {
  const context = await browser.newContext({ baseURL: consoleUrl })
  try {
    const page = await context.newPage()
    await signIn(page, 'anning')
    return await projectWithFundsReport(context.request, await accessTokenOf(page))
  } finally {
    await context.close()
  }
}

test.describe('auditor', () => {
  test.use({ user: 'auditor' })

  test("sees a funds report's history from a link, with who and what changed, and no action buttons", async ({ page, browser }) => {
    const { reportId } = await journey(browser)
    await page.goto(`/audit?service=funding&type=FundsReport&record=${reportId}`)
    const entries = page.getByTestId('audit-entries')
    await expect(entries.getByTestId('audit-action')).toHaveText(['上报'], loading)
    await expect(entries.getByTestId('audit-actor')).toContainText(['区县 · 安宁市'])
    await expect(entries).toContainText('50000000.00')
    await expect(entries).toContainText('进账单-')
    // The only button is the query itself: the auditor reads, never acts.
    await expect(page.locator('main').getByRole('button')).toHaveText(['查询'])
  })

  test("a project's trail is found by choosing the service and typing the id", async ({ page, browser }) => {
    const { projectId } = await journey(browser)
    await page.getByTestId('side-menu').getByRole('menuitem', { name: '审计' }).click()
    await page.getByTestId('audit-service').click()
    await page.getByRole('option', { name: '项目' }).click()
    await page.getByTestId('audit-record').fill(projectId)
    await page.getByTestId('audit-search').click()
    await expect(page.getByTestId('audit-entries').getByTestId('audit-action').first()).toBeVisible(loading)
    await expect(page).toHaveURL(new RegExp(`service=project.*record=${projectId}`))
  })

  test('a query without a record id is told under the id field', async ({ page }) => {
    await page.goto('/audit')
    await page.getByTestId('audit-search').click()
    await expect(page.getByTestId('audit-query').locator('.el-form-item', { hasText: '记录编号' }).locator('.el-form-item__error'))
      .toContainText('recordId')
  })
})

test.describe('finance', () => {
  test.use({ user: 'finance' })

  test('has no 审计 menu entry and is turned away from the page', async ({ page }) => {
    await expect(page.getByTestId('side-menu').getByRole('menuitem', { name: '资金' })).toBeVisible()
    await expect(page.getByTestId('side-menu').getByRole('menuitem', { name: '审计' })).toHaveCount(0)
    await page.goto('/audit')
    await expect(page).toHaveURL(/\/forbidden$/)
  })
})
