import { notificationApi } from '@/api/clients'
import type { components, operations } from '@/api/generated/notification'
import { saveFile } from '@/app/files'
import { call } from '@/app/problems'

export type Warning = components['schemas']['Warning']
export type DistrictWarnings = components['schemas']['DistrictWarnings']
export type WarningQuery = NonNullable<operations['ListWarnings']['parameters']['query']>

export const summarizeWarnings = (asOf: string) =>
  call(notificationApi.GET('/api/warnings/summary', { params: { query: { asOf } } }))

export const listWarnings = (query: WarningQuery) =>
  call(notificationApi.GET('/api/warnings', { params: { query } }))

/** The list as the filter finds it on its day (every page), as the workbook the service writes. */
export async function exportWarnings(query: WarningQuery): Promise<void> {
  saveFile(await call(notificationApi.GET('/api/warnings/export', { params: { query }, parseAs: 'blob' })), `预警清单-${query.asOf ?? ''}.xlsx`)
}
