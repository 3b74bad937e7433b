/** The console under test: the gateway of a running system (ZS_CONSOLE_URL), by default the dev run's. */
export const consoleUrl = process.env.ZS_CONSOLE_URL ?? 'http://127.0.0.1:5100'
