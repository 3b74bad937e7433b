import { approvalApi, leadApi, projectApi } from '@/api/clients'
import type { components as ProjectSchemas, operations } from '@/api/generated/project'
import { call } from '@/app/problems'
import { num } from '@/app/labels'

export type Kpis = ProjectSchemas['schemas']['KpiReport']
export type ProjectView = ProjectSchemas['schemas']['ProjectView']
export type OverdueIntents = Awaited<ReturnType<typeof loadOverdueIntents>>
export type OverdueApprovalItems = Awaited<ReturnType<typeof loadOverdueApprovalItems>>

export type StatisticsQuery = NonNullable<operations['GetStatistics']['parameters']['query']>
export type StatisticsReport = Awaited<ReturnType<typeof loadStatistics>>
export type Figures = StatisticsReport['current']
export type Amount = Figures['signedAmount']
export type StatisticsTargets = Awaited<ReturnType<typeof loadTargets>>
export type TargetItem = StatisticsTargets['items'][number]
export type Indicator = TargetItem['indicator']

export const loadStatistics = (query: StatisticsQuery) => call(projectApi.GET('/api/statistics', { params: { query } }))

export const loadTargets = (year: number) => call(projectApi.GET('/api/statistics/targets', { params: { query: { year } } }))

/** The raw answer: the targets form tells a stale version (409 with the current item) from a field error itself. */
export const putTarget = (year: number, indicator: Indicator, district: string | null, value: string, version: number | string | null) =>
  projectApi.PUT('/api/statistics/targets/{year}/{indicator}', {
    params: { path: { year, indicator }, query: { district: district ?? undefined } },
    body: { value, version },
  })

/** The panel lists the eight longest stuck projects and says how many there are. */
export const loadKpis = (year?: number) => call(projectApi.GET('/api/kpis', { params: { query: { year, stuckLimit: 8 } } }))

export const loadOverdueIntents = () =>
  call(leadApi.GET('/api/intents/overdue', { params: { query: { PageSize: 8 } } }))

/** The first page of overdue approval items (longest late first) and how many there are. */
export const loadOverdueApprovalItems = () => call(approvalApi.GET('/api/approval-items/overdue', { params: { query: { pageSize: 8 } } }))

/** Every project the user may see (the list pages at most 200 a page), for the counts by park of park staff. */
export async function loadProjects(): Promise<ProjectView[]> {
  const projects: ProjectView[] = []
  for (let page = 1; ; page++) {
    const result = await call(projectApi.GET('/api/projects', { params: { query: { Page: page, PageSize: 200 } } }))
    projects.push(...result.items)
    if (result.items.length === 0 || projects.length >= num(result.total))
      return projects
  }
}
