import type { OperationId } from '@/app/permissions'
import type { ItemActionKey } from './api'
import type { ApprovalItem } from './labels'

export interface ItemAction {
  key: ItemActionKey
  label: string
  operation: OperationId
  setback?: boolean
}

export const itemActions: ItemAction[] = [
  { key: 'grant', label: '批准', operation: 'GrantApprovalItem' },
  { key: 'acceptWithDeficiency', label: '容缺受理', operation: 'AcceptApprovalItemWithDeficiency' },
  { key: 'supplyDocuments', label: '补齐材料', operation: 'SupplyApprovalItemDocuments' },
  { key: 'resubmit', label: '补正后重新申报', operation: 'ResubmitApprovalItem' },
  { key: 'reject', label: '不予许可', operation: 'RejectApprovalItem', setback: true },
]

/** What staff may do to an item in each status (the approval service's table). */
const allowed: Record<ApprovalItem['status'], ItemActionKey[]> = {
  Pending: [],
  Open: ['grant', 'acceptWithDeficiency', 'reject'],
  AcceptedWithDeficiency: ['supplyDocuments', 'reject'],
  Suspended: ['supplyDocuments'],
  Granted: [],
  Issued: [],
  Rejected: ['resubmit'],
  Returned: ['resubmit'],
}

export const actionsFor = (status: ApprovalItem['status']) => itemActions.filter((a) => allowed[status].includes(a.key))
