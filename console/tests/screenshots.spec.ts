import { mkdirSync } from 'node:fs'
import { expect, test } from './fixtures'

// ZS_SCREENSHOTS=1 writes the main pages as docs/screenshots/*.png (bureau, 1366×768).
const folder = new URL('../../docs/screenshots/', import.meta.url).pathname
test.skip(process.env.ZS_SCREENSHOTS !== '1', 'screenshots only with ZS_SCREENSHOTS=1')

test.describe('signed out', () => {
  test.use({ user: null })
  test('landing page', async ({ page }) => {
    mkdirSync(folder, { recursive: true })
    await page.goto('/welcome')
    await expect(page.getByTestId('sign-in')).toBeVisible()
    await page.screenshot({ path: `${folder}landing.png` })
  })
})

test('main pages', async ({ page }) => {
  mkdirSync(folder, { recursive: true })
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 })
  await page.waitForTimeout(1000)
  await page.screenshot({ path: `${folder}dashboard.png` })
  await page.getByTestId('wall-screen').click()
  await page.waitForTimeout(1000)
  await page.screenshot({ path: `${folder}dashboard-wall.png` })
  await page.getByTestId('wall-screen').click()

  const menu = page.getByTestId('side-menu').getByRole('menuitem')
  for (const item of await menu.all()) {
    const path = (await item.getAttribute('data-path'))!
    if (path === '/')
      continue
    await item.click()
    await page.waitForURL((url) => url.pathname === path)
    await page.waitForLoadState('networkidle')
    await page.screenshot({ path: `${folder}${path.slice(1).replace(/\//g, '-')}.png` })
  }
})

test('node plan of a signed project', async ({ page }) => {
  mkdirSync(folder, { recursive: true })
  await page.goto('/projects?stage=Signed&district=安宁市')
  await page.getByTestId('project-table').locator('a[href^="/projects/"]').first().click()
  await page.getByRole('tab', { name: '节点计划' }).click()
  await expect(page.getByTestId('node-gantt')).toBeVisible()
  await page.waitForLoadState('networkidle')
  await page.screenshot({ path: `${folder}node-plan.png`, fullPage: true })
})
