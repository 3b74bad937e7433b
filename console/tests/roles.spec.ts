import { demoUsers, expect, test, type DemoUser } from './fixtures'

for (const user of Object.keys(demoUsers) as DemoUser[]) {
  test.describe(`signed in as ${user}`, () => {
    test.use({ user })

    test('header shows name, role in Chinese and district or park', async ({ page }) => {
      const expected = demoUsers[user]
      await expect(page.getByTestId('user-name')).toHaveText(expected.name)
      await expect(page.getByTestId('user-role')).toHaveText(expected.role)
      if (expected.scope)
        await expect(page.getByTestId('user-scope')).toHaveText(expected.scope)
      else
        await expect(page.getByTestId('user-scope')).toHaveCount(0)
      await expect(page.getByTestId('side-menu').getByRole('menuitem', { name: '驾驶舱' })).toBeVisible()
    })
  })
}
