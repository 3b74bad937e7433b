import { expect, submitLogin, test } from './fixtures'

test.describe('signed out', () => {
  test.use({ user: null })

  test('a page opened signed out goes to the landing page, then through the provider back to that page', { tag: '@journey' }, async ({ page }) => {
    await page.goto('/forbidden')
    await expect(page).toHaveURL(/\/welcome\?returnTo=(%2F|\/)forbidden$/)
    await page.getByTestId('sign-in').click()
    await expect(page.locator('input[name="username"]')).toBeVisible()
    await submitLogin(page, 'anning')
    await expect(page).toHaveURL(/\/forbidden$/)
    await expect(page.getByTestId('user-name')).toHaveText('安宁市投资促进局 李科长')
  })
})

test('退出登录 ends the provider session too: signing in again asks for the password', async ({ page }) => {
  await page.getByTestId('user-menu').click()
  await page.getByTestId('sign-out').click()
  await expect(page).toHaveURL(/\/welcome/)
  await page.getByTestId('sign-in').click()
  await expect(page.locator('input[name="username"]')).toBeVisible()
})

test('an expired session keeps the open form: back at sign-in, and after signing in the typed values are there', { tag: '@journey' }, async ({ page, context }) => {
  // Next year's targets (the form offers it; no other spec sets its funds and foreign capital targets).
  const year = `${Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4)) + 1} 年`
  const funds = `${100 + Math.floor(Math.random() * 900)}.5`
  await page.getByTestId('set-targets').click()
  await page.getByTestId('targets-year').click()
  await page.getByRole('option', { name: year, exact: true }).click()
  await page.getByTestId('targets-FundsInPlaceCny').fill(funds)
  await page.getByTestId('targets-ForeignCapitalUsd').fill('12000')

  // The access token expires and cannot be renewed (no refresh token), and the provider's own session is gone.
  await page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))!
    const user = JSON.parse(sessionStorage.getItem(key)!)
    sessionStorage.setItem(key, JSON.stringify({ ...user, expires_at: Math.floor(Date.now() / 1000) - 60, refresh_token: undefined }))
  })
  await context.clearCookies()
  await page.getByTestId('targets-save').click()

  await expect(page.locator('input[name="username"]')).toBeVisible()
  await submitLogin(page, 'bureau')
  await expect(page.getByTestId('targets-form')).toBeVisible()
  await expect(page.getByTestId('targets-year')).toContainText(year)
  await expect(page.getByTestId('targets-FundsInPlaceCny')).toHaveValue(funds)
  await expect(page.getByTestId('targets-ForeignCapitalUsd')).toHaveValue('12000')

  // Saving now goes through with the new session: the target shows on the 驾驶舱.
  await page.getByTestId('targets-save').click()
  await expect(page.getByTestId('targets-form')).toBeHidden()
  await expect(page.getByTestId('target-FundsInPlaceCny-全市')).toBeVisible()
})

test('a form error from the service lands on its field', async ({ page }) => {
  await page.getByTestId('set-targets').click()
  await page.getByTestId('targets-ForeignCapitalUsd').fill('-5')
  await page.getByTestId('targets-save').click()
  const foreignField = page.locator('.el-form-item', { has: page.getByTestId('targets-ForeignCapitalUsd') })
  await expect(foreignField.locator('.el-form-item__error')).toBeVisible()
  await expect(page.getByTestId('targets-form')).toBeVisible()
})
