import { defineConfig } from '@playwright/test'
import { consoleUrl } from './tests/console-url'

// Browsers are not downloaded: the machine's Chromium runs the specs against a running system (gateway address).
export default defineConfig({
  testDir: '.',
  testMatch: ['src/pages/**/*.spec.ts', 'tests/**/*.spec.ts'],
  // Journeys that wait for two or three messages (tests/fixtures.ts messageTimeout) on a busy machine.
  timeout: 180_000,
  // Pages render after API calls that share two cores with the .NET integration tests: seconds, at times tens of them.
  expect: { timeout: 30_000 },
  workers: 2,
  retries: 0,
  reporter: [['list'], ['junit', { outputFile: process.env.ZS_CONSOLE_JUNIT ?? '../.run/test-results/console-junit.xml' }]],
  outputDir: '../.run/test-results/console-artifacts',
  use: {
    baseURL: consoleUrl,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.ZS_CHROMIUM ?? '/usr/bin/chromium',
      // No GPU here: without --disable-gpu headless Chromium emulates one in software, on the same two cores.
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu'],
    },
  },
})
