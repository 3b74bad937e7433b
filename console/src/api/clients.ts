import createClient, { type Middleware } from 'openapi-fetch'
import type { paths as LeadPaths } from './generated/lead'
import type { paths as ProjectPaths } from './generated/project'
import type { paths as ApprovalPaths } from './generated/approval'
import type { paths as FundingPaths } from './generated/funding'
import type { paths as NotificationPaths } from './generated/notification'
import type { paths as IdentityPaths } from './generated/identity'
import { currentUser, session, sessionExpired, userManager } from '@/app/session'

/** The bearer token on every call; no valid session (or a 401) → drafts saved and back to sign-in. */
const bearer: Middleware = {
  async onRequest({ request }) {
    const user = await currentUser()
    if (!user)
      return sessionExpired()
    request.headers.set('Authorization', `Bearer ${user.access_token}`)
    return request
  },
  async onResponse({ response }) {
    if (response.status === 401)
      return sessionExpired()
    return response
  },
}

function client<Paths extends {}>(baseUrl = '') {
  const api = createClient<Paths>({ baseUrl })
  api.use(bearer)
  return api
}

// The services through the gateway (same origin); shared paths such as audit are /api/<service>/audit.
export const leadApi = client<LeadPaths>()
export const projectApi = client<ProjectPaths>()
export const approvalApi = client<ApprovalPaths>()
export const fundingApi = client<FundingPaths>()
export const notificationApi = client<NotificationPaths>()

let identity: ReturnType<typeof client<IdentityPaths>> | undefined

/** The provider's own API (user administration) at its own address, the issuer from /config.json. */
export async function identityApi() {
  await userManager()
  identity ??= client<IdentityPaths>(session.authority.replace(/\/$/, ''))
  return identity
}
