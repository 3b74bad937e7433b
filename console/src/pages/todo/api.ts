import { notificationApi, projectApi } from '@/api/clients'
import { call } from '@/app/problems'

export const listMyNodes = (asOf?: string) =>
  call(projectApi.GET('/api/me/nodes', { params: { query: { asOf } } }))

/** The inbox's latest items; the page keeps the reminders (follow-up next steps, nodes coming due). */
export const listRecentInbox = () =>
  call(notificationApi.GET('/api/inbox', { params: { query: { page: 1, pageSize: 100 } } }))
