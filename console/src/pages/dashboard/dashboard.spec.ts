import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { expect, test, type DemoUser } from '../../../tests/fixtures'
import { grouped, sharePercent, yi } from '../../app/format'
import { StaffApi } from '../projects/setup'
import { choose, lastYear, showYear, statistics, type StatisticsReport } from './testing'
import { wanUsd } from './units'

const panels = ['rates', 'targets', 'funnel', 'ranking', 'parks', 'attention'] as const

// Which panels each role sees follows the x-roles of what they draw (statistics and KPIs: not park; the ranking: the
// city's readers; projects by park: whoever reads no statistics).
const visible: Partial<Record<DemoUser, (typeof panels)[number][]>> = {
  bureau: ['rates', 'targets', 'funnel', 'ranking', 'attention'],
  finance: ['rates', 'targets', 'funnel', 'ranking', 'attention'],
  anning: ['rates', 'targets', 'funnel', 'attention'],
  'anning-park': ['parks', 'attention'],
}

for (const [user, shown] of Object.entries(visible) as [DemoUser, (typeof panels)[number][]][]) {
  test.describe(`驾驶舱 as ${user}`, () => {
    test.use({ user })

    test('shows the panels the role may read', async ({ page }) => {
      await expect(page.getByTestId('dashboard')).toHaveAttribute('data-ready', 'true')
      for (const panel of panels)
        await expect(page.getByTestId(`panel-${panel}`)).toHaveCount(shown.includes(panel) ? 1 : 0)
      await expect(page.getByTestId('set-targets')).toHaveCount(user === 'bureau' ? 1 : 0)
    })
  })
}

/** Every headline figure, rate and ranking row as the page shows them, against the API's answer formatted alike. */
async function expectFigures(page: import('@playwright/test').Page, report: StatisticsReport) {
  const { current } = report
  const figure = (key: string) => page.getByTestId(`figure-${key}`).getByTestId('figure-value')
  await expect(figure('signedCount')).toHaveText(`${grouped(current.signedCount)} 个`)
  await expect(figure('signedAmount')).toHaveText(yi(current.signedAmount.yi))
  await expect(figure('startedCount')).toHaveText(`${grouped(current.startedCount)} 个`)
  await expect(figure('fundsInPlace')).toHaveText(yi(current.fundsInPlace.yi))
  await expect(figure('foreignCapitalUsd')).toHaveText(wanUsd(current.foreignCapitalUsd))
  await expect(page.getByTestId('count-atLeast100Million')).toContainText(`${grouped(current.bands.atLeast100Million)} 个`)
  for (const [key, rate] of Object.entries(current.rates))
    await expect(page.getByTestId(`rate-${key}`).getByTestId('rate-value')).toHaveText(sharePercent(rate))
}

test('the figures are the statistics API\'s for the same year, the ranking in its order', { tag: '@journey' }, async ({ page }) => {
  // Last year: no spec signs or reports funds in it, so the page and the API see the same projects.
  const year = lastYear()
  await showYear(page, year)
  await expect(page.getByTestId('dashboard-scope')).toHaveText(`全市 · ${year}年`)
  const report = await statistics(page, `year=${year}`)
  await expectFigures(page, report)
  await expect(page.getByTestId('first-talk-credit')).toHaveCount(0)
  const districts = page.getByTestId('district-ranking').locator('.el-table__body tr td:nth-child(2)')
  await expect(districts).toHaveText(report.districtRanking.map((row) => row.district))
})

test.describe('驾驶舱 of a district officer', () => {
  test.use({ user: 'anning' })

  test('shows their own district\'s figures with the first-talk credit, and no ranking', async ({ page }) => {
    const year = lastYear()
    await showYear(page, year)
    await expect(page.getByTestId('dashboard-scope')).toHaveText(`安宁市 · ${year}年`)
    const report = await statistics(page, `year=${year}&district=${encodeURIComponent('安宁市')}`)
    expect(report.filter.district).toBe('安宁市')
    await expectFigures(page, report)
    await expect(page.getByTestId('first-talk-credit')).toContainText(`首谈转出签约 ${grouped(report.current.firstTalkCredit.count)} 个`)
    await expect(page.getByTestId('panel-ranking')).toHaveCount(0)
  })
})

test.describe('年度目标', () => {
  // Next year's targets: no other spec sets them, and the period picker offers that year.
  const year = Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4)) + 1
  const field = (page: import('@playwright/test').Page, indicator: string) =>
    page.locator('.el-form-item', { has: page.getByTestId(`targets-${indicator}`) })

  test('a target the bureau sets shows as progress on the 驾驶舱', async ({ page }) => {
    const started = String(100 + Math.floor(Math.random() * 900))
    await page.getByTestId('set-targets').click()
    await choose(page, 'targets-year', `${year} 年`)
    await page.getByTestId('targets-StartedCount').fill(started)
    await page.getByTestId('targets-save').click()
    await expect(page.getByTestId('targets-form')).toBeHidden()

    const target = page.getByTestId('target-StartedCount-全市')
    await expect(target).toContainText(`目标 ${started} 个`)
    const report = await statistics(page, `year=${year}`)
    const item = report.targets.find((t) => t.indicator === 'StartedCount' && t.district === null)!
    expect(String(item.target)).toBe(started)
    await expect(target.getByTestId('target-progress')).toHaveText(sharePercent(item.progress))
  })

  test('a negative value is refused under its field, a stale version shows the target as it is now', async ({ page }) => {
    await page.getByTestId('set-targets').click()
    await choose(page, 'targets-year', `${year} 年`)
    await page.getByTestId('targets-FundsInPlaceCny').fill('-1')
    await page.getByTestId('targets-save').click()
    await expect(field(page, 'FundsInPlaceCny').locator('.el-form-item__error')).toBeVisible()
    await expect(page.getByTestId('targets-form')).toBeVisible()

    // Someone else sets the same target meanwhile: saving on the version read shows theirs, saving again overwrites.
    await page.getByTestId('targets-FundsInPlaceCny').fill('')
    const api = await StaffApi.of(page)
    const { items } = await api.call<{ items: { indicator: string; district: string | null; version: number }[] }>('GET', `/api/statistics/targets?year=${year}`)
    const held = items.find((t) => t.indicator === 'InProductionCount' && t.district === null)
    const typed = String(100 + Math.floor(Math.random() * 900))
    await page.getByTestId('targets-InProductionCount').fill(typed)
    await api.call('PUT', `/api/statistics/targets/${year}/InProductionCount`, { value: String(20 + Math.floor(Math.random() * 50)), version: held?.version ?? null })
    await page.getByTestId('targets-save').click()
    await expect(field(page, 'InProductionCount').locator('.el-form-item__error')).toContainText('已被他人修改')
    await page.getByTestId('targets-save').click()
    await expect(page.getByTestId('targets-form')).toBeHidden()
    await expect(page.getByTestId('target-InProductionCount-全市')).toContainText(`目标 ${typed} 个`)
  })
})

test('the funnel links to the projects list of a stage, 大屏 hides menu and header', async ({ page }) => {
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-ready', 'true')
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
