import { leadApi } from '@/api/clients'
import type { components, operations } from '@/api/generated/lead'
import { saveFile } from '@/app/files'
import { call } from '@/app/problems'

export type PromotionEvent = components['schemas']['PromotionEvent']
export type PromotionEventType = components['schemas']['PromotionEventType']
export type EventRequest = components['schemas']['EventRequest']
export type EventQuery = NonNullable<operations['ListEvents']['parameters']['query']>

export const listEvents = (query: EventQuery) => call(leadApi.GET('/api/events', { params: { query } }))

/** The list as the filter finds it (every page), as the workbook the service writes. */
export async function exportEvents(query: EventQuery): Promise<void> {
  saveFile(await call(leadApi.GET('/api/events/export', { params: { query }, parseAs: 'blob' })), '招商活动台账.xlsx')
}

export const quartersWithoutMajorEvent = (year: number) =>
  call(leadApi.GET('/api/events/quarters-without-major-event', { params: { query: { year } } }))

// Submitted through useProblemForm, which unwraps it with the field errors.
export const createEvent = (body: EventRequest, idempotencyKey: string) =>
  leadApi.POST('/api/events', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } })
export const updateEvent = (id: string, body: EventRequest) => leadApi.PUT('/api/events/{id}', { body, params: { path: { id } } })
