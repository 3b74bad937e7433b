import { grouped } from '@/app/format'
import type { ProjectView } from './states'

/** The form's model of a project's 基本信息: text as typed; the version the edit started from. */
export const masterDataForm = (project: ProjectView) => {
  const data = project.masterData
  const text = (value: number | string | null) => (value === null ? '' : String(value))
  return {
    name: data.name ?? '', constructionContent: data.constructionContent ?? '', location: data.location ?? '',
    plannedStartOn: data.plannedStartOn ?? '', plannedFinishOn: data.plannedFinishOn ?? '', jobs: text(data.jobs),
    committedInvestmentIntensity: text(data.committedInvestmentIntensity), committedTaxPerMu: text(data.committedTaxPerMu),
    version: project.version,
  }
}

export type MasterDataForm = ReturnType<typeof masterDataForm>

const orNull = (text: string) => (text.trim() === '' ? null : text.trim())

/** The request: blanks are "not known", numbers go as typed for the service to validate. */
export const masterDataRequest = (form: MasterDataForm) => ({
  name: orNull(form.name), constructionContent: orNull(form.constructionContent), location: orNull(form.location),
  plannedStartOn: orNull(form.plannedStartOn), plannedFinishOn: orNull(form.plannedFinishOn), jobs: orNull(form.jobs),
  committedInvestmentIntensity: orNull(form.committedInvestmentIntensity), committedTaxPerMu: orNull(form.committedTaxPerMu),
  version: form.version,
})

const shown = (text: string, unit = '') => (text.trim() === '' ? '—' : `${text}${unit}`)

/** 基本信息 as the page lists it (label, value), from the form's model so the record and what was typed compare alike. */
export const describeMasterData = (form: MasterDataForm): [string, string][] => [
  ['项目名称', shown(form.name)],
  ['建设内容', shown(form.constructionContent)],
  ['建设地点', shown(form.location)],
  ['计划开工', shown(form.plannedStartOn)],
  ['计划竣工', shown(form.plannedFinishOn)],
  ['带动就业', form.jobs.trim() === '' ? '—' : `${grouped(form.jobs)} 人`],
  ['承诺投资强度', form.committedInvestmentIntensity.trim() === '' ? '—' : `${grouped(form.committedInvestmentIntensity)} 万元/亩`],
  ['承诺亩均税收', form.committedTaxPerMu.trim() === '' ? '—' : `${grouped(form.committedTaxPerMu)} 万元/亩`],
]
