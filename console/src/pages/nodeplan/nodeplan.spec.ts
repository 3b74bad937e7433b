import { expect, signIn, test } from '../../../tests/fixtures'
import { consoleUrl } from '../../../tests/console-url'
import { StaffApi } from '../projects/setup'

test.describe('a district officer (anning) on a signed project', () => {
  test.use({ user: 'anning' })

  test('sees the node plan with its lights, assigns an owner, completes a node and re-plans one; the history keeps each', { tag: '@journey' }, async ({ page }) => {
    const id = await (await StaffApi.of(page)).signedProject()
    await page.goto(`/projects/${id}`)
    await page.getByRole('tab', { name: '节点计划' }).click()
    const gantt = page.getByTestId('node-gantt')
    await expect(gantt).toBeVisible()
    await expect(gantt.getByTestId('grade-light').first()).toBeVisible()
    // Signing fulfils the first node by itself.
    await expect(gantt.getByTestId('node-done').first()).toBeVisible()

    const first = gantt.locator('[data-testid^="node-"]').filter({ has: page.getByTestId('complete-node') }).first()
    const open = gantt.getByTestId((await first.getAttribute('data-testid'))!)
    const nodeName = (await open.locator('.name').textContent())!.trim()
    await open.getByTestId('assign-owner').click()
    const dialog = page.getByTestId('node-dialog')
    await dialog.getByTestId('owner').fill('anning')
    await dialog.getByTestId('owner-name').fill('李科长')
    await dialog.getByTestId('node-save').click()
    await expect(dialog).toBeHidden()
    await expect(open).toContainText('李科长')

    await open.getByTestId('replan-node').click()
    await dialog.getByTestId('reason').fill('企业申请延后（界面测试）')
    await dialog.getByTestId('node-save').click()
    await expect(dialog).toBeHidden()

    await open.getByTestId('complete-node').click()
    await dialog.getByTestId('note').fill('材料已齐备（界面测试）')
    await dialog.getByTestId('node-save').click()
    await expect(dialog).toBeHidden()
    await expect(open.getByTestId('node-done')).toBeVisible()

    const history = page.getByTestId('node-history')
    await expect(history).toContainText(nodeName)
    await expect(history).toContainText('指派责任人')
    await expect(history).toContainText('企业申请延后（界面测试）')
    await expect(history).toContainText('材料已齐备（界面测试）')
  })

  test('a completion without a note shows the message under the note, the date typed is kept', async ({ page }) => {
    const id = await (await StaffApi.of(page)).signedProject()
    await page.goto(`/projects/${id}`)
    await page.getByRole('tab', { name: '节点计划' }).click()
    await page.getByTestId('node-gantt').getByTestId('complete-node').first().click()
    const dialog = page.getByTestId('node-dialog')
    await dialog.getByTestId('node-save').click()
    await expect(dialog.locator('.el-form-item').filter({ hasText: '完成说明' }).locator('.el-form-item__error')).toBeVisible()
    await expect(dialog.locator('.el-form-item').filter({ hasText: '完成日期' }).locator('input')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/)
  })
})

test.describe('a finance officer', () => {
  test.use({ user: 'finance' })

  test('sees the node plan of a project but no button to change it', async ({ page, browser }) => {
    const anning = await browser.newPage({ baseURL: consoleUrl })
    let id: string
    try {
      await signIn(anning, 'anning')
      id = await (await StaffApi.of(anning)).signedProject()
    } finally {
      await anning.close()
    }
    await page.goto(`/projects/${id}`)
    await page.getByRole('tab', { name: '节点计划' }).click()
    await expect(page.getByTestId('node-gantt').getByTestId('grade-light').first()).toBeVisible()
    await expect(page.getByTestId('plan-leader')).toBeVisible()
    await expect(page.getByTestId('edit-responsibility')).toHaveCount(0)
    await expect(page.getByTestId('assign-owner')).toHaveCount(0)
    await expect(page.getByTestId('complete-node')).toHaveCount(0)
  })
})
