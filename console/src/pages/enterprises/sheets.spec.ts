import ExcelJS from 'exceljs'
import { expect, test } from '../../../tests/fixtures'
import { field, newUscc, unique } from './testing'

const headers = ['企业名称', '统一社会信用代码', '总部所在地', '产业链', '链上角色', '优先级']

test.describe('district officer (anning)', () => {
  test.use({ user: 'anning' })

  test('imports a target list: a bad row is named and nothing goes in, then only the good rows; the exported list imports as the same list', { tag: '@journey' }, async ({ page }, testInfo) => {
    const prefix = unique('表格导入测试企业')
    const rows = [0, 1, 2].map((i) => [`${prefix}-${i}`, newUscc(), '长三角', '新材料', i === 1 ? '龙头' : '配套', 'B'])
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('清单').addRows([headers, ...rows])
    const file = testInfo.outputPath('重点目标企业清单.xlsx')
    await workbook.xlsx.writeFile(file)

    await page.goto('/enterprises')
    await page.getByTestId('enterprise-import-open').click()
    await page.getByTestId('import-file').locator('input[type="file"]').setInputFiles(file)
    await page.getByTestId('import-send').click()
    // Row 3 of the sheet (the second enterprise) names its column; nothing was imported.
    const refused = page.getByTestId('import-refused').locator('.el-table__body tr')
    await expect(refused).toHaveCount(1)
    await expect(refused.first()).toContainText('3')
    await expect(refused.first()).toContainText('链上角色')
    await expect(page.getByTestId('import-summary')).toContainText('1 行不合格，整份清单未导入')

    await page.getByTestId('import-good-rows').click()
    await expect(page.getByTestId('import-summary')).toContainText('已导入 2 行（共 3 行），1 行未导入')
    await page.keyboard.press('Escape')

    await field(page, 'filter-name').fill(prefix)
    await page.getByTestId('enterprise-search').click()
    await expect(page.getByTestId('enterprise-table').locator('.el-table__body tr')).toHaveCount(2)

    const download = page.waitForEvent('download')
    await page.getByTestId('enterprise-export').click()
    const exported = await download
    expect(exported.suggestedFilename()).toBe('重点目标企业清单.xlsx')
    // The export is in the import's columns: imported again, each of its rows is named as already on the list.
    await page.getByTestId('enterprise-import-open').click()
    await page.getByTestId('import-file').locator('input[type="file"]').setInputFiles(await exported.path())
    await page.getByTestId('import-send').click()
    await expect(page.getByTestId('import-summary')).toContainText('2 行不合格，整份清单未导入')
    await expect(page.getByTestId('import-refused').locator('.el-table__body tr').filter({ hasText: '已在重点目标企业清单中' })).toHaveCount(2)
  })
})
