import type { LocationQuery } from 'vue-router'
import { todayInChina } from '@/app/format'

/** The period a report covers: a year, one of its quarters or one of its months (the API takes quarter XOR month). */
export interface Period {
  year: number
  kind: 'year' | 'quarter' | 'month'
  quarter: number
  month: number
}

export const periodKinds = { year: '年', quarter: '季度', month: '月' } as const

/** This year (China's calendar), with this quarter and month ready for when the user narrows it. */
export function thisPeriod(): Period {
  const [year, month] = todayInChina().split('-').map(Number) as [number, number]
  return { year, kind: 'year', quarter: Math.ceil(month / 3), month }
}

export const periodQuery = (period: Period) => ({
  year: period.year,
  quarter: period.kind === 'quarter' ? period.quarter : undefined,
  month: period.kind === 'month' ? period.month : undefined,
})

type Whole = number | string | null | undefined

/** 2026年 / 2026年第3季度 / 2026年7月, from a year with a quarter or a month (as a report's period has them). */
export function yearLabel(year: Whole, quarter?: Whole, month?: Whole): string {
  if (quarter)
    return `${year}年第${quarter}季度`
  return month ? `${year}年${month}月` : `${year}年`
}

export const periodLabel = (period: Period) => {
  const { year, quarter, month } = periodQuery(period)
  return yearLabel(year, quarter, month)
}

/** The quarter whose 调度会 workbook fits the period: the chosen quarter, a month's quarter, none for a whole year. */
export const meetingQuarter = (period: Period) =>
  period.kind === 'quarter' ? period.quarter : period.kind === 'month' ? Math.ceil(period.month / 3) : undefined

const whole = (value: LocationQuery[string], min: number, max: number) => {
  const parsed = typeof value === 'string' ? Number(value) : NaN
  return Number.isInteger(parsed) && parsed >= min && parsed <= max ? parsed : undefined
}

/** The period in an address (?year=&quarter= or ?year=&month=), so a page's view can be linked. */
export function periodFrom(query: LocationQuery): Period {
  const period = thisPeriod()
  period.year = whole(query.year, 2000, 2100) ?? period.year
  const quarter = whole(query.quarter, 1, 4)
  const month = whole(query.month, 1, 12)
  if (month !== undefined)
    Object.assign(period, { kind: 'month', month, quarter: Math.ceil(month / 3) })
  else if (quarter !== undefined)
    Object.assign(period, { kind: 'quarter', quarter })
  return period
}
