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
