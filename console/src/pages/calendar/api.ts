import { projectApi } from '@/api/clients'
import type { components } from '@/api/generated/project'
import { call } from '@/app/problems'

export type WorkingCalendarYear = components['schemas']['WorkingCalendarYear']
export type WorkingCalendarRequest = components['schemas']['WorkingCalendarRequest']

/** The year's calendar, or undefined while the bureau has not entered it. */
export const getYear = async (year: number) =>
  (await call(projectApi.GET('/api/working-calendar', { params: { query: { year } } })))[0]

// Submitted through useProblemForm, which unwraps it with the field errors.
export const replaceYear = (year: number, body: WorkingCalendarRequest) =>
  projectApi.PUT('/api/working-calendar/{year}', { params: { path: { year } }, body })
