import type { PlanNode } from './api'

/** Days since 1970-01-01 of a YYYY-MM-DD (calendar arithmetic in UTC, so no time zone shifts a day). */
export const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000)

export interface Bar {
  node: PlanNode
  start: number
  end: number
  done: number | undefined
}

/** Each node as a bar from its anchor's planned day (the signing day for `signed`) to its own planned day. */
export function barsOf(nodes: PlanNode[], signedOn: string | null | undefined): Bar[] {
  const planned = new Map(nodes.map((node) => [node.code, dayNumber(node.plannedOn)]))
  return nodes.map((node) => {
    const end = dayNumber(node.plannedOn)
    const anchored = node.anchor === 'signed' ? (signedOn ? dayNumber(signedOn) : undefined) : planned.get(node.anchor)
    return { node, start: Math.min(anchored ?? end, end), end, done: node.completedOn ? dayNumber(node.completedOn) : undefined }
  })
}

/** The axis: from the earliest bar (or today) to the latest bar (or today), with a few days' margin. */
export function axisOf(bars: Bar[], today: number): { from: number; to: number } {
  const days = bars.flatMap((bar) => [bar.start, bar.end, bar.done ?? bar.end]).concat(today)
  return { from: Math.min(...days) - 3, to: Math.max(...days) + 3 }
}

/** First days of the months between two day numbers, for the axis' ticks. */
export function monthTicks(from: number, to: number): { day: number; label: string }[] {
  const ticks: { day: number; label: string }[] = []
  const start = new Date(from * 86_400_000)
  let month = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1))
  while (month.getTime() / 86_400_000 <= to) {
    ticks.push({ day: month.getTime() / 86_400_000, label: `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}` })
    month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))
  }
  return ticks
}
