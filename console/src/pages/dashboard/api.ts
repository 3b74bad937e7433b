import { approvalApi, fundingApi, leadApi, projectApi } from '@/api/clients'
import type { components as ProjectSchemas } from '@/api/generated/project'
import { call } from '@/app/problems'
import { num } from '@/app/labels'

export type Kpis = ProjectSchemas['schemas']['KpiReport']
export type ProjectView = ProjectSchemas['schemas']['ProjectView']
export type FundsStatistics = Awaited<ReturnType<typeof loadFunds>>
export type OverdueIntents = Awaited<ReturnType<typeof loadOverdueIntents>>
export type OverdueApprovalItems = Awaited<ReturnType<typeof loadOverdueApprovalItems>>

export const loadKpis = (year?: number) => call(projectApi.GET('/api/kpis', { params: { query: { year } } }))

export const loadFunds = (year?: number) => call(fundingApi.GET('/api/stats/funds', { params: { query: { Year: year } } }))

export const loadOverdueIntents = () =>
  call(leadApi.GET('/api/intents/overdue', { params: { query: { PageSize: 8 } } }))

export const loadOverdueApprovalItems = () => call(approvalApi.GET('/api/approval-items/overdue'))

/** Every project the user may see (the list pages at most 200 a page), for the counts by district and park. */
export async function loadProjects(): Promise<ProjectView[]> {
  const projects: ProjectView[] = []
  for (let page = 1; ; page++) {
    const result = await call(projectApi.GET('/api/projects', { params: { query: { Page: page, PageSize: 200 } } }))
    projects.push(...result.items)
    if (result.items.length === 0 || projects.length >= num(result.total))
      return projects
  }
}

/** The year's targets, entered in 亿元 and 万美元 as the plans state them; the API takes 元 and USD. */
export const setYearlyTargets = (year: number, fundsInPlaceYi: number | null | undefined, foreignUsdWan: number | null | undefined) =>
  fundingApi.PUT('/api/targets/{year}', {
    params: { path: { year } },
    body: {
      fundsInPlaceCny: fundsInPlaceYi == null ? null : fundsInPlaceYi * 1e8,
      foreignUsd: foreignUsdWan == null ? null : foreignUsdWan * 1e4,
    },
  })
