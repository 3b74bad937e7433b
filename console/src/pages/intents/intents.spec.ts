import type { Page } from '@playwright/test'
import { expect, test } from '../../../tests/fixtures'
import { addEnterprise, chooseOrType, field, formItem, newUscc, unique } from '../enterprises/testing'
import { messageTimeout } from '../projects/setup'

/** From an enterprise's page, registers an intent for it; ends on the intent's page. */
async function registerIntent(page: Page, investment: string): Promise<void> {
  await page.getByTestId('intent-create-for-enterprise').click()
  const form = page.getByTestId('intent-form')
  await expect(form.getByTestId('intent-industry')).toContainText('装备制造')
  await expect(field(form, 'intent-district')).toHaveValue('安宁市')
  await field(form, 'intent-investment').fill(investment)
  await form.getByTestId('intent-save').click()
  await expect(page.getByTestId('intent-status')).toHaveText('新接收')
}

test.describe('district officer (anning)', () => {
  test.use({ user: 'anning' })

  test('records an enterprise, an intent and a follow-up, qualifies and converts it into a project', { tag: '@journey' }, async ({ page }) => {
    const name = unique('安宁测试新能源装备有限公司')
    await addEnterprise(page, { name, uscc: newUscc(), chain: '装备制造', role: '配套' })
    await registerIntent(page, '350000000.50')
    await expect(page.getByText('35,000.00005 万元')).toBeVisible()
    await expect(page.getByTestId('action-convert')).toHaveCount(0)

    await page.getByTestId('follow-up-add').click()
    const followUp = page.getByTestId('follow-up-form')
    await followUp.getByTestId('follow-up-kind').getByText('来访', { exact: true }).click()
    await field(followUp, 'follow-up-summary').fill('企业负责人来安宁工业园区踏勘标准厂房。')
    await followUp.getByTestId('follow-up-save').click()
    await expect(page.getByTestId('intent-status')).toHaveText('对接中')
    await expect(page.getByTestId('follow-up')).toContainText('企业负责人来安宁工业园区踏勘标准厂房。')

    await page.getByTestId('action-qualify').click()
    await field(page, 'action-reason').fill('投资强度与园区规划相符。')
    await page.getByTestId('action-confirm').click()
    await expect(page.getByTestId('intent-status')).toHaveText('研判通过')
    await expect(page.getByTestId('action-qualify')).toHaveCount(0)

    await page.getByTestId('action-convert').click()
    await page.getByRole('dialog', { name: '转化为项目' }).getByRole('button', { name: '转化' }).click()
    await expect(page.getByTestId('intent-status')).toHaveText('已转化为项目')
    await expect(page.getByTestId('project-opened')).toBeVisible({ timeout: messageTimeout })
    await expect(page.getByTestId('project-link')).toContainText(name)
    await expect(page.getByTestId('project-link')).toHaveAttribute('href', /^\/projects\/[0-9a-f-]{36}$/)
    await expect(page.getByTestId('intent-actions').getByRole('button')).toHaveCount(0)

    await page.getByRole('tab', { name: '历史记录' }).click()
    await expect(page.getByTestId('intent-history')).toContainText('转化为项目')
    await expect(page.getByTestId('intent-history')).toContainText('项目已立项')
  })

  test('a missing amount is shown under its field and the form keeps what was typed', async ({ page }) => {
    await addEnterprise(page, { name: unique('金额校验测试企业'), uscc: newUscc(), chain: '装备制造', role: '配套' })
    await page.getByTestId('intent-create-for-enterprise').click()
    const form = page.getByTestId('intent-form')
    await chooseOrType(form, 'intent-industry', '电子信息')
    await form.getByTestId('intent-save').click()
    await expect(formItem(form, '意向投资额').locator('.el-form-item__error')).toContainText('intendedInvestment')
    await expect(form.getByTestId('intent-industry')).toContainText('电子信息')
    await expect(page).toHaveURL(/\/intents\/new/)
  })
})

test.describe('another district (chenggong)', () => {
  test.use({ user: 'chenggong' })

  test('does not see 安宁市 intents: the page says so', async ({ page }) => {
    await page.goto('/intents')
    await expect(page.getByTestId('intent-table')).toBeVisible()
    await expect(page.getByTestId('intent-table')).not.toContainText('安宁市')
    await page.goto('/intents/00000000-0000-7000-8000-000000000000')
    await expect(page.getByTestId('not-found')).toContainText('不存在或无权查看')
  })
})

test.describe('bureau', () => {
  test.use({ user: 'bureau' })

  test('sees overdue marks on intents that missed a service level', async ({ page }) => {
    await page.goto('/intents')
    await page.getByTestId('filter-overdue').click()
    await expect(page.getByTestId('overdue-mark').first()).toBeVisible()
    await page.getByTestId('intent-table').locator('.el-table__body tr a').first().click()
    await expect(page.getByTestId('overdue-mark').first()).toContainText('超期')
  })
})

test.describe('auditor', () => {
  test.use({ user: 'auditor' })

  test('reads intents without any action', async ({ page }) => {
    await page.goto('/intents')
    await expect(page.getByTestId('intent-create')).toHaveCount(0)
    await page.getByTestId('intent-table').locator('.el-table__body tr a').first().click()
    await expect(page.getByTestId('intent-status')).toBeVisible()
    await expect(page.getByTestId('intent-actions').getByRole('button')).toHaveCount(0)
    await expect(page.getByTestId('follow-up-add')).toHaveCount(0)
  })
})

test.describe('finance', () => {
  test.use({ user: 'finance' })

  test('has no 合作意向 menu entry and cannot open the page', async ({ page }) => {
    const menu = page.getByTestId('side-menu')
    await expect(menu.getByRole('menuitem', { name: '目标企业' })).toBeVisible()
    await expect(menu.getByRole('menuitem', { name: '合作意向' })).toHaveCount(0)
    await page.goto('/intents')
    await expect(page.getByText('无权访问').first()).toBeVisible()
    await expect(page.getByTestId('intent-create')).toHaveCount(0)
  })
})
