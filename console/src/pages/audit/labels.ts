/** The services that keep an audit trail, and the records each one audits. */
export const services = {
  lead: { name: '线索', types: { Enterprise: '目标企业', PromotionEvent: '招商活动', CooperationIntent: '合作意向' } },
  project: { name: '项目', types: { Project: '项目', Park: '园区' } },
  approval: { name: '审批', types: { ApprovalCase: '审批案件', ApprovalItem: '审批事项', ExternalDecision: '审批系统决定', Park: '园区' } },
  funding: {
    name: '资金',
    types: {
      FundingLedger: '资金台账', FundsReport: '到位资金上报', IncentivePolicy: '奖励政策', IncentiveClaim: '奖励申领',
      ExchangeRate: '汇率', YearlyTargets: '年度目标', Park: '园区',
    },
  },
  identity: { name: '身份', types: { User: '用户' } },
} as const satisfies Record<string, { name: string; types: Record<string, string> }>

export type Service = keyof typeof services

export const isService = (value: unknown): value is Service => typeof value === 'string' && value in services

export function recordTypeName(service: Service, type: string): string {
  return (services[service].types as Record<string, string>)[type] ?? type
}

// The services write actions as short English verbs; the trail reads them in Chinese (an unknown one as written).
const actions: Record<string, string> = {
  created: '创建', updated: '修改', deleted: '删除', renamed: '更名', opened: '开立', reported: '上报', verified: '核实',
  rejected: '驳回', approved: '批准', raised: '申领', stopped: '终止', set: '设置', received: '收到', overdue: '逾期',
  qualified: '确认有效', dropped: '放弃', converted: '转化为项目', transferred: '移交', 'follow-up recorded': '记录跟进',
  'task team set': '设置专班', 'project opened': '项目已创建', 'created from intent': '由意向创建', 'land acquired': '拿地',
  'approval case opened': '审批案件开立', 'funding ledger opened': '资金台账开立', 'funds verified': '资金核实',
  'pre-land approvals complete': '用地前审批完成', 'construction permit issued': '施工许可核发',
  'certificates issued together': '四证齐发', 'milestone reached': '达到奖励节点', 'clawback raised': '发起追回',
  'password reset': '重置密码',
}

export function actionName(action: string): string {
  const stage = /^stage (\d+) paid$/.exec(action)
  if (stage)
    return `兑现第 ${stage[1]} 期`
  const moved = /^moved to (.+)$/.exec(action)
  if (moved)
    return `变更为 ${moved[1]}`
  return actions[action] ?? action
}
