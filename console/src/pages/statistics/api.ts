import { projectApi } from '@/api/clients'
import { saveFile } from '@/app/files'
import { call } from '@/app/problems'

export { loadStatistics, type Figures, type StatisticsQuery, type StatisticsReport } from '../dashboard/api'

export type GroupBy = NonNullable<import('../dashboard/api').StatisticsQuery['groupBy']>

export const groupings: Record<GroupBy, string> = {
  district: '区县', park: '园区', industry: '行业', chain: '产业链', sector: '三次产业', region: '来源地区', quarter: '季度', month: '月份',
}

export const listParks = () => call(projectApi.GET('/api/parks'))

/** The quarter's 招商引资调度会 workbook, fetched with the token (a plain link would carry none). */
export async function downloadMeetingWorkbook(year: number, quarter: number) {
  const file = await call(projectApi.GET('/api/statistics/meeting-workbook', { params: { query: { year, quarter } }, parseAs: 'blob' }))
  saveFile(file, `调度会-${year}Q${quarter}.xlsx`)
}
