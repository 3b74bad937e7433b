import { projectApi } from '@/api/clients'
import type { OperationId } from '@/app/permissions'
import type { ProjectState } from './states'

export type ActionKey =
  | 'sign' | 'register' | 'acquireLand' | 'startConstruction' | 'goLive' | 'stall' | 'resume' | 'terminate' | 'transfer'

export interface ProjectAction {
  key: ActionKey
  label: string
  operation: OperationId
  /** Ends or interrupts the project: shown as a warning button. */
  setback?: boolean
}

const action = (key: ActionKey, label: string, operation: OperationId, setback = false): ProjectAction =>
  ({ key, label, operation, setback })

const sign = action('sign', '签约', 'SignProject')
const register = action('register', '注册落地', 'RegisterProject')
const acquireLand = action('acquireLand', '拿地', 'AcquireLand')
const startConstruction = action('startConstruction', '开工', 'StartConstruction')
const goLive = action('goLive', '投产', 'GoLive')
const stall = action('stall', '停滞', 'StallProject', true)
const resume = action('resume', '恢复推进', 'ResumeProject')
const terminate = action('terminate', '终止', 'TerminateProject', true)
const transfer = action('transfer', '流转至其他区县', 'TransferProject')

/** What may follow each state (the project service's transition table); the role decides which buttons show. */
export const nextActions: Record<ProjectState, ProjectAction[]> = {
  Negotiating: [sign, terminate, transfer],
  Signed: [register, stall, terminate, transfer],
  Registered: [acquireLand, stall, terminate, transfer],
  LandAcquired: [startConstruction, stall, terminate, transfer],
  UnderConstruction: [goLive, stall, terminate, transfer],
  Stalled: [resume, terminate, transfer],
  InProduction: [],
  Terminated: [],
}

export const allActions = [sign, register, acquireLand, startConstruction, goLive, stall, resume, terminate, transfer]

/** Every field any action's form has; one model so a half-typed form survives an expired session as one draft. */
export const emptyActionForm = () => ({
  action: '' as ActionKey | '',
  agreementNo: '',
  signedOn: '',
  contractedInvestment: '',
  park: '',
  parkOutsideDistrict: false,
  filing: 'Filing',
  eia: 'Form',
  energyReview: true,
  companyName: '',
  companyUscc: '',
  parcelId: '',
  areaMu: '',
  contractDate: '',
  on: '',
  reason: '',
  toDistrict: '',
})

export type ActionForm = ReturnType<typeof emptyActionForm>

const orNull = (text: string) => (text.trim() === '' ? null : text.trim())

/** Sends the action with the version the page shows, so a change meanwhile is refused (409) rather than overwritten. */
export function sendAction(id: string, version: number | string, form: ActionForm) {
  const path = { params: { path: { id } } }
  const reason = { reason: orNull(form.reason), version }
  switch (form.action) {
    case 'sign':
      return projectApi.POST('/api/projects/{id}/sign', {
        ...path,
        body: {
          agreementNo: orNull(form.agreementNo), signedOn: orNull(form.signedOn),
          contractedInvestment: orNull(form.contractedInvestment), park: orNull(form.park),
          parkOutsideDistrict: form.parkOutsideDistrict || null,
          approvalProfile: { filing: form.filing, eia: form.eia, energyReview: form.energyReview }, version,
        },
      })
    case 'register':
      return projectApi.POST('/api/projects/{id}/register', {
        ...path, body: { companyName: orNull(form.companyName), companyUscc: orNull(form.companyUscc), version },
      })
    case 'acquireLand':
      return projectApi.POST('/api/projects/{id}/acquire-land', {
        ...path,
        body: { parcelId: orNull(form.parcelId), areaMu: orNull(form.areaMu), contractDate: orNull(form.contractDate), version },
      })
    case 'startConstruction':
      return projectApi.POST('/api/projects/{id}/start-construction', { ...path, body: { on: orNull(form.on), version } })
    case 'goLive':
      return projectApi.POST('/api/projects/{id}/go-live', { ...path, body: { on: orNull(form.on), version } })
    case 'stall':
      return projectApi.POST('/api/projects/{id}/stall', { ...path, body: reason })
    case 'resume':
      return projectApi.POST('/api/projects/{id}/resume', { ...path, body: reason })
    case 'terminate':
      return projectApi.POST('/api/projects/{id}/terminate', { ...path, body: reason })
    case 'transfer':
      return projectApi.POST('/api/projects/{id}/transfer', {
        ...path, body: { toDistrict: orNull(form.toDistrict), reason: orNull(form.reason), version },
      })
    default:
      throw new Error('no action chosen')
  }
}
