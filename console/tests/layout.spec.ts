import { expect, test, type DemoUser } from './fixtures'

// At 1366×768 (the config's viewport) no main page scrolls sideways: neither the window nor the content area.
for (const user of ['bureau', 'anning-park'] as DemoUser[]) {
  test.describe(`as ${user}`, () => {
    test.use({ user })

    test('no horizontal scrollbar on the pages of the menu', { tag: '@journey' }, async ({ page }) => {
      const menu = page.getByTestId('side-menu').getByRole('menuitem')
      const items = await menu.all()
      expect(items.length).toBeGreaterThan(0)
      // Every page of the menu is opened and loaded: the allowance grows with the menu (20 s a page on a busy machine).
      test.setTimeout(20_000 * (items.length + 1))
      for (const item of items) {
        const title = await item.innerText()
        const path = (await item.getAttribute('data-path'))!
        await item.click()
        await page.waitForURL((url) => url.pathname === path)
        await page.waitForLoadState('networkidle')
        const overflow = await page.evaluate(() => {
          const main = document.querySelector('.el-main')!
          return {
            window: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            main: main.scrollWidth - main.clientWidth,
          }
        })
        expect(overflow, `${title} at 1366×768`).toEqual({ window: 0, main: 0 })
      }
    })
  })
}
