import { leadApi, projectApi } from '@/api/clients'
import type { components, operations } from '@/api/generated/lead'
import { saveFile } from '@/app/files'
import { call } from '@/app/problems'

export type Intent = components['schemas']['CooperationIntent']
export type IntentStatus = components['schemas']['IntentStatus']
export type FollowUpKind = components['schemas']['FollowUpKind']
export type FollowUpRequest = components['schemas']['FollowUpRequest']
export type ServiceLevelBreach = components['schemas']['ServiceLevelBreach']
export type ServiceLevelKind = components['schemas']['ServiceLevelKind']
export type CreateIntentRequest = components['schemas']['CreateIntentRequest']
export type IntentQuery = NonNullable<operations['ListIntents']['parameters']['query']>
export type OverdueQuery = NonNullable<operations['ListOverdueIntents']['parameters']['query']>

const byId = (id: string) => ({ params: { path: { id } } })

export const listIntents = (query: IntentQuery) => call(leadApi.GET('/api/intents', { params: { query } }))
export async function exportIntents(query: IntentQuery) {
  saveFile(await call(leadApi.GET('/api/intents/export', { params: { query }, parseAs: 'blob' })), '合作意向清单.xlsx')
}
export const listOverdueIntents = (query: OverdueQuery) => call(leadApi.GET('/api/intents/overdue', { params: { query } }))
export const getIntent = (id: string) => call(leadApi.GET('/api/intents/{id}', byId(id)))
export const listFollowUps = (id: string) => call(leadApi.GET('/api/intents/{id}/follow-ups', byId(id)))
export const getIntentHistory = (id: string) => call(leadApi.GET('/api/intents/{id}/history', byId(id)))

// Forms submit these through useProblemForm, which unwraps them with the field errors.
export const createIntent = (body: CreateIntentRequest, idempotencyKey: string) =>
  leadApi.POST('/api/intents', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } })
export const recordFollowUp = (id: string, body: FollowUpRequest, idempotencyKey: string) =>
  leadApi.POST('/api/intents/{id}/follow-ups', { body, params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } } })
export const setTaskTeam = (id: string, body: components['schemas']['TaskTeamRequest']) =>
  leadApi.PUT('/api/intents/{id}/task-team', { body, ...byId(id) })
export const qualifyIntent = (id: string, reason: string | null) =>
  leadApi.POST('/api/intents/{id}/qualify', { body: { reason }, ...byId(id) })
export const dropIntent = (id: string, reason: string) =>
  leadApi.POST('/api/intents/{id}/drop', { body: { reason }, ...byId(id) })
export const transferIntent = (id: string, body: components['schemas']['TransferRequest']) =>
  leadApi.POST('/api/intents/{id}/transfer', { body, ...byId(id) })
export const convertIntent = (id: string) => call(leadApi.POST('/api/intents/{id}/convert', byId(id)))

/** The project a converted intent became, once the project service has opened it (404 until then). */
export const getProject = (id: string) => call(projectApi.GET('/api/projects/{id}', byId(id)))

export const listEvents = () => call(leadApi.GET('/api/events', { params: { query: { PageSize: 200, Sort: '-startsOn' } } }))
export type UpdateIntentRequest = components['schemas']['UpdateIntentRequest']
export const updateIntent = (id: string, body: UpdateIntentRequest) => leadApi.PUT('/api/intents/{id}', { body, ...byId(id) })
