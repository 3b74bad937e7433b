/**
 * Money as the API sends it (元, a decimal as number or string), shown without arithmetic: the digits are regrouped and
 * the decimal point moved as text, so nothing is rounded.
 */
function digitsOf(amount: number | string): { negative: boolean; whole: string; fraction: string } {
  const text = typeof amount === 'number' ? amount.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : amount.trim()
  const negative = text.startsWith('-')
  const [whole = '0', fraction = ''] = text.replace(/^-/, '').split('.')
  return { negative, whole: whole.replace(/^0+(?=\d)/, ''), fraction: fraction.replace(/0+$/, '') }
}

const grouped = (whole: string) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')

function render(negative: boolean, whole: string, fraction: string, unit: string): string {
  return `${negative ? '-' : ''}${grouped(whole)}${fraction ? `.${fraction}` : ''} ${unit}`
}

/** 1500000000 → "1,500,000,000 元". */
export function formatYuan(amount: number | string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '')
    return '—'
  const { negative, whole, fraction } = digitsOf(amount)
  return render(negative, whole, fraction, '元')
}

/** 1500000000 → "150,000 万元"; 12345.6 → "1.23456 万元". */
export function formatWan(amount: number | string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '')
    return '—'
  const { negative, whole, fraction } = digitsOf(amount)
  const padded = whole.padStart(5, '0')
  const wanWhole = padded.slice(0, -4).replace(/^0+(?=\d)/, '')
  const wanFraction = (padded.slice(-4) + fraction).replace(/0+$/, '')
  return render(negative, wanWhole, wanFraction, '万元')
}

/** An instant as a date and time in China (YYYY-MM-DD HH:mm). */
export function formatInstant(value: string | null | undefined): string {
  if (!value)
    return '—'
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }).formatToParts(new Date(value))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`
}

/** Today in China as YYYY-MM-DD (the API's dates are China's calendar days). */
export function todayInChina(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
}
