import { reactive } from 'vue'
import { notificationApi } from '@/api/clients'
import type { components, operations } from '@/api/generated/notification'
import { call } from '@/app/problems'

export type InboxItem = components['schemas']['InboxItem']
export type InboxQuery = NonNullable<operations['ListInbox']['parameters']['query']>

export const listInbox = (query: InboxQuery) => call(notificationApi.GET('/api/inbox', { params: { query } }))

export const markRead = (id: string) => call(notificationApi.POST('/api/inbox/{id}/read', { params: { path: { id } } }))

export const markAllRead = () => call(notificationApi.POST('/api/inbox/read-all'))

export const loadPreferences = () => call(notificationApi.GET('/api/notification-preferences/me'))

export const savePreferences = (body: components['schemas']['PreferencesRequest']) =>
  notificationApi.PUT('/api/notification-preferences/me', { body })

/** The header's unread count, refreshed by the badge's polling and by the inbox page after marking. */
export const unread = reactive({ count: 0 })

export async function refreshUnread() {
  // Quietly: a failed poll must not pop an error every minute; the next one tries again.
  const answer = await notificationApi.GET('/api/inbox/unread-count').catch(() => undefined)
  if (answer?.data)
    unread.count = Number(answer.data.count)
}
