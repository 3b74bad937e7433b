import type { PromotionEventType } from './api'

export const eventTypeNames: Record<PromotionEventType, string> = {
  OutboundTrip: '外出招商', Conference: '推介会', InspectionVisit: '考察', Forum: '论坛',
}

export const quarterNames = ['一季度', '二季度', '三季度', '四季度']
