import { notificationApi } from '@/api/clients'
import type { components, operations } from '@/api/generated/notification'
import { call } from '@/app/problems'

export type Warning = components['schemas']['Warning']
export type DistrictWarnings = components['schemas']['DistrictWarnings']
export type WarningQuery = NonNullable<operations['ListWarnings']['parameters']['query']>

export const summarizeWarnings = (asOf: string) =>
  call(notificationApi.GET('/api/warnings/summary', { params: { query: { asOf } } }))

export const listWarnings = (query: WarningQuery) =>
  call(notificationApi.GET('/api/warnings', { params: { query } }))
