import { readFileSync } from 'node:fs'
import { inflateRawSync } from 'node:zlib'
import { expect, test } from '../../../tests/fixtures'
import { grouped } from '../../app/format'
import { choose, lastYear, showYear, statistics } from '../dashboard/testing'

/**
 * One file out of a zip (an .xlsx), found through the central directory. exceljs cannot read the service's workbooks
 * (the Open XML SDK writes prefixed element names, x:worksheet), so the spec reads the parts it checks itself.
 */
function zipEntry(zip: Buffer, name: string): string | undefined {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  const entries = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(at + 10)
    const size = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
    const local = zip.readUInt32LE(at + 42)
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
      const data = zip.subarray(start, start + size)
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8')
    }
    at += 46 + skip
  }
  return undefined
}

const groupKeys = (page: import('@playwright/test').Page) => page.getByTestId('groups').locator('.el-table__body').first().getByTestId('group-key')

test('groups by district as the API does, and the quarter\'s 调度会 workbook downloads', { tag: '@journey' }, async ({ page }) => {
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '统计分析' }).click()
  await expect(page.getByTestId('statistics')).toBeVisible()
  // Last year: no spec writes into it, so the page and the API count the same projects.
  const year = lastYear()
  await showYear(page, year)
  await choose(page, 'group-by', '区县')
  await page.getByTestId('search').click()
  await expect(page).toHaveURL(new RegExp(`year=${year}.*groupBy=district`))

  const report = await statistics(page, `year=${year}&groupBy=district`)
  expect(report.groups.length).toBeGreaterThan(0)
  await expect(groupKeys(page)).toContainText(['合计', ...report.groups.map((g) => g.key)])
  const first = report.groups[0]!
  const row = page.getByTestId('groups').locator('.el-table__body tr', { has: page.getByTestId('group-key').getByText(first.key, { exact: true }) }).first()
  await expect(row.locator('[data-column="签约"]')).toHaveText(`${grouped(first.figures.signedCount)} 个`)

  await page.getByTestId('period-kind').getByText('季度', { exact: true }).click()
  await choose(page, 'period-quarter', '第4季度')
  const download = page.waitForEvent('download')
  await page.getByTestId('meeting-workbook').click()
  const file = await download
  expect(file.suggestedFilename()).toBe(`调度会-${year}Q4.xlsx`)
  const bytes = readFileSync(await file.path())
  expect(bytes.subarray(0, 4).toString('hex')).toBe('504b0304')
  const sheets = [...(zipEntry(bytes, 'xl/workbook.xml') ?? '').matchAll(/<(?:\w+:)?sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])
  expect(sheets).toEqual(['总览', '签约', '开工', '到位资金', '利用外资'])
  expect(zipEntry(bytes, 'xl/sharedStrings.xml') ?? zipEntry(bytes, 'xl/worksheets/sheet1.xml')).toBeTruthy()
})

test('the workbook needs a quarter or a month', async ({ page }) => {
  await page.goto('/statistics')
  await expect(page.getByTestId('meeting-workbook')).toBeDisabled()
  await page.getByTestId('period-kind').getByText('月', { exact: true }).click()
  await expect(page.getByTestId('meeting-workbook')).toBeEnabled()
})

test.describe('统计分析 of a district officer', () => {
  test.use({ user: 'anning' })

  test('is their own district\'s, grouped by park', async ({ page }) => {
    const year = lastYear()
    await page.goto(`/statistics?year=${year}`)
    await expect(page.getByTestId('filter-district')).toContainText('安宁市')
    await expect(page.getByTestId('statistics-caption')).toContainText(`${year}年`)
    await expect(page.getByTestId('statistics-caption')).toContainText('安宁市 · 按园区')
    const report = await statistics(page, `year=${year}&district=${encodeURIComponent('安宁市')}&groupBy=park`)
    await expect(groupKeys(page)).toContainText(['合计', ...report.groups.map((g) => g.key)])
  })
})

test.describe('统计分析 for park staff', () => {
  test.use({ user: 'anning-park' })

  test('is not in the menu and not reachable', async ({ page }) => {
    await expect(page.getByTestId('side-menu').getByRole('menuitem', { name: '统计分析' })).toHaveCount(0)
    await page.goto('/statistics')
    await expect(page.getByRole('main').getByText('无权访问')).toBeVisible()
  })
})
