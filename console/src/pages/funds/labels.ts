import type { components } from '@/api/generated/funding'

type Schemas = components['schemas']

export const fundsSources: Record<Schemas['FundsSource'], string> = {
  OutsideProvince: '省外境内',
  OutsideCityInProvince: '市外省内',
  Abroad: '境外',
}

export const fundsUses: Record<Schemas['FundsUse'], string> = {
  FixedAssets: '固定资产投资',
  WorkingCapital: '流动资金',
}

export const reportStatuses: Record<Schemas['FundsReportStatus'], { text: string; tag: 'info' | 'success' | 'danger' }> = {
  Reported: { text: '待核实', tag: 'info' },
  Verified: { text: '已核实', tag: 'success' },
  Rejected: { text: '已驳回', tag: 'danger' },
}

export const claimStatuses: Record<Schemas['ClaimStatus'], { text: string; tag: 'info' | 'success' | 'danger' | 'warning' }> = {
  Raised: { text: '待审批', tag: 'info' },
  Approved: { text: '已批准', tag: 'success' },
  Rejected: { text: '已驳回', tag: 'danger' },
  Stopped: { text: '已终止', tag: 'warning' },
}

export const milestones: Record<Schemas['Milestone'], string> = {
  ConstructionStart: '开工',
  Production: '投产',
}

export const currencies: Record<string, string> = { CNY: '人民币', USD: '美元' }

