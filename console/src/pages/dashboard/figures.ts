import { sharePercent, yi, type Decimal } from '@/app/format'
import type { Figures, Indicator, StatisticsReport } from './api'
import { count, wanFromYuan, wanUsd } from './units'

type Growth = keyof StatisticsReport['yearOnYear']

/** The headline figures, each with its 同比 growth from the report's yearOnYear. */
export const headlines: { key: Growth; label: string; show: (f: Figures) => string }[] = [
  { key: 'signedCount', label: '签约项目', show: (f) => count(f.signedCount) },
  { key: 'signedAmount', label: '签约额', show: (f) => yi(f.signedAmount.yi) },
  { key: 'startedCount', label: '开工项目', show: (f) => count(f.startedCount) },
  { key: 'fundsInPlace', label: '到位资金', show: (f) => yi(f.fundsInPlace.yi) },
  { key: 'foreignCapitalUsd', label: '实际利用外资', show: (f) => wanUsd(f.foreignCapitalUsd) },
]

/** The period's other counts, without growth. */
export const counts: { key: string; label: string; show: (f: Figures) => string }[] = [
  { key: 'projectsOpened', label: '新开项目', show: (f) => count(f.projectsOpened) },
  { key: 'registeredCount', label: '注册', show: (f) => count(f.registeredCount) },
  { key: 'landAcquiredCount', label: '拿地', show: (f) => count(f.landAcquiredCount) },
  { key: 'inProductionCount', label: '投产', show: (f) => count(f.inProductionCount) },
  { key: 'startedOnLandDay', label: '拿地即开工', show: (f) => count(f.startedOnLandDay) },
  { key: 'atLeast100Million', label: '亿元项目', show: (f) => count(f.bands.atLeast100Million) },
  { key: 'atLeast1Billion', label: '十亿元项目', show: (f) => count(f.bands.atLeast1Billion) },
]

export const rates: { key: keyof Figures['rates']; label: string; base: string }[] = [
  { key: 'signingRate', label: '签约率', base: '本期新开项目中已签约' },
  { key: 'startRate', label: '开工率', base: '本期签约项目中已开工' },
  { key: 'landingRate', label: '落地率', base: '本期签约项目中已注册' },
  { key: 'productionRate', label: '投产率', base: '本期签约项目中已投产' },
  { key: 'fundsInPlaceRate', label: '到位率', base: '本期签约项目到位资金 ÷ 合同投资额' },
]

/** 同比 as an arrow and a percentage; none when last year's figure was 0. */
export function growth(ratio: Decimal | null | undefined): { arrow: string; text: string; trend: 'up' | 'down' | 'flat' } {
  if (ratio === null || ratio === undefined)
    return { arrow: '', text: '—', trend: 'flat' }
  const value = Number(ratio)
  const text = sharePercent(String(ratio).replace(/^-/, ''))
  return value > 0 ? { arrow: '▲', text, trend: 'up' } : value < 0 ? { arrow: '▼', text, trend: 'down' } : { arrow: '', text, trend: 'flat' }
}

/** The indicators the bureau sets targets for, with the unit the plans state them in (the API takes 元, 美元, 个). */
export const indicators: Record<Indicator, { label: string; unit: '万元' | '万美元' | '个'; show: (value: Decimal) => string }> = {
  FundsInPlaceCny: { label: '到位资金', unit: '万元', show: wanFromYuan },
  ForeignCapitalUsd: { label: '实际利用外资', unit: '万美元', show: wanUsd },
  SignedCount: { label: '签约项目数', unit: '个', show: (v) => count(v) },
  SignedAmountCny: { label: '签约额', unit: '万元', show: wanFromYuan },
  StartedCount: { label: '开工项目数', unit: '个', show: (v) => count(v) },
  InProductionCount: { label: '投产项目数', unit: '个', show: (v) => count(v) },
}
