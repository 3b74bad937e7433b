import { readFileSync } from 'node:fs'
import { expect, test } from '../../../tests/fixtures'
import { field, formItem, unique } from '../enterprises/testing'

/** A far year of its own per run, so the quarter it covers was uncovered before. */
const year = 2030 + Math.floor(Math.random() * 60)

test.describe('bureau', () => {
  test.use({ user: 'bureau' })

  test('quarters without a major event are highlighted until one is recorded', async ({ page }) => {
    await page.goto('/events')
    await field(page, 'filter-year').fill('2001')
    await page.getByTestId('event-search').click()
    for (const quarter of [1, 2, 3, 4])
      await expect(page.getByTestId(`quarter-${quarter}`)).toHaveAttribute('data-uncovered', 'true')

    const title = unique('测试重大招商推介会')
    await page.getByTestId('event-create').click()
    const form = page.getByTestId('event-form')
    await field(form, 'event-title').fill(title)
    await form.getByTestId('event-type').getByText('推介会', { exact: true }).click()
    await field(form, 'event-region').fill('长三角')
    await formItem(form, '开始日期').locator('input').fill(`${year}-05-10`)
    await formItem(form, '开始日期').locator('input').press('Enter')
    await formItem(form, '结束日期').locator('input').fill(`${year}-05-11`)
    await formItem(form, '结束日期').locator('input').press('Enter')
    await field(form, 'event-leader').fill('市投资促进局主要负责人')
    await form.getByTestId('event-major').click()
    await form.getByTestId('event-save').click()
    await expect(form).toBeHidden()

    await field(page, 'filter-year').fill(String(year))
    await page.getByTestId('event-search').click()
    await expect(page.getByTestId('quarter-2')).toHaveAttribute('data-uncovered', 'false')
    await expect(page.getByTestId('event-table')).toContainText(title)

    // The list as it is filtered, as a workbook (an xlsx is a zip: its first bytes are PK).
    const download = page.waitForEvent('download')
    await page.getByTestId('event-export').click()
    const exported = await download
    expect(exported.suggestedFilename()).toBe('招商活动台账.xlsx')
    const bytes = readFileSync(await exported.path())
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
  })

  test('an end before the start is shown under the end date', async ({ page }) => {
    await page.goto('/events')
    await page.getByTestId('event-create').click()
    const form = page.getByTestId('event-form')
    await field(form, 'event-title').fill(unique('日期错误的活动'))
    await form.getByTestId('event-type').getByText('论坛', { exact: true }).click()
    await field(form, 'event-region').fill('成渝')
    await formItem(form, '开始日期').locator('input').fill(`${year}-03-10`)
    await formItem(form, '开始日期').locator('input').press('Enter')
    await formItem(form, '结束日期').locator('input').fill(`${year}-03-01`)
    await formItem(form, '结束日期').locator('input').press('Enter')
    await field(form, 'event-leader').fill('带队领导')
    await form.getByTestId('event-save').click()
    await expect(formItem(form, '结束日期').locator('.el-form-item__error')).toContainText('endsOn')
    await expect(formItem(form, '开始日期').locator('.el-form-item__error')).toHaveCount(0)
  })
})

test.describe('finance', () => {
  test.use({ user: 'finance' })

  test('sees the events but may not record one', async ({ page }) => {
    await page.goto('/events')
    await expect(page.getByTestId('quarter-coverage')).toBeVisible()
    await expect(page.getByTestId('event-create')).toHaveCount(0)
  })
})
