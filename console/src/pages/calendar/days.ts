/**
 * A year's days as the calendar page shows them. A day is a holiday (法定节假日, weekend days within a holiday
 * included), a weekend day worked in exchange (调休上班), or plain: a weekday works, a Saturday or Sunday rests.
 */
export type DayKind = 'holiday' | 'working' | 'plain'

/** The days the bureau set, by YYYY-MM-DD (plain days are not listed). */
export type MarkedDays = Record<string, Exclude<DayKind, 'plain'>>

export interface GridDay { date: string; day: number; weekend: boolean }

const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`

export const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay())

/** A month (1–12) as weeks of seven, Monday first; null pads the first and last week. */
export function monthGrid(year: number, month: number): (GridDay | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay()
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const cells: (GridDay | null)[] = Array.from({ length: (first + 6) % 7 }, () => null)
  for (let day = 1; day <= length; day++) {
    const date = iso(year, month, day)
    cells.push({ date, day, weekend: isWeekend(date) })
  }
  while (cells.length % 7 !== 0)
    cells.push(null)
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7))
}

export const marked = (holidays: string[], working: string[]): MarkedDays => ({
  ...Object.fromEntries(holidays.map((date) => [date, 'holiday'] as const)),
  ...Object.fromEntries(working.map((date) => [date, 'working'] as const)),
})

/** What a click makes of a day: a weekday is a holiday or not; a weekend day rests, is a holiday, or is worked. */
export function nextKind(date: string, kind: DayKind): DayKind {
  if (kind === 'plain')
    return 'holiday'
  return kind === 'holiday' && isWeekend(date) ? 'working' : 'plain'
}

/** The days set, as the API takes them (sorted). */
export const listed = (days: MarkedDays, kind: Exclude<DayKind, 'plain'>) =>
  Object.keys(days).filter((date) => days[date] === kind).sort()

/** `base` with the user's `edits` (by day; 'plain' clears a day) applied: also how edits carry over onto a newer version. */
export function applyEdits(base: MarkedDays, edits: Record<string, DayKind>): MarkedDays {
  const result: MarkedDays = { ...base }
  for (const [date, kind] of Object.entries(edits)) {
    if (kind === 'plain')
      delete result[date]
    else
      result[date] = kind
  }
  return result
}
