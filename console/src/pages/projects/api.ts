import { approvalApi, fundingApi, projectApi } from '@/api/clients'
import type { components, operations } from '@/api/generated/project'
import { multipart } from '@/app/evidence'
import { saveFile } from '@/app/files'
import { call } from '@/app/problems'

export type ProjectQuery = NonNullable<operations['ListProjects']['parameters']['query']>

export const listProjects = (query: ProjectQuery) =>
  call(projectApi.GET('/api/projects', { params: { query } }))

/** The list as the filter finds it, as xlsx (paging and sort left out: the whole list). */
export async function exportProjects(query: ProjectQuery) {
  saveFile(await call(projectApi.GET('/api/projects/export', { params: { query }, parseAs: 'blob' })), '项目清单.xlsx')
}

/** The raw answer (not unwrapped): the page tells 404/403 (someone else's project) apart itself. */
export const fetchProject = (id: string) =>
  projectApi.GET('/api/projects/{id}', { params: { path: { id } } })

export const loadTimeline = (id: string) =>
  call(projectApi.GET('/api/projects/{id}/timeline', { params: { path: { id } } }))

export const listParks = () => call(projectApi.GET('/api/parks'))

export const loadApprovalCase = (projectId: string) =>
  approvalApi.GET('/api/projects/{projectId}/approval-case', { params: { path: { projectId } } })

export const loadLedger = (projectId: string) =>
  fundingApi.GET('/api/projects/{projectId}/ledger', { params: { path: { projectId } } })

export const listFundsReports = (projectId: string) =>
  call(fundingApi.GET('/api/projects/{projectId}/funds-reports', { params: { path: { projectId } } }))

export const listIncentiveClaims = (projectId: string) =>
  call(fundingApi.GET('/api/projects/{projectId}/incentive-claims', { params: { path: { projectId } } }))

export const updateMasterData = (id: string, body: components['schemas']['MasterDataRequest']) =>
  projectApi.PUT('/api/projects/{id}/master-data', { params: { path: { id } }, body })

// 存量项目 from the bureau's 台账: the template (columns and an example row) and the import itself.
export async function downloadProjectImportTemplate() {
  saveFile(await call(projectApi.GET('/api/projects/import-template', { parseAs: 'blob' })), '存量项目-导入模板.xlsx')
}

/** The import's answer as it is: a 422 lists the refused rows, which the dialog shows rather than a message. */
export const importProjects = (file: File, goodRowsOnly: boolean) =>
  projectApi.POST('/api/projects/import', { params: { query: { goodRowsOnly } }, body: multipart(file) })
