/**
 * Money, shares and dates as every page shows them. Money is the decimal the API sent (number or numeric text),
 * regrouped and its decimal point moved as text — never through floating-point arithmetic, so nothing is rounded.
 * Dates are China's calendar (UTC+8), the services' calendar, whatever the browser's time zone.
 */
export type Decimal = number | string

const missing = (value: Decimal | null | undefined): value is null | undefined | '' =>
  value === null || value === undefined || value === ''

/** The decimal's sign, integer digits and fraction digits as written (a number is written out without exponent). */
function digitsOf(value: Decimal): { sign: string; whole: string; fraction: string } | undefined {
  const text = typeof value === 'number'
    ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 })
    : value.trim()
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)
  return match ? { sign: match[1] ?? '', whole: (match[2] ?? '0').replace(/^0+(?=\d)/, ''), fraction: match[3] ?? '' } : undefined
}

const groupDigits = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** 1234567.5 → "1,234,567.5"; with `fraction` 2 → "1,234,567.50" (padded to at least that many decimals, never cut). */
export function grouped(value: Decimal | null | undefined, fraction = 0): string {
  if (missing(value))
    return '—'
  const parts = digitsOf(value)
  if (!parts)
    return String(value)
  const decimals = parts.fraction.padEnd(fraction, '0')
  return `${parts.sign}${groupDigits(parts.whole)}${decimals ? `.${decimals}` : ''}`
}

const inUnit = (unit: string) => (value: Decimal | null | undefined) => (missing(value) ? '—' : `${grouped(value, 2)} ${unit}`)

/** An amount in 元 with at least two decimals: "1,500,000,000.00 元". */
export const yuan = inUnit('元')
/** An amount the API already gives in 万元, 亿元 or US dollars. */
export const wan = inUnit('万元')
export const yi = inUnit('亿元')
export const usd = inUnit('美元')

/** An amount in 元 shown in 万元, the decimal point moved four places in the text: 1500000000.5 → "150,000.00005 万元". */
export function wanFromYuan(value: Decimal | null | undefined): string {
  if (missing(value))
    return '—'
  const parts = digitsOf(value)
  if (!parts)
    return `${String(value)} 元`
  const padded = parts.whole.padStart(5, '0')
  const whole = padded.slice(0, -4).replace(/^0+(?=\d)/, '')
  const fraction = (padded.slice(-4) + parts.fraction).replace(/0+$/, '')
  return `${parts.sign}${groupDigits(whole)}${fraction ? `.${fraction}` : ''} 万元`
}

/** A share of 0..1 as a percentage, the decimal point moved two places in the text: "0.3456" → "34.56%". */
export function sharePercent(share: Decimal | null | undefined): string {
  if (missing(share))
    return '—'
  const parts = digitsOf(share)
  if (!parts)
    return String(share)
  const padded = parts.fraction.padEnd(2, '0')
  const integer = `${parts.whole}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, '')
  const rest = padded.slice(2)
  return `${parts.sign}${integer}${rest ? `.${rest}` : ''}%`
}

const chinaParts = (at: Date) => {
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(at)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` }
}

/** YYYY-MM-DD: a date stays as it is, an instant becomes its day in China. */
export function day(value: string | null | undefined): string {
  if (!value)
    return '—'
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : chinaParts(new Date(value)).date
}

/** An instant as YYYY-MM-DD HH:mm in China time. */
export function dateTime(value: string | null | undefined): string {
  if (!value)
    return '—'
  const { date, time } = chinaParts(new Date(value))
  return `${date} ${time}`
}

/** Today in China as YYYY-MM-DD (not the browser's day). */
export const todayInChina = () => chinaParts(new Date()).date
