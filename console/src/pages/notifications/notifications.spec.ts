import { expect, test } from '../../../tests/fixtures'

test.describe('the bureau', () => {
  test.use({ user: 'bureau' })

  test('adds a WeCom robot channel; the secret is never shown back', async ({ page }) => {
    const name = `界面测试群 ${Date.now()}`
    await page.goto('/notifications')
    await page.getByTestId('add-channel').click()
    const dialog = page.getByTestId('channel-dialog')
    await dialog.getByTestId('channel-name').fill(name)
    await dialog.getByTestId('channel-target').fill('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=ui-test')
    await dialog.getByTestId('channel-save').click()
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('channels')).toContainText(name)
    await page.getByRole('tab', { name: '发送记录' }).click()
    await expect(page.getByTestId('deliveries')).toBeVisible()
  })

  test('a channel without an address shows the message under the address', async ({ page }) => {
    await page.goto('/notifications')
    await page.getByTestId('add-channel').click()
    const dialog = page.getByTestId('channel-dialog')
    await dialog.getByTestId('channel-name').fill('缺地址的渠道')
    await dialog.getByTestId('channel-target').fill('')
    await dialog.getByTestId('channel-save').click()
    await expect(dialog.locator('.el-form-item').filter({ has: page.getByTestId('channel-target') }).locator('.el-form-item__error')).toBeVisible()
    await expect(dialog.getByTestId('channel-name')).toHaveValue('缺地址的渠道')
  })
})

test.describe('the auditor', () => {
  test.use({ user: 'auditor' })

  test('sees failed deliveries but neither the channels nor a retry', async ({ page }) => {
    await page.goto('/notifications')
    await expect(page.getByTestId('deliveries')).toBeVisible()
    await expect(page.getByRole('tab', { name: '通知渠道' })).toHaveCount(0)
    await expect(page.getByTestId('add-channel')).toHaveCount(0)
    await expect(page.getByTestId('retry')).toHaveCount(0)
  })
})

test.describe('a district officer (anning)', () => {
  test.use({ user: 'anning' })

  test('has no 通知渠道 in the menu', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByTestId('side-menu')).toContainText('消息')
    await expect(page.getByTestId('side-menu')).not.toContainText('通知渠道')
  })
})
