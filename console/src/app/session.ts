import { reactive } from 'vue'
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts'
import { saveDrafts } from './drafts'

/** What the gateway's /config.json tells the console about the provider. */
interface ConsoleConfig {
  authority: string
  clientId: string
  scope: string
}

export type Role = 'bureau' | 'district' | 'park' | 'finance' | 'auditor'

export const roleNames: Record<Role, string> = {
  bureau: '市投资促进局',
  district: '区县',
  park: '园区',
  finance: '财政',
  auditor: '审计',
}

/** The signed-in staff member as the API sees them (claims of the access token). */
export interface Staff {
  username: string
  name: string
  role: Role
  district?: string
  park?: string
}

export const session = reactive({ staff: null as Staff | null, authority: '' })

let manager: Promise<UserManager> | undefined

/** Reads /config.json once and builds the provider client: code flow with PKCE, tokens kept in sessionStorage. */
export function userManager(): Promise<UserManager> {
  // Pages load in parallel at start; they share one configuration request and one client.
  manager ??= createUserManager().catch((error: unknown) => {
    manager = undefined
    throw error
  })
  return manager
}

async function createUserManager(): Promise<UserManager> {
  const response = await fetch('/config.json', { cache: 'no-cache' })
  if (!response.ok)
    throw new Error(`/config.json: HTTP ${response.status}`)
  const config = (await response.json()) as ConsoleConfig
  session.authority = config.authority
  const users = new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    scope: config.scope,
    redirect_uri: `${location.origin}/signin-callback`,
    post_logout_redirect_uri: `${location.origin}/`,
    response_type: 'code',
    // With offline_access the library renews through the refresh token, without an iframe.
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: sessionStorage }),
  })
  users.events.addUserLoaded((user) => { session.staff = staffOf(user) })
  users.events.addUserUnloaded(() => { session.staff = null })
  return users
}

function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? ''
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'))
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>
}

function staffOf(user: User): Staff {
  // The access token carries what the services authorise by; the profile may lack role, district and park.
  const claims = { ...user.profile, ...claimsOf(user.access_token) }
  const text = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string) : undefined)
  return {
    username: text('sub') ?? '',
    name: text('name') ?? text('sub') ?? '',
    role: text('role') as Role,
    district: text('district'),
    park: text('park'),
  }
}

let renewal: Promise<User | null> | undefined

/** The current user with a token still valid, renewing it through the refresh token when it has expired. */
export async function currentUser(): Promise<User | null> {
  const users = await userManager()
  let user = await users.getUser()
  if (user?.expired) {
    // Calls made together share one refresh: the provider may rotate the refresh token on use.
    const refreshable = Boolean(user.refresh_token)
    renewal ??= (refreshable ? users.signinSilent().catch(() => null) : Promise.resolve(null)).finally(() => { renewal = undefined })
    user = await renewal
  }
  session.staff = user ? staffOf(user) : null
  return user
}

/** Sends the browser to the provider's login page; after sign-in the console comes back to returnTo. */
export async function signIn(returnTo: string): Promise<void> {
  const users = await userManager()
  await users.signinRedirect({ state: { returnTo } })
}

/** Completes the code flow on /signin-callback and tells where the user was going. */
export async function completeSignIn(): Promise<string> {
  const users = await userManager()
  const user = await users.signinRedirectCallback()
  session.staff = staffOf(user)
  const state = user.state as { returnTo?: string } | undefined
  return state?.returnTo ?? '/'
}

/** The session has expired mid-work: open forms are kept and the user signs in again, coming back to this page. */
let leaving = false

export async function sessionExpired(): Promise<never> {
  // Several calls may fail together; the first one saves the drafts and leaves.
  if (leaving)
    return new Promise<never>(() => {})
  leaving = true
  saveDrafts()
  const users = await userManager()
  await users.removeUser()
  await signIn(location.pathname + location.search)
  return new Promise<never>(() => {})
}

/** Ends the provider's session too (end-session endpoint), then comes back to the console's landing page. */
export async function signOut(): Promise<void> {
  const users = await userManager()
  await users.signoutRedirect()
}
