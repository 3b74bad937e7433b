import type { Page } from '@playwright/test'
import { expect, signIn, test } from '../../../tests/fixtures'
import { consoleUrl } from '../../../tests/console-url'
import { field, formItem } from '../enterprises/testing'
import { StaffApi } from '../projects/setup'

interface IntentRecord { id: string; industry: string; intendedInvestment: number | string; receivedOn: string; version: number }

/** A fresh open intent of 安宁市 (新材料, 3 亿元, received today), made through the API as the signed-in officer. */
async function openIntent(api: StaffApi): Promise<IntentRecord> {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
  const enterprises = await api.call<{ items: { id: string }[] }>('GET', '/api/enterprises?PageSize=1')
  return api.call<IntentRecord>('POST', '/api/intents', {
    enterpriseId: enterprises.items[0]!.id, sourceEventId: null, industry: '新材料', intendedInvestment: '300000000.00',
    district: '安宁市', receivedOn: today,
  })
}

const editDialog = (page: Page) => page.getByTestId('intent-edit-dialog')

test.describe('district officer (anning)', () => {
  test.use({ user: 'anning' })

  test('corrects an intent: the page shows the new industry and amount', { tag: '@journey' }, async ({ page }) => {
    const intent = await openIntent(await StaffApi.of(page))
    await page.goto(`/intents/${intent.id}`)
    await page.getByTestId('intent-edit').click()
    await field(editDialog(page), 'edit-industry').fill('装备制造')
    await field(editDialog(page), 'edit-investment').fill('450000000.50')
    await editDialog(page).getByTestId('edit-save').click()

    await expect(editDialog(page)).toBeHidden()
    await expect(page.getByText('45,000.00005 万元')).toBeVisible()
    await expect(page.locator('.el-descriptions__cell', { hasText: '装备制造' }).first()).toBeVisible()
    const stored = await (await StaffApi.of(page)).call<IntentRecord>('GET', `/api/intents/${intent.id}`)
    expect(stored).toMatchObject({ industry: '装备制造', version: intent.version + 1 })
  })

  test('a change meanwhile is shown beside what was typed; reloading it keeps the typing and saves on the new version', { tag: '@journey' }, async ({ page }) => {
    const api = await StaffApi.of(page)
    const intent = await openIntent(api)
    await page.goto(`/intents/${intent.id}`)
    await page.getByTestId('intent-edit').click()
    await field(editDialog(page), 'edit-investment').fill('520000000')
    // A colleague corrects the industry while the form is open.
    await api.call('PUT', `/api/intents/${intent.id}`, {
      industry: '装备制造', intendedInvestment: '300000000.00', receivedOn: intent.receivedOn, sourceEventId: null, version: intent.version,
    })
    await editDialog(page).getByTestId('edit-save').click()

    const notice = editDialog(page).getByTestId('stale-notice')
    await expect(notice).toContainText(`现为第 ${intent.version + 1} 版`)
    await expect(notice.locator('tr[data-label="产业"]')).toContainText('装备制造')
    await expect(notice.locator('tr[data-label="意向投资额"]')).toContainText('52,000 万元')
    await notice.getByTestId('stale-adopt').click()
    await expect(notice).toBeHidden()
    await expect(field(editDialog(page), 'edit-investment')).toHaveValue('520000000')
    await editDialog(page).getByTestId('edit-save').click()

    await expect(editDialog(page)).toBeHidden()
    await expect(page.getByText('52,000 万元')).toBeVisible()
    const stored = await api.call<IntentRecord>('GET', `/api/intents/${intent.id}`)
    expect(stored).toMatchObject({ version: intent.version + 2 })
    expect(Number(stored.intendedInvestment)).toBe(520000000)
  })

  test('a field the service refuses shows its message under the field', async ({ page }) => {
    const intent = await openIntent(await StaffApi.of(page))
    await page.goto(`/intents/${intent.id}`)
    await page.getByTestId('intent-edit').click()
    await field(editDialog(page), 'edit-investment').fill('0')
    await editDialog(page).getByTestId('edit-save').click()
    await expect(formItem(editDialog(page), '意向投资额').locator('.el-form-item__error')).toContainText('intendedInvestment')
    await expect(editDialog(page)).toBeVisible()
  })
})

test.describe('the auditor', () => {
  test.use({ user: 'auditor' })

  test('reads an open intent but has no 编辑', async ({ page, browser }) => {
    const anning = await browser.newPage({ baseURL: consoleUrl })
    await signIn(anning, 'anning')
    const intent = await openIntent(await StaffApi.of(anning))
    await anning.close()

    await page.goto(`/intents/${intent.id}`)
    await expect(page.getByTestId('intent-status')).toHaveText('新接收')
    await expect(page.getByTestId('intent-edit')).toHaveCount(0)
  })
})
