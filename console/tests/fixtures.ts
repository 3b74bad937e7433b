import { readFileSync } from 'node:fs'
import { test as base, expect, type Cookie, type Page } from '@playwright/test'
import { consoleUrl } from './console-url'

/** The provider's demo users (services/Identity/Users/DemoUsers.cs) and what the console shows for each. */
export const demoUsers = {
  bureau: { name: '市投资促进局 张局长', role: '市投资促进局', scope: '' },
  anning: { name: '安宁市投资促进局 李科长', role: '区县', scope: '安宁市' },
  chenggong: { name: '呈贡区投资促进局 王科长', role: '区县', scope: '呈贡区' },
  'anning-park': { name: '安宁工业园区管委会 赵主任', role: '园区', scope: '安宁工业园区' },
  finance: { name: '市财政局 刘会计', role: '财政', scope: '' },
  auditor: { name: '市审计局 陈审计', role: '审计', scope: '' },
} as const

export type DemoUser = keyof typeof demoUsers

/**
 * How long a fresh page may take to show the signed-in user: it loads the bundle, the provider's metadata and the
 * landing page's figures while the .NET integration tests keep both cores busy (CI once took more than 10 s).
 */
const pageLoadTimeout = 60_000

/** The demo password: Identity__DemoPassword, else the local run's deploy/local/dev.env. */
function demoPassword(): string {
  const fromEnv = process.env.Identity__DemoPassword
  if (fromEnv)
    return fromEnv
  const devEnv = readFileSync(new URL('../../deploy/local/dev.env', import.meta.url), 'utf8')
  const line = devEnv.split('\n').find((l) => l.startsWith('Identity__DemoPassword='))
  if (!line)
    throw new Error('Identity__DemoPassword is neither in the environment nor in deploy/local/dev.env')
  return line.slice('Identity__DemoPassword='.length).trim()
}

/** Fills the provider's real login page (the page must be on it) and waits until the console is back. */
export async function submitLogin(page: Page, user: DemoUser): Promise<void> {
  await page.locator('input[name="username"]').fill(user)
  await page.locator('input[name="password"]').fill(demoPassword())
  await page.locator('button[type="submit"]').click()
  const origin = new URL(consoleUrl).origin
  await page.waitForURL((url) => url.origin === origin && url.pathname !== '/signin-callback')
}

/** Signs in from the console's landing page through the provider's login page; ends on `path` with the menu shown. */
export async function signIn(page: Page, user: DemoUser, path = '/'): Promise<void> {
  await page.goto(`/welcome?returnTo=${encodeURIComponent(path)}`)
  await page.getByTestId('sign-in').click()
  await page.locator('input[name="username"]').waitFor()
  await submitLogin(page, user)
  await expect(page.getByTestId('user-name')).toHaveText(demoUsers[user].name, { timeout: pageLoadTimeout })
}

/** What one sign-in left in the browser: the provider's session cookie and the console's tokens (sessionStorage). */
interface SignedInSession {
  cookies: Cookie[]
  storage: Record<string, string>
}

// Per worker: each demo user signs in through the provider's login page once; later tests start from that session,
// as a user opening a new tab of a signed-in browser would (a full sign-in costs seconds of Chromium's CPU each).
const sessions = new Map<DemoUser, SignedInSession>()

/** Seeds a new page's sessionStorage once (a test that signs out or expires the session keeps what it did). */
function seed({ origin, storage }: { origin: string; storage: Record<string, string> }): void {
  if (location.origin !== origin || sessionStorage.getItem('zs-test-seeded'))
    return
  for (const [key, value] of Object.entries(storage))
    sessionStorage.setItem(key, value)
  sessionStorage.setItem('zs-test-seeded', '1')
}

/** `test.use({ user: 'anning' })` signs that user in before each test; `user: null` leaves the page signed out. */
export const test = base.extend<{ user: DemoUser | null }>({
  user: ['bureau', { option: true }],
  page: async ({ page, context, user }, use) => {
    const saved = user ? sessions.get(user) : undefined
    if (user && saved) {
      await context.addCookies(saved.cookies)
      await context.addInitScript(seed, { origin: new URL(consoleUrl).origin, storage: saved.storage })
      await page.goto('/')
      await expect(page.getByTestId('user-name')).toHaveText(demoUsers[user].name, { timeout: pageLoadTimeout })
    } else if (user) {
      await signIn(page, user)
      sessions.set(user, {
        cookies: await context.cookies(),
        storage: await page.evaluate(() => Object.fromEntries(Object.entries(sessionStorage))),
      })
    }
    await use(page)
  },
})

export { expect }
