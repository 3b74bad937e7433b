import { notificationApi } from '@/api/clients'
import type { components, operations } from '@/api/generated/notification'
import { call } from '@/app/problems'

export type Channel = components['schemas']['Channel']
export type ChannelRequest = components['schemas']['ChannelRequest']
export type Delivery = components['schemas']['Delivery']
export type DeliveryQuery = NonNullable<operations['ListNotificationDeliveries']['parameters']['query']>

export const listChannels = () => call(notificationApi.GET('/api/notification-channels'))

export const createChannel = (body: ChannelRequest) =>
  notificationApi.POST('/api/notification-channels', { params: { header: { 'Idempotency-Key': crypto.randomUUID() } }, body })

export const updateChannel = (id: string, body: ChannelRequest) =>
  notificationApi.PUT('/api/notification-channels/{id}', { params: { path: { id } }, body })

export const deleteChannel = (id: string, version: number | string) =>
  call(notificationApi.DELETE('/api/notification-channels/{id}', { params: { path: { id }, query: { version: Number(version) } } }))

export const listDeliveries = (query: DeliveryQuery) =>
  call(notificationApi.GET('/api/notification-deliveries', { params: { query } }))

export const retryDelivery = (id: string) =>
  call(notificationApi.POST('/api/notification-deliveries/{id}/retry', { params: { path: { id } } }))
