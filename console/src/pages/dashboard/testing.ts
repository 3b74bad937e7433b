import { expect, type Page } from '@playwright/test'
import type { components } from '../../api/generated/project'
import { StaffApi } from '../projects/setup'

/** The statistics API's answer as the specs read it. */
export type StatisticsReport = components['schemas']['StatisticsReport']

/** Picks an option of an Element Plus select by its exact text. */
export async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

/** The 驾驶舱 (or the statistics page) for a whole year, once its figures are drawn. */
export async function showYear(page: Page, year: number): Promise<void> {
  await choose(page, 'period-year', `${year} 年`)
  await page.getByTestId('period-kind').getByText('年', { exact: true }).click()
}

/** The statistics API's answer for the query, with the page user's token: what the page must show. */
export const statistics = (page: Page, query: string) =>
  StaffApi.of(page).then((api) => api.call<StatisticsReport>('GET', `/api/statistics?${query}`))

export const lastYear = () => Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4)) - 1

export { expect }
