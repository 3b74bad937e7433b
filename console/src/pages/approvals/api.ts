import { approvalApi } from '@/api/clients'
import { saveFile } from '@/app/files'
import { call } from '@/app/problems'

/** One page of the items overdue on asOf (today unless given), longest late first; projectId narrows to one project. */
export const listOverdueItems = (query: { asOf?: string, projectId?: string, page: number, pageSize: number }) =>
  call(approvalApi.GET('/api/approval-items/overdue', { params: { query } }))

/** The overdue items on asOf in the caller's scope, as the workbook the service writes. */
export async function exportOverdueItems(asOf: string): Promise<void> {
  saveFile(await call(approvalApi.GET('/api/approval-items/overdue/export', { params: { query: { asOf } }, parseAs: 'blob' })), `超期审批事项-${asOf}.xlsx`)
}

/** The raw answer: the page tells someone else's (or a missing) case apart itself. */
export const fetchApprovalCase = (projectId: string) =>
  approvalApi.GET('/api/projects/{projectId}/approval-case', { params: { path: { projectId } } })

export const loadItemHistory = (projectId: string, code: string) =>
  call(approvalApi.GET('/api/projects/{projectId}/approval-case/items/{code}/history', { params: { path: { projectId, code } } }))

export type ItemActionKey = 'grant' | 'reject' | 'acceptWithDeficiency' | 'supplyDocuments' | 'resubmit'

export const emptyItemForm = () => ({
  action: '' as ItemActionKey | '',
  /** One document a line. */
  missingDocuments: '',
  committedOn: '',
  reason: '',
})

export type ItemForm = ReturnType<typeof emptyItemForm>

const orNull = (text: string) => (text.trim() === '' ? null : text.trim())
const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter((line) => line !== '')

export function sendItemAction(projectId: string, code: string, form: ItemForm) {
  const path = { params: { path: { projectId, code } } }
  switch (form.action) {
    case 'grant':
      return approvalApi.POST('/api/projects/{projectId}/approval-case/items/{code}/grant', path)
    case 'reject':
      return approvalApi.POST('/api/projects/{projectId}/approval-case/items/{code}/reject', { ...path, body: { reason: orNull(form.reason) } })
    case 'acceptWithDeficiency':
      return approvalApi.POST('/api/projects/{projectId}/approval-case/items/{code}/accept-with-deficiency', {
        ...path, body: { missingDocuments: lines(form.missingDocuments), committedOn: orNull(form.committedOn) },
      })
    case 'supplyDocuments':
      return approvalApi.POST('/api/projects/{projectId}/approval-case/items/{code}/supply-documents', path)
    case 'resubmit':
      return approvalApi.POST('/api/projects/{projectId}/approval-case/items/{code}/resubmit', { ...path, body: { reason: orNull(form.reason) } })
    default:
      throw new Error('no action chosen')
  }
}
