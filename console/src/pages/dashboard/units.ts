import { grouped, wanFromYuan, type Decimal } from '../../app/format'

/** The decimal with its point moved `places` to the right (left when negative), as text: no floating point, no rounding. */
export function shiftPoint(value: Decimal, places: number): string | undefined {
  const text = typeof value === 'number' ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : value.trim()
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)
  if (!match)
    return undefined
  const [, sign = '', whole = '0', fraction = ''] = match
  let digits = whole + fraction
  let point = whole.length + places
  if (point < 1) {
    digits = '0'.repeat(1 - point) + digits
    point = 1
  }
  digits = digits.padEnd(point, '0')
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, '')
  const rest = digits.slice(point).replace(/0+$/, '')
  return `${sign}${integer}${rest ? `.${rest}` : ''}`
}

/** US dollars in 万美元 as the plans state them: 1234567.8 → "123.45678 万美元". */
export const wanUsd = (value: Decimal | null | undefined) =>
  value === null || value === undefined ? '—' : `${grouped(shiftPoint(value, -4) ?? value)} 万美元`

/** Counts with thousands separators. */
export const count = (value: Decimal | null | undefined, unit = '个') => (value === null || value === undefined ? '—' : `${grouped(value)} ${unit}`)

export { wanFromYuan }
