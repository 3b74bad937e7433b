import { expect, test } from '../../../tests/fixtures'
import { StaffApi } from '../projects/setup'

interface Plan { nodes: { id: string; status: string; fulfilledBy: string | null; version: number }[] }

test.describe('a district officer (anning)', () => {
  test.use({ user: 'anning' })

  test('finds a node assigned to them in 我的待办 with its light and opens its project', { tag: '@journey' }, async ({ page }) => {
    const api = await StaffApi.of(page)
    const id = await api.signedProject()
    const plan = await api.call<Plan>('GET', `/api/projects/${id}/nodes`)
    const node = plan.nodes.find((n) => n.status !== 'done')!
    await api.call('PUT', `/api/projects/${id}/nodes/${node.id}/owner`, {
      owner: 'anning', ownerName: '李科长', department: '安宁市投资促进局', version: node.version,
    })

    await page.getByTestId('side-menu').getByText('我的待办').click()
    const row = page.getByTestId('my-nodes').locator('tr').filter({ has: page.locator(`a[href="/projects/${id}"]`) })
    await expect(row.getByTestId('grade-light')).toBeVisible()
    await expect(row).toContainText(/剩 \d+ 个工作日|逾期 \d+ 个工作日/)
    await row.getByTestId('my-node-project').click()
    await expect(page).toHaveURL(new RegExp(`/projects/${id}$`))
    await expect(page.getByTestId('project-name')).toBeVisible()
  })
})

test.describe('signed out', () => {
  test.use({ user: null })

  test('我的待办 asks to sign in first', async ({ page }) => {
    await page.goto('/my-nodes')
    await expect(page.getByTestId('sign-in')).toBeVisible()
  })
})
