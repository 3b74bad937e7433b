import type { Page } from '@playwright/test'
import { expect, test } from '../../../tests/fixtures'
import { StaffApi } from '../projects/setup'

// Far years no service counts by yet: the specs change them freely (each run from whatever the last one left).
const journeyYear = 2099
const staleYear = 2098

interface CalendarYear { year: number; version: number; holidays: string[]; workingWeekendDays: string[] }

const day = (page: Page, date: string) => page.getByTestId(`day-${date}`)
const kindIn = (year: CalendarYear | undefined, date: string) =>
  year?.holidays.includes(date) ? 'holiday' : year?.workingWeekendDays.includes(date) ? 'working' : 'plain'
const held = async (api: StaffApi, year: number) =>
  (await api.call<CalendarYear[]>('GET', `/api/working-calendar?year=${year}`))[0]

test.describe('the bureau', () => {
  test('marks a weekday a holiday and a Sunday a 调休 working day, saves, and every reader sees it', { tag: '@journey' }, async ({ page }) => {
    const api = await StaffApi.of(page)
    // 2099-10-01 is a Thursday, 2099-09-27 a Sunday.
    const weekday = '2099-10-01'
    const sunday = '2099-09-27'
    const before = await held(api, journeyYear)
    await page.goto(`/calendar?year=${journeyYear}`)
    await expect(day(page, weekday)).toHaveAttribute('data-kind', kindIn(before, weekday))
    // A weekday: plain ↔ holiday. A weekend day: plain → holiday → working → plain.
    await day(page, weekday).click()
    const weekdayNow = kindIn(before, weekday) === 'plain' ? 'holiday' : 'plain'
    await expect(day(page, weekday)).toHaveAttribute('data-kind', weekdayNow)
    const sundaySteps = { plain: 1, holiday: 1, working: 2 }[kindIn(before, sunday)]
    for (let step = 0; step < sundaySteps; step++)
      await day(page, sunday).click()
    const sundayNow = kindIn(before, sunday) === 'holiday' ? 'working' : 'holiday'
    await expect(day(page, sunday)).toHaveAttribute('data-kind', sundayNow)
    await expect(page.getByTestId('calendar-changes')).toContainText('2 处')
    await page.getByTestId('calendar-save').click()

    await expect(page.getByTestId('calendar-changes')).toHaveCount(0)
    const after = await held(api, journeyYear)
    expect(after!.version).toBe((before?.version ?? 0) + 1)
    expect(kindIn(after, weekday)).toBe(weekdayNow)
    expect(kindIn(after, sunday)).toBe(sundayNow)
    await page.reload()
    await expect(day(page, weekday)).toHaveAttribute('data-kind', weekdayNow)
    await expect(page.getByTestId('calendar-meta')).toContainText(`第 ${after!.version} 版`)
  })

  test('a year saved meanwhile: the save is refused, the newer version taken with the changes kept', async ({ page }) => {
    const api = await StaffApi.of(page)
    const mine = '2098-05-06'
    const theirs = '2098-05-07'
    await page.goto(`/calendar?year=${staleYear}`)
    await expect(page.getByTestId('month-5')).toBeVisible()
    const before = await held(api, staleYear)
    await day(page, mine).click()
    const mineNow = kindIn(before, mine) === 'plain' ? 'holiday' : 'plain'
    // Someone else changes another day of the year meanwhile.
    const theirHolidays = kindIn(before, theirs) === 'holiday'
      ? before!.holidays.filter((d) => d !== theirs)
      : [...(before?.holidays ?? []), theirs]
    await api.call('PUT', `/api/working-calendar/${staleYear}`, {
      holidays: theirHolidays, workingWeekendDays: before?.workingWeekendDays ?? [], version: before?.version ?? 0,
    })
    await page.getByTestId('calendar-save').click()

    const notice = page.getByTestId('stale-notice')
    await expect(notice).toContainText(`现为第 ${(before?.version ?? 0) + 1} 版`)
    await expect(notice).toContainText('05-06')
    await notice.getByTestId('stale-adopt').click()
    await expect(day(page, theirs)).toHaveAttribute('data-kind', theirHolidays.includes(theirs) ? 'holiday' : 'plain')
    await expect(day(page, mine)).toHaveAttribute('data-kind', mineNow)
    await page.getByTestId('calendar-save').click()
    await expect(page.getByTestId('calendar-changes')).toHaveCount(0)
    const after = await held(api, staleYear)
    expect(after!.version).toBe((before?.version ?? 0) + 2)
    expect(kindIn(after, mine)).toBe(mineNow)
    expect(kindIn(after, theirs)).toBe(theirHolidays.includes(theirs) ? 'holiday' : 'plain')
  })
})

test.describe('a district officer (anning)', () => {
  test.use({ user: 'anning' })

  test('reads the calendar from the menu but cannot change it', async ({ page }) => {
    await page.getByTestId('side-menu').getByRole('menuitem', { name: '工作日历' }).click()
    await expect(page).toHaveURL(/\/calendar/)
    await expect(page.getByTestId('month-12')).toBeVisible()
    await expect(page.getByTestId('calendar-save')).toHaveCount(0)
    const someDay = page.locator('[data-testid^="day-"]').first()
    const kind = await someDay.getAttribute('data-kind')
    await expect(someDay).toBeDisabled()
    await someDay.click({ force: true })
    await expect(someDay).toHaveAttribute('data-kind', kind!)
  })
})
