import { expect, type APIRequestContext, type Page } from '@playwright/test'

/**
 * How long a spec waits for what a message between services brings about (a project opened, a case opened). Well under
 * a second on a quiet machine; the browser tests run beside the .NET integration tests on two cores, where it can take
 * tens of seconds.
 */
export const messageTimeout = 60_000

/** Spec setup through the gateway's APIs, as the user the page has signed in (their token from the console's session). */
export class StaffApi {
  private constructor(private readonly request: APIRequestContext, private readonly token: string) {}

  static async of(page: Page): Promise<StaffApi> {
    const token = await page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))
      return key ? (JSON.parse(sessionStorage.getItem(key) ?? '{}') as { access_token?: string }).access_token : undefined
    })
    if (!token)
      throw new Error('the page has no signed-in user')
    return new StaffApi(page.request, token)
  }

  async call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: object): Promise<T> {
    const response = await this.request.fetch(path, {
      method, data: body, headers: { Authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
    })
    if (!response.ok())
      throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`)
    return (response.status() === 204 ? undefined : await response.json()) as T
  }

  /** A fresh project of the user's district in 在谈: an intent followed up, qualified and converted. */
  async negotiatingProject(district = '安宁市'): Promise<string> {
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
    const enterprises = await this.call<{ items: { id: string }[] }>('GET', '/api/enterprises?PageSize=1')
    const intent = await this.call<{ id: string }>('POST', '/api/intents', {
      enterpriseId: enterprises.items[0]!.id, sourceEventId: null, industry: '新材料', intendedInvestment: '300000000.00',
      district, receivedOn: today,
    })
    await this.call('POST', `/api/intents/${intent.id}/follow-ups`, {
      kind: 'Call', occurredOn: today, summary: '电话对接投资意向（界面测试）', nextStep: '实地考察', nextStepOn: today,
    })
    await this.call('POST', `/api/intents/${intent.id}/qualify`, { reason: '符合园区产业定位' })
    const { projectId } = await this.call<{ projectId: string }>('POST', `/api/intents/${intent.id}/convert`)
    // The project service opens the project from the published event.
    await expect.poll(() => this.call('GET', `/api/projects/${projectId}`).then(() => true, () => false), { timeout: messageTimeout }).toBe(true)
    return projectId
  }

  /** A project signed into 安宁工业园区, once its approval case is open. */
  async signedProject(): Promise<string> {
    const id = await this.negotiatingProject()
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
    await this.call('POST', `/api/projects/${id}/sign`, {
      agreementNo: `UI-${id.slice(0, 8)}`, signedOn: today, contractedInvestment: '300000000.00', park: '安宁工业园区',
      approvalProfile: null, version: null,
    })
    await expect.poll(() => this.call('GET', `/api/projects/${id}/approval-case`).then(() => true, () => false), { timeout: messageTimeout }).toBe(true)
    return id
  }
}
