import { createHash } from 'node:crypto'
import { type UpstreamAuth } from '../config.ts'
import { type OnEvent } from './events.ts'
import { createSharedStore, produceOnce, type SharedStore } from './shared-cache.ts'
import { readLimited } from './upstream-body.ts'

// Capillary's machine credentials, turned into the header each upstream request carries.

/** Basic: base64 of "username:md5-hex(password)"; Capillary wants the password hashed. */
export function basicAuthorization(username: string, password: string): string {
  const digest = createHash('md5').update(password, 'utf8').digest('hex')
  return `Basic ${Buffer.from(`${username}:${digest}`, 'utf8').toString('base64')}`
}

export class UpstreamAuthError extends Error {
  override readonly name = 'UpstreamAuthError'
  /** Capillary answered and refused the credentials (401, 403): no retry will help. */
  readonly refused: boolean
  constructor(message: string, refused = false) {
    super(message)
    this.refused = refused
  }
}

export function joinUpstream(base: URL, path: string): string {
  return `${base.href.replace(/\/+$/, '')}${path}`
}

type OAuthOptions = {
  upstream: URL
  key: string
  secret: string
  fetch: typeof fetch
  timeoutMs: number
  now?: () => number
  /** Where instances share the token; this process's memory when absent. */
  store?: SharedStore
  onEvent?: OnEvent
}

/** A token response is a few hundred bytes; anything near this is not a token response. */
export const MAX_TOKEN_RESPONSE_BYTES = 64 * 1024
export const MAX_TOKEN_LENGTH = 4096
/** However long Capillary says a token lives, it is renewed within this. */
export const MAX_TOKEN_LIFETIME_MS = 60 * 60 * 1000
const DEFAULT_TOKEN_LIFETIME_MS = 5 * 60 * 1000
const MIN_BACKOFF_MS = 1_000
const MAX_BACKOFF_MS = 60_000
// Visible ASCII only: a token goes into a header, where CR, LF or any control character could
// split it or make every request fail.
const TOKEN_CHARACTERS = /^[\x21-\x7e]+$/

function tokenFrom(body: unknown): { token: string; lifetimeMs: number } {
  const data = typeof body === 'object' && body !== null && 'data' in body ? body.data : null
  const token =
    typeof data === 'object' && data !== null && 'accessToken' in data ? data.accessToken : null
  const ttl =
    typeof data === 'object' && data !== null && 'ttlSeconds' in data
      ? Number(data.ttlSeconds)
      : NaN
  if (typeof token !== 'string' || token === '')
    throw new UpstreamAuthError('the token response had no accessToken')
  if (token.length > MAX_TOKEN_LENGTH)
    throw new UpstreamAuthError(`the token is longer than ${MAX_TOKEN_LENGTH} characters`)
  if (!TOKEN_CHARACTERS.test(token))
    throw new UpstreamAuthError('the token has characters a header cannot carry')
  const lifetimeMs = Number.isFinite(ttl) && ttl > 0 ? ttl * 1000 : DEFAULT_TOKEN_LIFETIME_MS
  return { token, lifetimeMs: Math.min(lifetimeMs, MAX_TOKEN_LIFETIME_MS) }
}

type Cached = { token: string; renewAt: number }

function parseCached(raw: string | null): Cached | null {
  if (raw === null) return null
  try {
    const value: unknown = JSON.parse(raw)
    if (
      typeof value === 'object' &&
      value !== null &&
      'token' in value &&
      typeof value.token === 'string' &&
      TOKEN_CHARACTERS.test(value.token) &&
      value.token.length <= MAX_TOKEN_LENGTH &&
      'renewAt' in value &&
      typeof value.renewAt === 'number'
    ) {
      return { token: value.token, renewAt: value.renewAt }
    }
  } catch {
    // Not ours, or damaged: fetch a new one.
  }
  return null
}

/**
 * OAuth client credentials: a token from /v3/oauth/token/generate, cached until shortly before it
 * expires (an hour at most) and shared with the other instances through `store`, where a lock lets
 * one instance fetch it for all. Concurrent requests share one refresh; a token the upstream
 * rejected is dropped; after a failed fetch, requests fail at once for a back-off (1 s, doubling
 * to a minute) instead of calling a failing token endpoint again.
 */
