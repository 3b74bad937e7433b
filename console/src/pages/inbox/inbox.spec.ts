import type { Locator, Page, Response } from '@playwright/test'
import { expect, test } from '../../../tests/fixtures'
import { messageTimeout, StaffApi } from '../projects/setup'

test.describe('a district officer (anning)', () => {
  test.use({ user: 'anning' })

  test('sees the unread count in the header, marks one and then all as read', { tag: '@journey' }, async ({ page }) => {
    test.setTimeout(240_000)
    const api = await StaffApi.of(page)
    // The district's approval items coming due are in its inbox: a signed project's filing is due within days.
    await api.signedProject()
    await expect.poll(async () => (await api.call<{ count: number }>('GET', '/api/inbox/unread-count')).count, { timeout: messageTimeout }).toBeGreaterThan(1)
    await page.reload()
    const badge = page.getByTestId('unread-count').locator('sup')
    await expect(badge).toBeVisible()

    await page.getByTestId('inbox-bell').click()
    await expect(page).toHaveURL(/\/inbox$/)
    const list = page.getByTestId('inbox-list')
    await expect(list.getByTestId('grade-light').first()).toBeVisible()
    // Other specs' projects keep filling the district's inbox meanwhile, so each step is checked against the count the
    // page fetched after it, and the marks against the service.
    const marking = page.waitForRequest((r) => r.method() === 'POST' && /\/api\/inbox\/[^/]+\/read$/.test(r.url()))
    const afterOne = unreadFetchedAfter(page, /\/api\/inbox\/[^/]+\/read$/)
    await list.getByTestId('mark-read').first().click()
    const markedId = new URL((await marking).url()).pathname.split('/').at(-2)!
    await expectBadge(badge, await afterOne)
    const unreadIds = async () =>
      new Set((await api.call<{ items: { id: string }[] }>('GET', '/api/inbox?unread=true&pageSize=100')).items.map((i) => i.id))
    const stillUnread = await unreadIds()
    expect(stillUnread.has(markedId)).toBe(false)

    const afterAll = unreadFetchedAfter(page, /\/api\/inbox\/read-all$/)
    await page.getByTestId('read-all').click()
    await expectBadge(badge, await afterAll)
    const unreadNow = await unreadIds()
    expect([...stillUnread].filter((id) => unreadNow.has(id))).toEqual([])
    // Items link to their record. Other specs' reminders (an intent's next step) may be newest, so the first link is
    // not necessarily a project's: this project's items are looked for among the links.
    await expect(list.locator('[data-testid="inbox-link"][href^="/projects/"]').first()).toBeVisible()
  })

  test('an e-mail address the service refuses shows its message under the field', async ({ page }) => {
    await page.goto('/inbox')
    await page.getByRole('tab', { name: '通知设置' }).click()
    await page.getByTestId('pref-email').fill('不是邮箱')
    await page.getByTestId('pref-save').click()
    const field = page.locator('.el-form-item').filter({ has: page.getByTestId('pref-email') })
    await expect(field.locator('.el-form-item__error')).toBeVisible()
    await expect(page.getByTestId('pref-email')).toHaveValue('不是邮箱')
  })
})

/** The unread count the page fetches once its request to `after` has been answered. */
function unreadFetchedAfter(page: Page, after: RegExp): Promise<number> {
  let answered = false
  const onResponse = (r: Response) => {
    if (after.test(new URL(r.url()).pathname))
      answered = true
  }
  page.on('response', onResponse)
  return page.waitForResponse((r) => answered && new URL(r.url()).pathname.endsWith('/api/inbox/unread-count'))
    .then(async (r) => Number((await r.json() as { count: number }).count))
    .finally(() => page.off('response', onResponse))
}

/** The header's badge shows `count`: hidden at 0, capped at 99+. */
async function expectBadge(badge: Locator, count: number) {
  if (count === 0)
    await expect(badge).toBeHidden()
  else
    await expect(badge).toHaveText(count > 99 ? '99+' : String(count))
}
