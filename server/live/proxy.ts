import { type Context, Hono } from 'hono'
import { type Config } from '../config.ts'
import { API_BASE, errorBody, type IdentifierKind, identifierKinds } from '../contract.ts'
import { createMemberVerifier, isSameMember } from './member-token.ts'
import { createUpstreamAuth, joinUpstream, UpstreamAuthError } from './upstream-auth.ts'

// The live proxy: the Badges API paths the showcase reads, passed to the Capillary cluster with the
// server's credentials, for the member the browser's token names. Everything else is refused
// before it reaches the upstream.

const MAX_BODY_BYTES = 2 * 1024 * 1024
const MAX_SEGMENT = 320
const MAX_QUERY_VALUE = 200

type Endpoint = {
  /** Path segments; `:name` is a value from the request. */
  pattern: string[]
  query: string[]
  /** Whether the path names a member, which the token must allow. */
  member: boolean
}

const endpoints: Endpoint[] = [
  {
    pattern: ['customer', ':customer'],
    query: ['badgeType', 'sortOn', 'includeExpired', 'limit', 'page', 'groupId'],
    member: true,
  },
  {
    pattern: ['management', ':customer', 'badge', ':badge'],
    query: ['includeStatistics'],
    member: true,
  },
  { pattern: ['badgeMeta', ':badge'], query: ['includeStatistics'], member: false },
  { pattern: ['group', ':group'], query: [], member: false },
]

type Status = 400 | 401 | 403 | 404 | 405 | 502 | 504

function refuse(c: Context, status: Status, code: number, message: string) {
  c.header('Cache-Control', 'no-store')
  return c.json({ data: null, errors: [errorBody(code, message)], warnings: [] }, status)
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/

/** A path value as the upstream should see it, or null when it could escape its segment. */
function safeSegment(raw: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    return null
  }
  const unsafe =
    decoded === '' ||
    decoded === '.' ||
    decoded === '..' ||
    decoded.includes('/') ||
    decoded.includes('\\') ||
    CONTROL.test(decoded) ||
    decoded.length > MAX_SEGMENT
  return unsafe ? null : decoded
}

function match(segments: string[]) {
  for (const endpoint of endpoints) {
    if (endpoint.pattern.length !== segments.length) continue
    const values: Record<string, string> = {}
    const fits = endpoint.pattern.every((part, index) => {
      const segment = segments[index] ?? ''
      if (part.startsWith(':')) {
        values[part.slice(1)] = segment
        return true
      }
      return part === segment
    })
    if (fits) return { endpoint, values }
  }
  return null
}

/** Reads at most `limit` bytes; null when the body is larger. */
async function readLimited(response: Response, limit: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length') ?? NaN)
  if (declared > limit) {
    await response.body?.cancel()
    return null
  }
  if (response.body === null) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

type ProxyOptions = {
  live: NonNullable<Config['live']>
  fetch?: typeof fetch
  log?: (line: string) => void
}

export function createProxy({
  live,
  fetch: fetchImpl = globalThis.fetch,
  log = console.log,
}: ProxyOptions) {
  const auth = createUpstreamAuth(live.auth, {
    upstream: live.upstream,
    fetch: fetchImpl,
    timeoutMs: live.timeoutMs,
  })
  const verifyMember = createMemberVerifier(live.member)
  const app = new Hono()

  app.all('*', async (c) => {
    if (c.req.method !== 'GET') return refuse(c, 405, 405, `Method ${c.req.method} is not allowed`)
    // The raw path, still encoded: an encoded slash must not become a separator.
    const rawPath = new URL(c.req.url).pathname.replace(/^.*?\/api_gateway\/v1\/badges\/?/, '')
    const found = match(rawPath.split('/'))
    if (found === null) return refuse(c, 404, 404, 'No such resource in the Badges API')
    const { endpoint } = found
    const values: Record<string, string> = {}
    for (const [name, raw] of Object.entries(found.values)) {
      const value = safeSegment(raw)
      if (value === null) return refuse(c, 400, 400, `Invalid ${name} in the path`)
      values[name] = value
    }

    const query = new URLSearchParams()
    for (const name of endpoint.query) {
      const value = c.req.query(name)
      if (value === undefined) continue
      if (value.length > MAX_QUERY_VALUE || CONTROL.test(value)) {
        return refuse(c, 400, 400, `Invalid value for query parameter '${name}'`)
      }
      query.set(name, value)
    }

    const header = c.req.header('X-CAP-CUSTOMER-IDENTIFIER')?.trim()
    let idType: IdentifierKind | null = null
    if (header) {
      idType = identifierKinds.find((kind) => kind.toLowerCase() === header.toLowerCase()) ?? null
      if (idType === null) return refuse(c, 400, 1028, 'Invalid Customer Identifier type')
    }

    const verdict = await verifyMember(c.req.header('Authorization'))
    if (!verdict.ok) return refuse(c, 401, 401, `Not signed in: ${verdict.reason}`)
    if (
      endpoint.member &&
      verdict.member !== 'any' &&
      !isSameMember(verdict.member, values.customer ?? '', idType)
    ) {
      return refuse(c, 403, 403, 'This member token does not allow access to that member')
    }

    const path = endpoint.pattern
      .map((part) =>
        part.startsWith(':') ? encodeURIComponent(values[part.slice(1)] ?? '') : part,
      )
      .join('/')
    const url = joinUpstream(
      live.upstream,
      `${API_BASE}/${path}${query.size > 0 ? `?${query}` : ''}`,
    )

    for (let attempt = 0; ; attempt += 1) {
      let authHeaders: Record<string, string>
      try {
        authHeaders = await auth.headers()
      } catch (error) {
        log(
          `upstream sign-in failed: ${error instanceof UpstreamAuthError ? error.message : 'unknown error'}`,
        )
        return refuse(c, 502, 502, 'The showcase could not sign in to the badges service')
      }
      let response: Response
      try {
        response = await fetchImpl(url, {
          headers: {
            Accept: 'application/json',
            ...authHeaders,
            ...(idType ? { 'X-CAP-CUSTOMER-IDENTIFIER': idType } : {}),
          },
          redirect: 'manual',
          signal: AbortSignal.timeout(live.timeoutMs),
        })
      } catch (error) {
        const timedOut = error instanceof Error && error.name === 'TimeoutError'
        log(
          `upstream ${timedOut ? 'timed out' : 'unreachable'}: GET /api_gateway/v1/badges/${endpoint.pattern[0]}`,
        )
        return timedOut
          ? refuse(c, 504, 504, 'The badges service did not answer in time')
          : refuse(c, 502, 502, 'The badges service could not be reached')
      }
      if (
        (response.status === 401 || response.status === 498) &&
        attempt === 0 &&
        auth.rejected(authHeaders)
      ) {
        await response.body?.cancel()
        continue
      }
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel()
        return refuse(c, 502, 502, 'The badges service answered with a redirect')
      }
      const body = await readLimited(response, MAX_BODY_BYTES).catch(() => null)
      if (body === null)
        return refuse(c, 502, 502, 'The badges service sent too large or a broken answer')
      try {
        JSON.parse(body)
      } catch {
        return refuse(c, 502, 502, 'The badges service sent an answer that is not JSON')
      }
      // The upstream's JSON as it came (its number formats intact), none of its headers.
      return new Response(body, {
        status: response.status,
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
      })
    }
  })
  return app
}
