import type { components } from '@/api/generated/project'

export type ProjectState = components['schemas']['ProjectState']

/** Project stages in pipeline order, with their Chinese names. */
export const projectStates: Record<ProjectState, string> = {
  Negotiating: '洽谈中',
  Signed: '已签约',
  Registered: '已注册',
  LandAcquired: '已拿地',
  UnderConstruction: '在建',
  InProduction: '已投产',
  Stalled: '停滞',
  Terminated: '已终止',
}

/** Numbers the services send as number or numeric string (ASP.NET Core's OpenAPI types them number | string). */
export const num = (value: number | string | null | undefined): number => (value === null || value === undefined ? 0 : Number(value))

/** A rate of 0..1 as a percentage with one decimal, or — when there is none. */
export const percent = (rate: number | string | null | undefined): string =>
  rate === null || rate === undefined ? '—' : `${(Number(rate) * 100).toFixed(1)}%`
