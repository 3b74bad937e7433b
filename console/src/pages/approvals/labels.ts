import type { components } from '@/api/generated/approval'
import { todayInChina } from '@/app/format'

export type ApprovalItem = components['schemas']['ApprovalItem']
type Status = components['schemas']['ApprovalItemStatus']

export const statusNames: Record<Status, string> = {
  Pending: '待启动',
  Open: '审查中',
  AcceptedWithDeficiency: '容缺受理',
  Suspended: '中止（待补材料）',
  Granted: '已批准',
  Issued: '已发证',
  Rejected: '不予许可',
  Returned: '退件',
}

export const stageNames: Record<components['schemas']['ApprovalStage'], string> = {
  ProjectAndLandPlanning: '立项用地规划许可',
  EngineeringPermit: '工程建设许可',
  ConstructionPermit: '施工许可',
  CompletionAcceptance: '竣工验收',
}

export const greenChannelNames: Record<components['schemas']['GreenChannelTier'], string> = {
  None: '普通',
  Priority: '绿色通道（优先）',
  MajorProject: '绿色通道（重大项目）',
}

/** Item actions (audit history) in Chinese. */
export const historyActions: Record<string, string> = {
  opened: '开始审查',
  granted: '批准',
  rejected: '不予许可',
  returned: '退件',
  'accepted with deficiency': '容缺受理',
  'documents supplied': '补齐材料',
  resumed: '恢复审查',
  suspended: '中止',
  resubmitted: '补正后重新申报',
  'issued (四证齐发)': '发证（四证齐发）',
}

/** Days before the due date that count as 即将到期. */
export const dueSoonDays = 3

export interface Light {
  color: 'green' | 'yellow' | 'red'
  label: string
}

const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000

/** Green (on time), yellow (due within three days) or red (overdue) for an item still under review; none otherwise. */
export function lightOf(item: Pick<ApprovalItem, 'status' | 'dueOn'>, asOf = todayInChina()): Light | undefined {
  const underReview = item.status === 'Open' || item.status === 'AcceptedWithDeficiency' || item.status === 'Suspended'
  if (!underReview || !item.dueOn)
    return undefined
  const left = dayNumber(item.dueOn) - dayNumber(asOf)
  if (left < 0)
    return { color: 'red', label: `已超期 ${-left} 天` }
  if (left <= dueSoonDays)
    return { color: 'yellow', label: left === 0 ? '今日到期' : `${left} 天后到期` }
  return { color: 'green', label: '按期办理中' }
}
