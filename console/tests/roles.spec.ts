import { demoUsers, expect, test, type DemoUser } from './fixtures'

// The page folders the console has or will have (brief of issue 16); a page a role may not use is not in its menu,
// and opening it directly shows 无权访问 (or 页面不存在 while the page does not exist yet).
const pagePaths = ['/', '/enterprises', '/events', '/intents', '/projects', '/approvals', '/funds', '/audit']

for (const user of Object.keys(demoUsers) as DemoUser[]) {
  test.describe(`signed in as ${user}`, () => {
    test.use({ user })

    test('header shows name, role in Chinese and district or park', { tag: '@journey' }, async ({ page }) => {
      const expected = demoUsers[user]
      await expect(page.getByTestId('user-name')).toHaveText(expected.name)
      await expect(page.getByTestId('user-role')).toHaveText(expected.role)
      if (expected.scope)
        await expect(page.getByTestId('user-scope')).toHaveText(expected.scope)
      else
        await expect(page.getByTestId('user-scope')).toHaveCount(0)
    })

    test('menu entries are the pages the role may use', async ({ page }) => {
      const menu = page.getByTestId('side-menu').getByRole('menuitem')
      await expect(menu.filter({ hasText: '驾驶舱' })).toBeVisible()
      const reachable: string[] = []
      for (const item of await menu.all()) {
        const path = (await item.getAttribute('data-path'))!
        await item.click()
        // Wait for the page itself: a URL read right after the click may still be the previous page's.
        await page.waitForURL((url) => url.pathname === path)
        await expect(page.getByText('无权访问')).toHaveCount(0)
        reachable.push(path)
      }
      for (const path of pagePaths.filter((p) => !reachable.includes(p))) {
        await page.goto(path)
        await expect(page.getByText(/无权访问|页面不存在/).first()).toBeVisible()
      }
    })
  })
}
