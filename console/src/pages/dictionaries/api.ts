import { projectApi } from '@/api/clients'
import type { components } from '@/api/generated/project'
import { call } from '@/app/problems'

export type DictionarySet = components['schemas']['DictionarySet']
export type DictionaryIndustry = components['schemas']['DictionaryIndustry']
export type DictionaryRegion = components['schemas']['DictionaryRegion']
export type DictionaryDistrict = components['schemas']['DictionaryDistrict']
export type IndustryRequest = components['schemas']['IndustryRequest']
export type RegionRequest = components['schemas']['RegionRequest']
export type DistrictRequest = components['schemas']['DistrictRequest']

export const getDictionaries = () => call(projectApi.GET('/api/dictionaries'))

let cached: Promise<DictionarySet> | undefined

/** The dictionaries for the forms that choose from them: read once per page load, again after a change here. */
export function dictionaries(): Promise<DictionarySet> {
  cached ??= getDictionaries().catch((error) => {
    cached = undefined
    throw error
  })
  return cached
}

export const forgetDictionaries = () => { cached = undefined }

// Changes go through the dialog's own call, which tells a stale version (409) from field errors.
export const putIndustry = (code: string, body: IndustryRequest) =>
  projectApi.PUT('/api/dictionaries/industries/{code}', { body, params: { path: { code } } })

export const putRegion = (code: string, body: RegionRequest) =>
  projectApi.PUT('/api/dictionaries/regions/{code}', { body, params: { path: { code } } })

export const putDistrict = (code: string, body: DistrictRequest) =>
  projectApi.PUT('/api/dictionaries/districts/{code}', { body, params: { path: { code } } })

/** 一产/二产/三产, or 未分类 for an industry found in old records that the bureau has not classified. */
export const sectorLabel = (sector: string | null | undefined) => sector ?? '未分类'

export const sectors = ['一产', '二产', '三产'] as const

/** What the dialog adds (no entry) or edits. */
export type Entry =
  | { kind: 'industries'; industry?: DictionaryIndustry }
  | { kind: 'regions'; region?: DictionaryRegion }
  | { kind: 'districts'; district?: DictionaryDistrict }
