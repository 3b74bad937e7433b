import type { Page } from '@playwright/test'
import { expect, test } from '../../../tests/fixtures'
import { field, formItem, unique } from '../enterprises/testing'
import { StaffApi } from '../projects/setup'

interface EventRecord { id: string; title: string; region: string; startsOn: string; leader: string; version: number }

/** A fresh event of this year in a region no other run uses, so the list filtered by it shows just this one. */
async function newEvent(api: StaffApi): Promise<EventRecord> {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
  return api.call<EventRecord>('POST', '/api/events', {
    title: unique('长三角新材料产业推介会'), type: 'Conference', region: unique('测试区域'), startsOn: today, endsOn: null,
    leader: '市投资促进局 张局长', major: false, summary: null,
  })
}

/** The events list narrowed to the event's region; ends with its row shown. */
async function showEvent(page: Page, event: EventRecord) {
  await page.goto('/events')
  await page.locator('.filters .el-form-item', { hasText: '区域' }).locator('input').fill(event.region)
  await page.getByTestId('event-search').click()
  await expect(page.getByTestId('event-table').locator('tbody tr')).toHaveCount(1)
}

const dialog = (page: Page) => page.getByTestId('event-edit-dialog')

test.describe('the bureau', () => {
  test('corrects an event: the list shows the new title and leader', { tag: '@journey' }, async ({ page }) => {
    const event = await newEvent(await StaffApi.of(page))
    await showEvent(page, event)
    await page.getByTestId('event-table').getByTestId('event-edit').click()
    await expect(field(dialog(page), 'event-title')).toHaveValue(event.title)
    await field(dialog(page), 'event-title').fill(`${event.title}（更正）`)
    await field(dialog(page), 'event-leader').fill('市人民政府 王副市长')
    await dialog(page).getByTestId('event-save').click()

    await expect(dialog(page)).toBeHidden()
    const row = page.getByTestId('event-table').locator('tbody tr').first()
    await expect(row).toContainText(`${event.title}（更正）`)
    await expect(row).toContainText('市人民政府 王副市长')
  })

  test('a change meanwhile is shown; reloading keeps what was typed and saves on the new version', async ({ page }) => {
    const api = await StaffApi.of(page)
    const event = await newEvent(api)
    await showEvent(page, event)
    await page.getByTestId('event-table').getByTestId('event-edit').click()
    await field(dialog(page), 'event-leader').fill('市人民政府 王副市长')
    await api.call('PUT', `/api/events/${event.id}`, {
      title: event.title, type: 'Forum', region: event.region, startsOn: event.startsOn, endsOn: null, leader: event.leader,
      major: true, summary: '签约 3 个项目', version: event.version,
    })
    await dialog(page).getByTestId('event-save').click()

    const notice = dialog(page).getByTestId('stale-notice')
    await expect(notice.locator('tr[data-label="活动类型"]')).toContainText('论坛')
    await expect(notice.locator('tr[data-label="带队领导"]')).toContainText('市人民政府 王副市长')
    await notice.getByTestId('stale-adopt').click()
    await expect(field(dialog(page), 'event-leader')).toHaveValue('市人民政府 王副市长')
    await dialog(page).getByTestId('event-save').click()
    await expect(dialog(page)).toBeHidden()
    const stored = await api.call<EventRecord>('GET', `/api/events/${event.id}`)
    expect(stored).toMatchObject({ leader: '市人民政府 王副市长', version: event.version + 2 })
  })

  test('a field the service refuses shows its message under the field', async ({ page }) => {
    const event = await newEvent(await StaffApi.of(page))
    await showEvent(page, event)
    await page.getByTestId('event-table').getByTestId('event-edit').click()
    await field(dialog(page), 'event-title').fill('')
    await dialog(page).getByTestId('event-save').click()
    await expect(formItem(dialog(page), '活动名称').locator('.el-form-item__error')).toContainText('title')
  })
})

test.describe('the park', () => {
  test.use({ user: 'anning-park' })

  test('reads the events without 编辑', async ({ page }) => {
    await page.goto('/events')
    await expect(page.getByTestId('event-table').locator('tbody tr').first()).toBeVisible()
    await expect(page.getByTestId('event-edit')).toHaveCount(0)
  })
})
