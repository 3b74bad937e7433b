import type { AuditEntry } from './api'

export interface Change { field: string; before: string; after: string }

// Field names of the records as the services write them, in Chinese where the trail commonly shows them.
const fields: Record<string, string> = {
  status: '状态', state: '状态', reason: '理由', amount: '金额', currency: '币种', amountCny: '折合人民币（元）',
  exchangeRate: '汇率', source: '资金来源', use: '资金用途', reportedOn: '到位日期', evidenceRef: '凭证编号',
  decidedBy: '决定人', decidedAt: '决定时间', rejectReason: '驳回理由', district: '区县', park: '园区', name: '名称',
  industry: '产业', year: '年度', cnyPerUnit: '汇率（元/美元）', fundsInPlaceCny: '到位资金目标（元）',
  foreignUsd: '利用外资目标（美元）', awardCny: '奖励金额（元）', basisCny: '核实固投（元）', projectId: '项目编号',
  policyId: '政策编号', contractedInvestment: '签约额（元）', verifiedCny: '已核实到位（元）', version: '版本',
}

const asObject = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined

const show = (value: unknown): string =>
  value === undefined || value === null ? '—' : typeof value === 'string' ? value : JSON.stringify(value)

/** What an entry changed: each field whose value differs between before and after (a created record: all of it). */
export function changesOf(entry: AuditEntry): Change[] {
  const before = asObject(entry.before)
  const after = asObject(entry.after)
  if (!before && !after)
    return entry.before === null && entry.after === null ? [] : [{ field: '值', before: show(entry.before), after: show(entry.after) }]
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])]
  return keys
    .map((key) => ({ field: fields[key] ?? key, before: show(before?.[key]), after: show(after?.[key]) }))
    .filter((change) => change.before !== change.after)
}
