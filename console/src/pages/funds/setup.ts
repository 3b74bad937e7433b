// Spec support (never bundled: no page imports it): records the journeys start from, made through the gateway's API
// with a signed-in demo user's own access token.
import { expect, type APIRequestContext, type Page } from '@playwright/test'

/** The signed-in user's access token, where the console keeps it (oidc-client-ts, sessionStorage). */
export function accessTokenOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))
    if (!key)
      throw new Error('not signed in')
    return (JSON.parse(sessionStorage.getItem(key)!) as { access_token: string }).access_token
  })
}

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date())

/** Calls the API as the token's user and expects the status; answers the JSON body. */
async function send(request: APIRequestContext, token: string, method: 'GET' | 'POST', path: string, status: number, data?: object) {
  const response = await request.fetch(path, { method, data, headers: { Authorization: `Bearer ${token}` } })
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBe(status)
  return (await response.json()) as Record<string, unknown>
}

export interface FundsJourney { projectId: string; reportId: string; enterpriseName: string }

/**
 * As a 安宁市 officer: an intent for a demo enterprise, qualified and converted; the project signed into 安宁工业园区
 * (its funding ledger opens); one funds report of `amount` 元 waiting for finance.
 */
export async function projectWithFundsReport(request: APIRequestContext, token: string, amount = '50000000.00'): Promise<FundsJourney> {
  const enterprises = await send(request, token, 'GET', '/api/enterprises?pageSize=1', 200)
  const enterprise = (enterprises.items as { id: string; name: string }[])[0]!
  const intent = await send(request, token, 'POST', '/api/intents', 201, {
    enterpriseId: enterprise.id, sourceEventId: null, industry: '绿色铝', intendedInvestment: '300000000', district: '安宁市', receivedOn: today(),
  })
  const intentPath = `/api/intents/${intent.id as string}`
  await send(request, token, 'POST', `${intentPath}/follow-ups`, 201, {
    kind: 'VisitOut', occurredOn: today(), summary: '赴企业总部对接投资意向', nextStep: '园区实地考察', nextStepOn: today(),
  })
  await send(request, token, 'POST', `${intentPath}/qualify`, 200, { reason: '符合园区产业定位' })
  const { projectId } = (await send(request, token, 'POST', `${intentPath}/convert`, 202)) as { projectId: string }

  const project = async () => {
    const response = await request.get(`/api/projects/${projectId}`, { headers: { Authorization: `Bearer ${token}` } })
    return response.ok() ? ((await response.json()) as { version: number; funding: unknown }) : undefined
  }
  await expect.poll(project, { message: 'the converted intent becomes a project', timeout: 30_000 }).toBeTruthy()
  await send(request, token, 'POST', `/api/projects/${projectId}/sign`, 200, {
    agreementNo: `KM-${projectId.slice(0, 8)}`, signedOn: today(), contractedInvestment: '200000000.00', park: '安宁工业园区',
    approvalProfile: null, version: (await project())!.version,
  })
  await expect.poll(async () => (await project())?.funding, { message: 'the funding ledger opens', timeout: 30_000 }).toBeTruthy()
  const report = await send(request, token, 'POST', `/api/projects/${projectId}/funds-reports`, 201, {
    amount, currency: 'CNY', source: 'OutsideProvince', use: 'FixedAssets', reportedOn: today(), evidenceRef: `进账单-${projectId.slice(0, 8)}`,
  })
  return { projectId, reportId: report.id as string, enterpriseName: enterprise.name }
}
