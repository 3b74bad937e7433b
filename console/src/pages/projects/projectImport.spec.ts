import ExcelJS from 'exceljs'
import { expect, test } from '../../../tests/fixtures'
import { newUscc, unique } from '../enterprises/testing'

const headers = ['项目名称', '投资企业', '企业统一社会信用代码', '行业', '区县', '园区', '协议编号', '签约日期', '协议投资额(元)', '当前阶段',
  '项目公司', '项目公司统一社会信用代码', '地块编号', '面积(亩)', '土地出让合同日期', '拿地日期', '开工日期', '投产日期']

test.describe('district officer (anning)', () => {
  test.use({ user: 'anning' })

  test('imports 存量项目: a row lacking its stage\'s facts is named and nothing goes in, then only the good rows, which the list shows in their stage', { tag: '@journey' }, async ({ page }, testInfo) => {
    const prefix = unique('存量导入测试企业')
    const signed = [`${prefix}-签约`, prefix, newUscc(), '新材料', '安宁市', '安宁工业园区', `${prefix}-1`, '2024-03-01', 250000000, '已签约']
    // 已拿地 without the land's facts: refused, naming the column.
    const landed = [`${prefix}-拿地`, `${prefix}-拿地`, newUscc(), '新材料', '安宁市', '安宁工业园区', `${prefix}-2`, '2024-03-01', 300000000, '已拿地',
      `${prefix}-公司`, newUscc()]
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('存量项目').addRows([headers, signed, landed])
    const file = testInfo.outputPath('存量项目.xlsx')
    await workbook.xlsx.writeFile(file)

    await page.goto('/projects?state=Signed&sort=-createdAt')
    await page.getByTestId('project-import-open').click()
    await page.getByTestId('import-file').locator('input[type="file"]').setInputFiles(file)
    await page.getByTestId('import-send').click()
    const refused = page.getByTestId('import-refused').locator('.el-table__body tr')
    await expect(refused.filter({ hasText: '地块编号' })).toHaveCount(1)
    await expect(refused.first()).toContainText('3')
    await expect(page.getByTestId('import-summary')).toContainText('1 行不合格，整份台账未导入')

    await page.getByTestId('import-good-rows').click()
    await expect(page.getByTestId('import-summary')).toContainText('已导入 1 行（共 2 行），1 行未导入')
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('project-table').locator('.el-table__body tr').filter({ hasText: prefix })).toHaveCount(1)
  })
})

test.describe('park officer (anning-park)', () => {
  test.use({ user: 'anning-park' })

  test('is not offered the import', async ({ page }) => {
    await page.goto('/projects')
    await expect(page.getByTestId('project-export')).toBeVisible()
    await expect(page.getByTestId('project-import-open')).toHaveCount(0)
  })
})
