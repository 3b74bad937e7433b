import type { FollowUpKind, IntentStatus, ServiceLevelKind } from './api'

export type { IntentStatus }

export const statusNames: Record<IntentStatus, string> = {
  New: '新接收', Following: '对接中', Qualified: '研判通过', Converted: '已转化为项目', Dropped: '已放弃',
}

export const statusTags: Record<IntentStatus, '' | 'info' | 'warning' | 'success' | 'danger'> = {
  New: 'info', Following: '', Qualified: 'warning', Converted: 'success', Dropped: 'danger',
}

export const followUpKindNames: Record<FollowUpKind, string> = { VisitOut: '外访', VisitIn: '来访', Call: '电话', Video: '视频' }

export const serviceLevelNames: Record<ServiceLevelKind, string> = {
  Response: '超期未响应（1 个工作日）',
  Assessment: '超期未研判（3 个工作日，5 亿元以上 7 个）',
  FollowUp: '超期未跟进（14 个工作日）',
}

export const serviceLevelShort: Record<ServiceLevelKind, string> = { Response: '未响应', Assessment: '未研判', FollowUp: '未跟进' }

/** The states from which each action is allowed (the lead service's transition table). */
export const open: IntentStatus[] = ['New', 'Following', 'Qualified']
export const qualifiable: IntentStatus[] = ['Following']
export const convertible: IntentStatus[] = ['Qualified']

/** The audit trail's action names. */
export const historyActions: Record<string, string> = {
  created: '登记', 'follow-up recorded': '记录对接', 'task team set': '设置专班', qualified: '研判通过',
  dropped: '放弃', converted: '转化为项目', transferred: '流转', 'project opened': '项目已立项',
}

export const projectStateNames: Record<string, string> = {
  Negotiating: '洽谈中', Signed: '已签约', Registered: '已注册', LandAcquired: '已供地', UnderConstruction: '在建',
  InProduction: '已投产', Stalled: '停滞', Terminated: '已终止',
}
