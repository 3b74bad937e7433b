import type { components } from '@/api/generated/project'

export type ProjectState = components['schemas']['ProjectState']
export type ProjectView = components['schemas']['ProjectView']

export const stateNames: Record<ProjectState, string> = {
  Negotiating: '在谈',
  Signed: '已签约',
  Registered: '已注册',
  LandAcquired: '已拿地',
  UnderConstruction: '已开工',
  InProduction: '已投产',
  Stalled: '停滞',
  Terminated: '已终止',
}

export const stateTagTypes: Record<ProjectState, 'primary' | 'success' | 'warning' | 'danger' | 'info'> = {
  Negotiating: 'info',
  Signed: 'primary',
  Registered: 'primary',
  LandAcquired: 'primary',
  UnderConstruction: 'primary',
  InProduction: 'success',
  Stalled: 'warning',
  Terminated: 'danger',
}

/** A state the API names (maybe one this console does not know yet) in Chinese. */
export const stateName = (state: string | null | undefined) =>
  state ? (stateNames[state as ProjectState] ?? state) : ''

const groupDigits = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** The decimal as the API wrote it, split into sign, integer digits and fraction digits — never through arithmetic. */
function decimalParts(value: number | string): { sign: string; whole: string; fraction: string } | undefined {
  const text = String(value).trim()
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)
  return match ? { sign: match[1] ?? '', whole: match[2] ?? '0', fraction: match[3] ?? '' } : undefined
}

/** A decimal with thousands separators, exactly as the API gave it (e.g. 1,500,000,000.00). */
export function grouped(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '')
    return '—'
  const parts = decimalParts(value)
  return parts ? `${parts.sign}${groupDigits(parts.whole)}${parts.fraction ? `.${parts.fraction}` : ''}` : String(value)
}

/** An amount in 元 (e.g. 1,500,000,000.00 元). */
export const yuan = (value: number | string | null | undefined) => {
  const text = grouped(value)
  return text === '—' ? text : `${text} 元`
}

/** The same amount in 万元: the decimal point moved four places in the text, so nothing is rounded. */
export function wanYuan(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '')
    return '—'
  const parts = decimalParts(value)
  if (!parts)
    return `${String(value)} 元`
  const padded = parts.whole.padStart(5, '0')
  const whole = padded.slice(0, -4).replace(/^0+(?=\d)/, '')
  const fraction = (padded.slice(-4) + parts.fraction).replace(/0+$/, '')
  return `${parts.sign}${groupDigits(whole)}${fraction ? `.${fraction}` : ''} 万元`
}

const pad = (n: number) => String(n).padStart(2, '0')

/** YYYY-MM-DD of a date (already a date) or of a timestamp in the browser's time zone. */
export function day(value: string | null | undefined): string {
  if (!value)
    return '—'
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    return value
  const at = new Date(value)
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
}

/** YYYY-MM-DD HH:mm of a timestamp. */
export function moment(value: string | null | undefined): string {
  if (!value)
    return '—'
  const at = new Date(value)
  return `${day(value)} ${pad(at.getHours())}:${pad(at.getMinutes())}`
}

/** Today as YYYY-MM-DD (the browser's day: staff work in China). */
export const today = () => day(new Date().toISOString())