export function createOAuthTokens({
  upstream,
  key,
  secret,
  fetch,
  timeoutMs,
  now = Date.now,
  store = createSharedStore({ now }),
  onEvent,
}: OAuthOptions) {
  let cached: Cached | null = null
  let inflight: Promise<string> | null = null
  let failures = 0
  let failure: { error: UpstreamAuthError; until: number } | null = null
  // The organisation's token, named by its credentials without revealing them.
  const identity = createHash('sha256').update(`${upstream.href}\n${key}\n${secret}`).digest('hex')
  const tokenKey = `showcase:v1:oauth:${identity.slice(0, 32)}`

  async function generate(): Promise<Cached> {
    const started = performance.now()
    let response: Response
    try {
      response = await fetch(joinUpstream(upstream, '/v3/oauth/token/generate'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ key, secret }),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      onEvent?.({ type: 'upstream', endpoint: 'oauth', status: 0, ms: performance.now() - started })
      // The system's own code says what to fix (ECONNREFUSED, ENOTFOUND, a certificate's).
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null
      const code = cause !== null && 'code' in cause ? String(cause.code) : null
      throw new UpstreamAuthError(
        `the token request failed (${code ?? (error instanceof Error ? error.name : 'error')}): check that CAPILLARY_API_URL can be reached from here`,
      )
    }
    const text = await readLimited(response, MAX_TOKEN_RESPONSE_BYTES)
    onEvent?.({
      type: 'upstream',
      endpoint: 'oauth',
      status: response.status,
      ms: performance.now() - started,
    })
    if (response.status === 401 || response.status === 403)
      throw new UpstreamAuthError(
        `Capillary refused the credentials (HTTP ${response.status}): check CAPILLARY_OAUTH_KEY and CAPILLARY_OAUTH_SECRET`,
        true,
      )
    if (!response.ok)
      throw new UpstreamAuthError(`the token request answered HTTP ${response.status}`)
    if (text === null) throw new UpstreamAuthError('the token response was too large or broken off')
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      throw new UpstreamAuthError('the token response was not JSON')
    }
    const { token, lifetimeMs } = tokenFrom(body)
    // Renew a tenth of the lifetime early (at most a minute), so no request goes out with a token
    // that expires on the way.
    return { token, renewAt: now() + lifetimeMs - Math.min(lifetimeMs / 10, 60_000) }
  }

  const readShared = async () => {
    const shared = parseCached(await store.get(tokenKey))
    return shared !== null && now() < shared.renewAt ? shared : null
  }

  async function obtain(): Promise<string> {
    if (failure !== null && now() < failure.until) throw failure.error
    try {
      let fetched = false
      const next = await produceOnce({
        store,
        lock: `${tokenKey}:lock`,
        read: readShared,
        produce: async () => {
          fetched = true
          const fresh = await generate()
          await store.set(tokenKey, JSON.stringify(fresh), fresh.renewAt - now())
          return fresh
        },
        lockMs: timeoutMs + 1_000,
        waitMs: timeoutMs + 1_000,
        now,
      })
      onEvent?.({ type: 'token', result: fetched ? 'refreshed' : 'shared' })
      cached = next
      failures = 0
      failure = null
      return next.token
    } catch (error) {
      onEvent?.({ type: 'token', result: 'failed' })
      const authError =
        error instanceof UpstreamAuthError
          ? error
          : new UpstreamAuthError('the token could not be obtained')
      failures += 1
      failure = {
        error: authError,
        until: now() + Math.min(MIN_BACKOFF_MS * 2 ** (failures - 1), MAX_BACKOFF_MS),
      }
      throw authError
    }
  }

  return {
    async token(): Promise<string> {
      if (cached !== null && now() < cached.renewAt) return cached.token
      inflight ??= obtain().finally(() => {
        inflight = null
      })
      return inflight
    },
    /** The upstream said this token is invalid or expired: the next request gets a new one. */
    async reject(token: string) {
      if (cached?.token === token) cached = null
      const raw = await store.get(tokenKey)
      if (parseCached(raw)?.token === token && raw !== null) await store.deleteIf(tokenKey, raw)
    },
  }
}

export type AuthHeaders = {
  headers(): Promise<Record<string, string>>
  /** After a 401 or 498: forget what was sent, and say whether another try can help. */
  rejected(headers: Record<string, string>): Promise<boolean>
}

export function createUpstreamAuth(
  auth: UpstreamAuth,
  options: Omit<OAuthOptions, 'key' | 'secret'>,
): AuthHeaders {
  if (auth.kind === 'basic') {
    const header = basicAuthorization(auth.username, auth.password)
    return { headers: async () => ({ Authorization: header }), rejected: async () => false }
  }
  const tokens = createOAuthTokens({ ...options, key: auth.key, secret: auth.secret })
  return {
    headers: async () => ({ 'X-CAP-API-OAUTH-TOKEN': await tokens.token() }),
    async rejected(headers) {
      const sent = headers['X-CAP-API-OAUTH-TOKEN']
      if (sent !== undefined) await tokens.reject(sent)
      return true
    },
  }
}
