import { approvalApi } from '@/api/clients'
import { call } from '@/app/problems'

export const listOverdueItems = (asOf?: string) =>
  call(approvalApi.GET('/api/approval-items/overdue', { params: { query: { asOf } } }))

/** The raw answer: the page tells someone else's (or a missing) case apart itself. */
export const fetchApprovalCase = (projectId: string) =>
  approvalApi.GET('/api/projects/{projectId}/approval-case', { params: { path: { projectId } } })

export const loadItemHistory = (projectId: string, code: string) =>
  call(approvalApi.GET('/api/projects/{projectId}/approval-case/items/{code}/history', { params: { path: { projectId, code } } }))

export type ItemActionKey = 'grant' | 'reject' | 'acceptWithDeficiency' | 'supplyDocuments' | 'resubmit'

export const emptyItemForm = () => ({
  action: '' as ItemActionKey | '',
  missingDocuments: [] as string[],
  committedOn: '',
  reason: '',
})

export type ItemForm = ReturnType<typeof emptyItemForm>

const orNull = (text: string) => (text.trim() === '' ? null : text.trim())

export function sendItemAction(projectId: string, code: string, form: ItemForm) {
  const path = { params: { path: { projectId, code } } }
  switch (form.action) {
    case 'grant':
      return approvalApi.POST('/api/projects/{projectId}/approval-case/items/{code}/grant', path)
    case 'reject':
      return approvalApi.POST('/api/projects/{projectId}/approval-case/items/{code}/reject', { ...path, body: { reason: orNull(form.reason) } })
    case 'acceptWithDeficiency':
      return approvalApi.POST('/api/projects/{projectId}/approval-case/items/{code}/accept-with-deficiency', {
        ...path, body: { missingDocuments: form.missingDocuments, committedOn: orNull(form.committedOn) },
      })
    case 'supplyDocuments':
      return approvalApi.POST('/api/projects/{projectId}/approval-case/items/{code}/supply-documents', path)
    case 'resubmit':
      return approvalApi.POST('/api/projects/{projectId}/approval-case/items/{code}/resubmit', { ...path, body: { reason: orNull(form.reason) } })
    default:
      throw new Error('no action chosen')
  }
}
