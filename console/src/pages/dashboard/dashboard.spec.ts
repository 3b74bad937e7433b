import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { expect, test, type DemoUser } from '../../../tests/fixtures'

const panels = ['funnel', 'rates', 'funds', 'districts', 'parks', 'attention'] as const

// Which panels each role sees follows the x-roles of what they draw (KPIs and funds: not park; overdue intents: not
// finance nor park).
const visible: Partial<Record<DemoUser, (typeof panels)[number][]>> = {
  bureau: [...panels],
  anning: [...panels],
  finance: ['funnel', 'rates', 'funds', 'districts', 'parks', 'attention'],
  'anning-park': ['districts', 'parks', 'attention'],
}

for (const [user, shown] of Object.entries(visible) as [DemoUser, (typeof panels)[number][]][]) {
  test.describe(`驾驶舱 as ${user}`, () => {
    test.use({ user })

    test('shows the panels the role may read', async ({ page }) => {
      await expect(page.getByTestId('dashboard')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 })
      for (const panel of panels)
        await expect(page.getByTestId(`panel-${panel}`)).toHaveCount(shown.includes(panel) ? 1 : 0)
      await expect(page.getByTestId('set-targets')).toHaveCount(user === 'bureau' ? 1 : 0)
    })
  })
}

test.describe('驾驶舱 tabs by role', () => {
  test.use({ user: 'finance' })
  test('finance sees stuck projects but not the overdue intents or approval items', async ({ page }) => {
    const attention = page.getByTestId('panel-attention')
    await expect(attention.getByRole('tab', { name: /停滞项目/ })).toBeVisible()
    await expect(attention.getByRole('tab', { name: /逾期意向|逾期审批/ })).toHaveCount(0)
  })
})

test('the funnel links to the projects list of a stage, 大屏 hides menu and header', async ({ page }) => {
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 })
  await page.getByTestId('wall-screen').click()
  await expect(page.getByTestId('side-menu')).toBeHidden()
  await expect(page.getByTestId('user-menu')).toBeHidden()
  await page.getByTestId('wall-screen').click()
  await expect(page.getByTestId('side-menu')).toBeVisible()

  // The funnel's top segment (洽谈中) is at the top centre of its chart.
  const chart = page.getByTestId('panel-funnel').locator('canvas').first()
  const box = (await chart.boundingBox())!
  await page.mouse.click(box.x + box.width / 2, box.y + 20)
  await expect(page).toHaveURL(/\/projects\?stage=Negotiating$/)
})

test('load time of the 驾驶舱, first visit (empty cache) and repeat visit, into console-metrics.json', { tag: '@journey' }, async ({ page, context }) => {
  const visit = async () => {
    await page.goto('/')
    await expect(page.getByTestId('dashboard')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 })
    return page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
      return {
        readyMs: Math.round(performance.getEntriesByName('dashboard-ready')[0]!.startTime),
        domContentLoadedMs: Math.round(navigation.domContentLoadedEventEnd),
        loadMs: Math.round(navigation.loadEventEnd),
        transferredBytes: resources.reduce((sum, r) => sum + r.transferSize, navigation.transferSize),
      }
    })
  }
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.clearBrowserCache')
  const first = await visit()
  const repeat = await visit()
  expect(first.readyMs).toBeGreaterThan(0)
  expect(repeat.transferredBytes).toBeLessThan(first.transferredBytes)

  const file = process.env.ZS_CONSOLE_METRICS ?? new URL('../../../../.run/test-results/console-metrics.json', import.meta.url).pathname
  mkdirSync(dirname(file), { recursive: true })
  let metrics: Record<string, unknown> = {}
  try {
    metrics = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  } catch {
    // The first spec run writes the file.
  }
  metrics.dashboard = { viewport: '1366x768', measuredAt: new Date().toISOString(), firstVisit: first, repeatVisit: repeat }
  writeFileSync(file, `${JSON.stringify(metrics, null, 2)}\n`)
})
