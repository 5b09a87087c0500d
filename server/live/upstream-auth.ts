import { createHash } from 'node:crypto'
import { type UpstreamAuth } from '../config.ts'

// Capillary's machine credentials, turned into the header each upstream request carries.

/** Basic: base64 of "username:md5-hex(password)"; Capillary wants the password hashed. */
export function basicAuthorization(username: string, password: string): string {
  const digest = createHash('md5').update(password, 'utf8').digest('hex')
  return `Basic ${Buffer.from(`${username}:${digest}`, 'utf8').toString('base64')}`
}

export class UpstreamAuthError extends Error {
  override readonly name = 'UpstreamAuthError'
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
}

/**
 * OAuth client credentials: a token from /v3/oauth/token/generate, cached until shortly before it
 * expires. Concurrent requests share one refresh; a token the upstream rejected is dropped.
 */
export function createOAuthTokens({
  upstream,
  key,
  secret,
  fetch,
  timeoutMs,
  now = Date.now,
}: OAuthOptions) {
  let cached: { token: string; renewAt: number } | null = null
  let inflight: Promise<string> | null = null

  async function generate(): Promise<string> {
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
      throw new UpstreamAuthError(
        `the token request failed: ${error instanceof Error ? error.name : 'error'}`,
      )
    }
    if (!response.ok)
      throw new UpstreamAuthError(`the token request answered HTTP ${response.status}`)
    const body: unknown = await response.json().catch(() => null)
    const data = typeof body === 'object' && body !== null && 'data' in body ? body.data : null
    const token =
      typeof data === 'object' && data !== null && 'accessToken' in data ? data.accessToken : null
    const ttl =
      typeof data === 'object' && data !== null && 'ttlSeconds' in data
        ? Number(data.ttlSeconds)
        : NaN
    if (typeof token !== 'string' || token === '')
      throw new UpstreamAuthError('the token response had no accessToken')
    const lifetimeMs = Number.isFinite(ttl) && ttl > 0 ? ttl * 1000 : 300_000
    // Renew a tenth of the lifetime early (at most a minute), so no request goes out with a token
    // that expires on the way.
    cached = { token, renewAt: now() + lifetimeMs - Math.min(lifetimeMs / 10, 60_000) }
    return token
  }

  return {
    async token(): Promise<string> {
      if (cached !== null && now() < cached.renewAt) return cached.token
      inflight ??= generate().finally(() => {
        inflight = null
      })
      return inflight
    },
    /** The upstream said this token is invalid or expired: the next request gets a new one. */
    reject(token: string) {
      if (cached?.token === token) cached = null
    },
  }
}

export type AuthHeaders = {
  headers(): Promise<Record<string, string>>
  /** After a 401 or 498: forget what was sent, and say whether another try can help. */
  rejected(headers: Record<string, string>): boolean
}

export function createUpstreamAuth(
  auth: UpstreamAuth,
  options: Omit<OAuthOptions, 'key' | 'secret'>,
): AuthHeaders {
  if (auth.kind === 'basic') {
    const header = basicAuthorization(auth.username, auth.password)
    return { headers: async () => ({ Authorization: header }), rejected: () => false }
  }
  const tokens = createOAuthTokens({ ...options, key: auth.key, secret: auth.secret })
  return {
    headers: async () => ({ 'X-CAP-API-OAUTH-TOKEN': await tokens.token() }),
    rejected(headers) {
      const sent = headers['X-CAP-API-OAUTH-TOKEN']
      if (sent !== undefined) tokens.reject(sent)
      return true
    },
  }
}
