/**
 * Money and shares as the funding service sends them: decimal text (see exact.ts), formatted for reading without any
 * arithmetic on floating-point numbers — what the API computed is shown digit for digit, never rounded.
 */
export type Decimal = number | string

const plain = /^(-?)(\d+)(?:\.(\d+))?$/

/** 1234567.5 → "1,234,567.50": thousands separators, at least `fraction` decimals (padded, never cut). */
export function formatDecimal(value: Decimal | null | undefined, fraction = 2): string {
  if (value === null || value === undefined || value === '')
    return '—'
  const match = plain.exec(String(value).trim())
  if (!match)
    return String(value)
  const [, sign, whole, decimals = ''] = match
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const digits = decimals.padEnd(fraction, '0')
  return `${sign}${grouped}${digits ? `.${digits}` : ''}`
}

export const yuan = (value: Decimal | null | undefined) => (value === null || value === undefined ? '—' : `${formatDecimal(value)} 元`)
export const wan = (value: Decimal | null | undefined) => (value === null || value === undefined ? '—' : `${formatDecimal(value)} 万元`)
export const yi = (value: Decimal | null | undefined) => (value === null || value === undefined ? '—' : `${formatDecimal(value, 2)} 亿元`)
export const usd = (value: Decimal | null | undefined) => (value === null || value === undefined ? '—' : `${formatDecimal(value)} 美元`)

/** A share of 0..1 as a percentage, by moving the decimal point two places: "0.3456" → "34.56%". */
export function percent(share: Decimal | null | undefined): string {
  if (share === null || share === undefined || share === '')
    return '—'
  const match = plain.exec(String(share).trim())
  if (!match)
    return String(share)
  const [, sign, whole, decimals = ''] = match
  const padded = decimals.padEnd(2, '0')
  const integer = `${whole}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, '')
  const rest = padded.slice(2)
  return `${sign}${integer}${rest ? `.${rest}` : ''}%`
}

/** An ISO date-time as YYYY-MM-DD HH:mm in China time; a date stays YYYY-MM-DD. */
export function dateTime(value: string | null | undefined): string {
  if (!value)
    return '—'
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }).formatToParts(new Date(value))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`
}

/** Today in China as YYYY-MM-DD (the services' calendar). */
export function todayInChina(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date())
}
