import { createHash } from 'node:crypto'
import { type Context, Hono } from 'hono'
import { type Config } from '../config.ts'
import { API_BASE, errorBody, type IdentifierKind, identifierKinds } from '../contract.ts'
import { createMemberVerifier, isSameMember, type MemberVerifier } from './member-token.ts'
import { clientAddress } from '../client-address.ts'
import { createDefinitionCache } from './definition-cache.ts'
import { type OnEvent, type UpstreamEndpoint } from './events.ts'
import { createSharedStore, type SharedStore } from './shared-cache.ts'
import { createUpstreamAuth, joinUpstream, UpstreamAuthError } from './upstream-auth.ts'
import { INTERNAL_FIELDS, readLimited, stripFields } from './upstream-body.ts'
import { createUpstreamGate, GateRefusal, type Outcome, retryAfterMs } from './upstream-gate.ts'
import { createRateLimit } from '../rate-limit.ts'

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

// The query values Capillary documents, and nothing else: odd input never reaches it (where a
// gateway in front of it might answer in a way the circuit below counts against every member).
const QUERY_VALUES: Record<string, RegExp> = {
  badgeType: /^(AVAILABLE|EARNED|AVAILABLE_TO_ISSUE|EXPIRED)$/,
  sortOn: /^(RANK|LAST_EARNED_ON_DATE|LAST_EARNED_EVENT_DATE)$/,
  includeExpired: /^(true|false)$/,
  includeStatistics: /^(true|false)$/,
  // The showcase asks 50 at a time; page numbers far past any member's badges are refused too.
  limit: /^([1-9]|[1-9][0-9]|100)$/,
  page: /^(0|[1-9][0-9]{0,5})$/,
  groupId: /^[\w.-]{1,64}$/,
}

// Badge and group ids are Capillary's (24 hex digits today): a value of another shape names
// nothing there, and is a 404 without asking.
const ID = /^[\w.-]{1,64}$/

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

type Status = 400 | 401 | 403 | 404 | 405 | 429 | 502 | 503 | 504

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

type ProxyOptions = {
  live: NonNullable<Config['live']>
  fetch?: typeof fetch
  /** A line for the operator: a warning unless said to be news ('info'). */
  log?: (line: string, level?: 'info' | 'warn') => void
  /** Shared with other instances; by default Redis at live.redisUrl, else this process's memory. */
  store?: SharedStore
  onEvent?: OnEvent
  now?: () => number
  /**
   * false: no shared definitions and no coalescing, every request to Capillary (the proxy as it
   * was before the cache), for the bench's comparison only.
   */
  cache?: boolean
  /** The process's member token check (member-token.ts); by default one of the proxy's own. */
  verifyMember?: MemberVerifier
}

/** What a call to Capillary came to: its JSON answer, or an error the showcase gives instead. */
export type Upstream =
  | { kind: 'answer'; status: number; body: string }
  | {
      kind: 'error'
      status: 429 | 502 | 503 | 504
      message: string
      retryAfterSeconds?: number
    }

const failed = (
  status: 429 | 502 | 503 | 504,
  message: string,
  retryAfterSeconds?: number,
): Upstream => ({
  kind: 'error',
  status,
  message,
  ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
})

/** Definitions are fresh this long; after that they are served while being fetched again. */
export const DEFINITION_FRESH_MS = 5 * 60 * 1000
/** How long past fresh a definition may still be served (while revalidating, or while failing). */
export const DEFINITION_STALE_MS = 60 * 60 * 1000

