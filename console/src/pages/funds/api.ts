import type { components } from '@/api/generated/funding'
import type { components as ProjectComponents } from '@/api/generated/project'
import { fundingApi, projectApi } from '@/api/clients'
import { call } from '@/app/problems'
import { saveFile } from '@/app/files'
import { exact } from './exact'

type Schemas = components['schemas']
export type FundsReport = Schemas['FundsReport']
export type FundsReportRequest = Schemas['FundsReportRequest']
export type Ledger = Schemas['LedgerView']
export type IncentiveClaim = Schemas['IncentiveClaim']
export type ClaimView = Schemas['ClaimView']
export type IncentivePolicy = Schemas['IncentivePolicy']
export type PolicyRequest = Schemas['PolicyRequest']
export type FundsStatistics = Schemas['FundsStatisticsReport']
export type ExchangeRate = Schemas['ExchangeRate']
export type ProjectView = ProjectComponents['schemas']['ProjectView']
export type ProjectState = ProjectComponents['schemas']['ProjectState']
export type Park = ProjectComponents['schemas']['Park']

export interface ProjectQuery { State?: ProjectState; District?: string; Park?: string; Page: number; PageSize: number }
export interface StatsQuery { Year?: number; Quarter?: number; District?: string; Park?: string; Industry?: string }

// Projects (project service): the list to pick from, a project's name and place.
export const listProjects = (query: ProjectQuery) =>
  call(projectApi.GET('/api/projects', { ...exact, params: { query } }))
export const getProject = (id: string) => call(projectApi.GET('/api/projects/{id}', { ...exact, params: { path: { id } } }))
export const listParks = () => call(projectApi.GET('/api/parks', {}))

// A project's ledger and funds reports.
export const getLedger = (projectId: string) =>
  call(fundingApi.GET('/api/projects/{projectId}/ledger', { ...exact, params: { path: { projectId } } }))
export const listFundsReports = (projectId: string) =>
  call(fundingApi.GET('/api/projects/{projectId}/funds-reports', { ...exact, params: { path: { projectId } } }))

/** How many of the project's reports wait for finance; undefined when they cannot be read (no ledger yet). */
export async function countWaiting(projectId: string): Promise<number | undefined> {
  const { data } = await fundingApi.GET('/api/projects/{projectId}/funds-reports', { params: { path: { projectId } } })
  return data?.filter((report) => report.status === 'Reported').length
}

export const reportFunds = (projectId: string, body: FundsReportRequest, key: string) => () =>
  fundingApi.POST('/api/projects/{projectId}/funds-reports', {
    ...exact, params: { path: { projectId }, header: { 'Idempotency-Key': key } }, body,
  })
export const updateFundsReport = (id: string, body: Schemas['UpdateFundsReportRequest']) =>
  fundingApi.PUT('/api/funds-reports/{id}', { ...exact, params: { path: { id } }, body })
export const verifyFunds = (id: string) =>
  call(fundingApi.POST('/api/funds-reports/{id}/verify', { ...exact, params: { path: { id } } }))
export const rejectFunds = (id: string, reason: string) => () =>
  fundingApi.POST('/api/funds-reports/{id}/reject', { ...exact, params: { path: { id } }, body: { reason } })

// Incentives.
export const listPolicies = (year?: number) =>
  call(fundingApi.GET('/api/incentive-policies', { ...exact, params: { query: { year } } }))
export const createPolicy = (body: PolicyRequest, key: string) => () =>
  fundingApi.POST('/api/incentive-policies', { ...exact, params: { header: { 'Idempotency-Key': key } }, body })
export const listClaims = (projectId: string) =>
  call(fundingApi.GET('/api/projects/{projectId}/incentive-claims', { ...exact, params: { path: { projectId } } }))
export const getClaim = (id: string) => call(fundingApi.GET('/api/incentive-claims/{id}', { ...exact, params: { path: { id } } }))
export const raiseClaim = (projectId: string, policyId: string, key: string) => () =>
  fundingApi.POST('/api/incentive-claims', {
    ...exact, params: { header: { 'Idempotency-Key': key } }, body: { projectId, policyId: policyId || null },
  })
export const approveClaim = (id: string) =>
  call(fundingApi.POST('/api/incentive-claims/{id}/approve', { ...exact, params: { path: { id } } }))
export const rejectClaim = (id: string, reason: string) => () =>
  fundingApi.POST('/api/incentive-claims/{id}/reject', { ...exact, params: { path: { id } }, body: { reason } })
/** The same key for a retried payment: the stage is paid once. */
export const payStage = (id: string, key: string) =>
  call(fundingApi.POST('/api/incentive-claims/{id}/payments', { ...exact, params: { path: { id }, header: { 'Idempotency-Key': key } } }))

// Statistics and exchange rates.
export const getStatistics = (query: StatsQuery) =>
  call(fundingApi.GET('/api/stats/funds', { ...exact, params: { query } }))
export const listRates = (currency: string) =>
  call(fundingApi.GET('/api/exchange-rates/{currency}', { ...exact, params: { path: { currency } } }))
export const setRate = (currency: string, date: string, cnyPerUnit: string) => () =>
  fundingApi.PUT('/api/exchange-rates/{currency}/{date}', { ...exact, params: { path: { currency, date } }, body: { cnyPerUnit } })

// CSV exports: fetched with the bearer token like every call, then saved as a file.
export async function downloadStatisticsCsv(query: StatsQuery): Promise<void> {
  const file = await call(fundingApi.GET('/api/stats/funds.csv', { params: { query }, parseAs: 'blob' }))
  saveFile(file, `到位资金统计${query.Year ? `-${query.Year}` : ''}.csv`)
}
export async function downloadPaymentsCsv(year?: number): Promise<void> {
  const file = await call(fundingApi.GET('/api/incentive-payments.csv', { params: { query: { year } }, parseAs: 'blob' }))
  saveFile(file, `奖励兑现台账${year ? `-${year}` : ''}.csv`)
}

/** The project as the caller may see it, or the status that refused it (404: missing or someone else's). */
export async function findProject(id: string): Promise<{ project?: ProjectView; status: number }> {
  const { data, response } = await projectApi.GET('/api/projects/{id}', { ...exact, params: { path: { id } } })
  return { project: data, status: response.status }
}
