import type { Middleware } from 'openapi-fetch'

// Amounts are decimals up to 9,999,999,999,999,999.99 元; a JSON number beyond ~15 digits would lose fen in a double.
// Each number keeps the text the service wrote (JSON.parse source text), so money is shown as sent.
function keepNumberText(_key: string, value: unknown, context?: { source?: string }): unknown {
  return typeof value === 'number' && context?.source !== undefined ? context.source : value
}

/** Per-request middleware: a successful JSON answer's numbers arrive as their exact decimal text. */
export const exactNumbers: Middleware = {
  async onResponse({ response }) {
    if (!response.ok || response.status === 204 || !response.headers.get('content-type')?.includes('json'))
      return undefined
    const text = await response.text()
    const body = text ? JSON.stringify(JSON.parse(text, keepNumberText)) : ''
    const headers = new Headers(response.headers)
    headers.delete('content-length')
    headers.delete('content-encoding')
    return new Response(body, { status: response.status, statusText: response.statusText, headers })
  },
}

/** Request options carrying the middleware: `fundingApi.GET(path, { ...exact, params })`. */
export const exact = { middleware: [exactNumbers] }