export function createProxy({
  live,
  fetch: fetchImpl = globalThis.fetch,
  log = console.log,
  store = createSharedStore({ redisUrl: live.redisUrl, log }),
  onEvent,
  now = Date.now,
  cache: caching = true,
  verifyMember = createMemberVerifier(live.member, live.tokenClaims),
}: ProxyOptions) {
  const auth = createUpstreamAuth(live.auth, {
    upstream: live.upstream,
    fetch: fetchImpl,
    timeoutMs: live.timeoutMs,
    store,
    now,
    ...(onEvent && { onEvent }),
  })
  const gate = createUpstreamGate({
    concurrency: live.concurrency,
    queueTimeoutMs: live.timeoutMs,
    now,
    ...(onEvent && { onEvent }),
  })
  // The organisation these definitions belong to, named without revealing its credentials.
  const organisation = createHash('sha256')
    .update(
      `${live.upstream.href}\n${live.auth.kind === 'basic' ? live.auth.username : live.auth.key}`,
    )
    .digest('hex')
    .slice(0, 32)
  const inflight = new Map<string, Promise<Upstream>>()
  // One member cannot spend the organisation's Capillary quota for everyone (a script with its own
  // valid token asking for made-up badges in a loop): past its share it is told to wait, alone.
  const perMember =
    live.memberRatePerMinute > 0
      ? createRateLimit({ limit: live.memberRatePerMinute, windowMs: 60_000, now })
      : null

  /** Identical concurrent calls (same URL, same identifier kind) share one upstream request. */
  function coalesced(key: string, call: () => Promise<Upstream>): Promise<Upstream> {
    if (!caching) return call()
    let pending = inflight.get(key)
    if (pending === undefined) {
      pending = call().finally(() => inflight.delete(key))
      inflight.set(key, pending)
    }
    return pending
  }

  /** One request to Capillary, inside the gate: its answer, and how it went for the circuit. */
  async function attempt(
    url: string,
    endpoint: UpstreamEndpoint,
    headers: Record<string, string>,
  ): Promise<{ value: Upstream; outcome: Outcome }> {
    const started = performance.now()
    const report = (status: number) =>
      onEvent?.({ type: 'upstream', endpoint, status, ms: performance.now() - started })
    let response: Response
    try {
      response = await fetchImpl(url, {
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(live.timeoutMs),
      })
    } catch (error) {
      report(0)
      const timedOut = error instanceof Error && error.name === 'TimeoutError'
      log(
        `upstream ${timedOut ? 'timed out' : 'unreachable'}: GET /api_gateway/v1/badges/${endpoint}`,
      )
      return {
        value: timedOut
          ? failed(504, 'The badges service did not answer in time')
          : failed(502, 'The badges service could not be reached'),
        outcome: { status: 0 },
      }
    }
    report(response.status)
    const outcome: Outcome = {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined)
      return { value: failed(502, 'The badges service answered with a redirect'), outcome }
    }
    if (response.status === 429) {
      await response.body?.cancel().catch(() => undefined)
      const seconds = Math.ceil(retryAfterMs(outcome.retryAfter, now()) / 1000)
      return {
        value: failed(429, 'The badges service asked to slow down; try again shortly', seconds),
        outcome,
      }
    }
    // A status no HTTP answer has (a broken gateway): the showcase's own 502, never a crash.
    if (response.status < 200 || response.status > 599) {
      await response.body?.cancel().catch(() => undefined)
      log(`upstream answered status ${response.status}: GET /api_gateway/v1/badges/${endpoint}`)
      return { value: failed(502, 'The badges service sent an unreadable answer'), outcome }
    }
    // An answer that came but cannot be read counts for the circuit by its status alone: a 400
    // page from a gateway in front of Capillary is about one request, not the service being down
    // (counting it would let one member open the circuit for every member).
    const body = await readLimited(response, MAX_BODY_BYTES)
    if (body === null) {
      log(
        `upstream answer too large or broken (status ${response.status}): GET /api_gateway/v1/badges/${endpoint}`,
      )
      return { value: failed(502, 'The badges service sent too large or a broken answer'), outcome }
    }
    try {
      JSON.parse(body)
    } catch {
      log(
        `upstream answer not JSON (status ${response.status}): GET /api_gateway/v1/badges/${endpoint}`,
      )
      return { value: failed(502, 'The badges service sent an answer that is not JSON'), outcome }
    }
    let stripped: string
    try {
      stripped = stripFields(body, INTERNAL_FIELDS)
    } catch {
      return { value: failed(502, 'The badges service sent an unreadable answer'), outcome }
    }
    return { value: { kind: 'answer', status: response.status, body: stripped }, outcome }
  }

  // Whether Capillary took the credentials the last time: reported on change only.
  let signIn: 'ok' | 'refused' | null = null
  const signedIn = (result: 'ok' | 'refused') => {
    if (signIn === result) return
    signIn = result
    onEvent?.({ type: 'sign-in', result })
  }

  /**
   * Signs in, calls through the gate, and tries once more with a new token after a 401/498. `who`
   * is the member (or client) it is for: members take turns in the gate's queue.
   */
  async function call(
    url: string,
    endpoint: UpstreamEndpoint,
    idType: IdentifierKind | null,
    who: string,
  ): Promise<Upstream> {
    for (let tries = 0; ; tries += 1) {
      let authHeaders: Record<string, string>
      try {
        authHeaders = await auth.headers()
      } catch (error) {
        if (error instanceof UpstreamAuthError && error.refused) signedIn('refused')
        log(
          `upstream sign-in failed: ${error instanceof UpstreamAuthError ? error.message : 'unknown error'}`,
        )
        return failed(502, 'The showcase could not sign in to the badges service')
      }
      const headers = {
        Accept: 'application/json',
        ...authHeaders,
        ...(idType ? { 'X-CAP-CUSTOMER-IDENTIFIER': idType } : {}),
      }
      let result: Upstream
      try {
        result = await gate.run(() => attempt(url, endpoint, headers), who)
      } catch (error) {
        if (!(error instanceof GateRefusal)) throw error
        return failed(error.status, error.message, error.retryAfterSeconds)
      }
      if (
        result.kind === 'answer' &&
        (result.status === 401 || result.status === 498) &&
        tries === 0 &&
        (await auth.rejected(authHeaders))
      ) {
        continue
      }
      if (result.kind === 'answer') {
        if (result.status === 401 || result.status === 498) {
          if (live.auth.kind === 'basic' && signIn !== 'refused') {
            log(
              `Capillary refused the credentials (HTTP ${result.status}): check CAPILLARY_USERNAME and CAPILLARY_PASSWORD`,
            )
          }
          signedIn('refused')
          // The member's token was good (checked above): it is the showcase's credentials, and
          // the member must not be told to sign in again.
          return failed(502, 'The showcase could not sign in to the badges service')
        } else if (result.status < 400) signedIn('ok')
      }
      return result
    }
  }

  const definitions = createDefinitionCache({
    store,
    freshMs: DEFINITION_FRESH_MS,
    staleMs: DEFINITION_STALE_MS,
    lockMs: live.timeoutMs + 1_000,
    now,
    ...(onEvent && { onEvent }),
  })

  const app = new Hono()

  app.all('*', async (c) => {
    // (Hono answers a HEAD with this GET's headers and no body.)
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      c.header('Allow', 'GET, HEAD')
      return refuse(c, 405, 405, `Method ${c.req.method} is not allowed`)
    }
    // The raw path, still encoded: an encoded slash must not become a separator.
    const rawPath = new URL(c.req.url).pathname.replace(/^.*?\/api_gateway\/v1\/badges\/?/, '')
    const found = match(rawPath.split('/'))
    if (found === null) return refuse(c, 404, 404, 'No such resource in the Badges API')
    const { endpoint } = found
    const values: Record<string, string> = {}
    for (const [name, raw] of Object.entries(found.values)) {
      const value = safeSegment(raw)
      if (value === null) return refuse(c, 400, 400, `Invalid ${name} in the path`)
      if (name !== 'customer' && !ID.test(value)) {
        return refuse(c, 404, 404, `No such ${name} in the Badges API`)
      }
      values[name] = value
    }

    const query = new URLSearchParams()
    for (const name of endpoint.query) {
      const value = c.req.query(name)
      if (value === undefined) continue
      if (value.length > MAX_QUERY_VALUE || !(QUERY_VALUES[name]?.test(value) ?? false)) {
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
    // With no member token (SHOWCASE_ALLOW_ANY_MEMBER) no one is named: the share is the client's.
    // (Counted by the member asked about, the definitions, which name no member, were one share
    // for every browser, and anyone could use up a chosen member's share or dodge it with
    // another spelling of the id.)
    const who =
      verdict.member === 'any'
        ? `client:${clientAddress(c, live.trustProxy)}`
        : `${verdict.member.idType ?? ''}:${verdict.member.id}`
    const wait = perMember?.(who) ?? 0
    if (wait > 0) {
      c.header('Retry-After', String(wait))
      return refuse(c, 429, 429, 'Too many requests from this member; try again shortly')
    }

    const path = endpoint.pattern
      .map((part) =>
        part.startsWith(':') ? encodeURIComponent(values[part.slice(1)] ?? '') : part,
      )
      .join('/')
    const relative = `${API_BASE}/${path}${query.size > 0 ? `?${query}` : ''}`
    const url = joinUpstream(live.upstream, relative)
    const name = endpoint.pattern[0] as UpstreamEndpoint

    let result: Upstream
    let cache: string | null = null
    // Shared only in the forms the app asks for: other query values would each make a new entry.
    const shareable =
      (name === 'group' && query.size === 0) ||
      (name === 'badgeMeta' &&
        [...query.keys()].every((key) => key === 'includeStatistics') &&
        ['true', 'false', null].includes(query.get('includeStatistics')))
    if (caching && shareable) {
      // The same for every member: shared, and never with an identifier header. Loaded in the
      // gate's turn of no member: every member who asks joins the load, and one member's burst
      // must not make the others wait its turn or refuse them its share.
      const served = await definitions.get(
        `showcase:v1:def:${organisation}:${relative}`,
        name,
        () => coalesced(url, () => call(url, name, null, 'definitions')),
      )
      cache = served.cache
      c.header('X-Showcase-Cache', cache)
      result = served.result
    } else {
      result = await coalesced(`${idType ?? ''} ${url}`, () => call(url, name, idType, who))
    }
    if (result.kind === 'error') {
      if (result.retryAfterSeconds !== undefined)
        c.header('Retry-After', String(result.retryAfterSeconds))
      return refuse(c, result.status, result.status, result.message)
    }
    // The upstream's JSON as it came (its number formats intact), none of its headers.
    return new Response(result.body, {
      status: result.status,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        ...(cache !== null && { 'X-Showcase-Cache': cache }),
      },
    })
  })

  /**
   * One member's record of a badge, read with the server's credentials and no member token, for
   * the server's own checks (a proof link's page asks whether the badge is still held). Only code
   * that has already established the member, from a member token or a sealed proof, calls it.
   */
  function readMemberBadge(
    customer: string,
    idType: IdentifierKind | null,
    badgeId: string,
  ): Promise<Upstream> {
    const relative = `${API_BASE}/management/${encodeURIComponent(customer)}/badge/${encodeURIComponent(badgeId)}?includeStatistics=true`
    const url = joinUpstream(live.upstream, relative)
    return coalesced(`${idType ?? ''} ${url}`, () =>
      call(url, 'management', idType, `${idType ?? ''}:${customer}`),
    )
  }

  return Object.assign(app, { readMemberBadge })
}
