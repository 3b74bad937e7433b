import { leadApi } from '@/api/clients'
import type { components, operations } from '@/api/generated/lead'
import { multipart } from '@/app/evidence'
import { saveFile } from '@/app/files'
import { call } from '@/app/problems'

export type Enterprise = components['schemas']['Enterprise']
export type EnterpriseRequest = components['schemas']['EnterpriseRequest']
export type ChainRole = components['schemas']['ChainRole']
export type EnterprisePriority = components['schemas']['EnterprisePriority']
export type EnterpriseQuery = NonNullable<operations['ListEnterprises']['parameters']['query']>

export const listEnterprises = (query: EnterpriseQuery) =>
  call(leadApi.GET('/api/enterprises', { params: { query } }))

export const getEnterprise = (id: string) =>
  call(leadApi.GET('/api/enterprises/{id}', { params: { path: { id } } }))

// Creates and updates go through useProblemForm's submit, which unwraps them with the field errors.
export const createEnterprise = (body: EnterpriseRequest, idempotencyKey: string) =>
  leadApi.POST('/api/enterprises', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } })

export const updateEnterprise = (id: string, body: EnterpriseRequest) =>
  leadApi.PUT('/api/enterprises/{id}', { body, params: { path: { id } } })

export type ChainQuery = NonNullable<operations['GetIndustryChain']['parameters']['query']>

/** A chain's roles with their counts and a page of each role's enterprises (or of the one role asked for). */
export const getIndustryChain = (chain: string, query: ChainQuery = {}) =>
  call(leadApi.GET('/api/industry-chains/{chain}', { params: { path: { chain }, query } }))

/** The chains that have target enterprises: the API has no list of chains, so they are read off the list. */
export async function knownChains(): Promise<string[]> {
  const page = await listEnterprises({ PageSize: 200, Sort: 'name' })
  return [...new Set(page.items.map((enterprise) => enterprise.industryChain))].sort((a, b) => a.localeCompare(b, 'zh-CN'))
}

// Excel: the list as the filter finds it, the import's empty template, and the import itself.
export type ImportReport = components['schemas']['ImportReport']
export type RowProblem = components['schemas']['RowProblem']

export async function exportEnterprises(query: EnterpriseQuery) {
  saveFile(await call(leadApi.GET('/api/enterprises/export', { params: { query }, parseAs: 'blob' })), '重点目标企业清单.xlsx')
}

export async function downloadImportTemplate() {
  saveFile(await call(leadApi.GET('/api/enterprises/import-template', { parseAs: 'blob' })), '重点目标企业清单-导入模板.xlsx')
}

/** The import's answer as it is: a 422 lists the refused rows, which the dialog shows rather than a message. */
export const importEnterprises = (file: File, goodRowsOnly: boolean) =>
  leadApi.POST('/api/enterprises/import', { params: { query: { goodRowsOnly } }, body: multipart(file) })
