import {
  type BadgeGroup,
  type BadgeMeta,
  type BadgePage,
  type MemberBadge,
} from '../badges/types.ts'
import { API_BASE, IDENTIFIER_HEADER } from '../../server/contract.ts'
import { type Customer, type ListFilters } from '../badges/member.ts'
import { isEncodable } from '../badges/encode.ts'
import { ApiError } from './errors.ts'
import {
  type Envelope,
  parseBadgeMeta,
  parseBadgePage,
  parseEnvelope,
  parseGroup,
  parseMemberBadge,
} from './parse.ts'

export type BadgesClientOptions = {
  /** Where `/api_gateway/...` lives; '' for the page's own server. */
  baseUrl?: string
  fetch?: typeof fetch
  timeoutMs?: number
  /** Extra headers per request (a member token, later). */
  headers?: () => Record<string, string>
}

type CallOptions = { signal?: AbortSignal }

// Longer than the server's own upstream timeout (10 s by default), so a slow cluster is reported
// by the server's 504 first; see query-client.ts for the bound on the whole wait.
export const DEFAULT_TIMEOUT_MS = 11_000

/**
 * How long a request took by the browser's own timing of it (Resource Timing): until its answer
 * was in, not until this code ran again. A phone busy starting the app runs it late, and counting
 * that wait as the server's would make a fast failure look slow and skip its retry. Null where
 * there is no such timing (the server's render, a request that never got an answer, one answered by
 * early.js).
 */
function requestDuration(url: string, startedAt: number): number | null {
  if (typeof document === 'undefined') return null
  const entry = performance
    .getEntriesByName(new URL(url, document.baseURI).href, 'resource')
    .find((candidate) => candidate.startTime >= startedAt)
  return entry !== undefined && entry.duration > 0 ? Math.round(entry.duration) : null
}

// The browser keeps 250 timings by default, and badge art fills that in a long session: room for
// more, so a request's own is still there.
if (typeof document !== 'undefined') performance.setResourceTimingBufferSize?.(2_000)

export function createBadgesClient({
  baseUrl = '',
  fetch: fetchImpl = (...args) => globalThis.fetch(...args),
  timeoutMs = DEFAULT_TIMEOUT_MS,
  headers = () => ({}),
}: BadgesClientOptions = {}) {
  async function get(
    segments: string[],
    query: Record<string, string | number | boolean | null | undefined>,
    customer: Customer | null,
    { signal }: CallOptions,
  ): Promise<Envelope> {
    // An id with a lone surrogate has no URL form; asking for a look-alike id would be wrong.
    if (!segments.every(isEncodable)) {
      throw new ApiError({
        reason: 'bad-request',
        status: null,
        code: null,
        message: 'An identifier cannot be sent to the Badges API.',
      })
    }
    const path = segments.map((segment) => encodeURIComponent(segment)).join('/')
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(query)) {
      if (value !== null && value !== undefined) search.set(key, String(value))
    }
    const url = `${baseUrl}${API_BASE}/${path}${search.size > 0 ? `?${search}` : ''}`
    const requestHeaders: Record<string, string> = { Accept: 'application/json', ...headers() }
    if (customer?.by) {
      // Anything but a plain word could not even travel as a header; no kind Capillary knows is.
      if (!/^[A-Za-z]{1,32}$/.test(customer.by)) {
        throw new ApiError({
          reason: 'unsupported-identifier',
          status: null,
          code: null,
          message: 'Unsupported identifier type.',
        })
      }
      requestHeaders[IDENTIFIER_HEADER] = customer.by
    }

    const timeout = AbortSignal.timeout(timeoutMs)
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout
    const started = Date.now()
    const startedAt = globalThis.performance?.now() ?? 0
    const elapsed = () => requestDuration(url, startedAt) ?? Date.now() - started
    let body: string
    let status: number
    let retryAfter: string | null
    try {
      const response = await fetchImpl(url, { headers: requestHeaders, signal: combined })
      status = response.status
      retryAfter = response.headers.get('Retry-After')
      body = await response.text()
    } catch (error) {
      // The caller's own cancellation is not a failure; let it through as it is.
      if (signal?.aborted) throw signal.reason
      if (timeout.aborted) {
        throw new ApiError({
          reason: 'timeout',
          status: null,
          code: null,
          message: 'The Badges API did not answer in time.',
          cause: error,
          elapsedMs: elapsed(),
        })
      }
      throw new ApiError({
        reason: 'network',
        status: null,
        code: null,
        message: 'The Badges API could not be reached.',
        cause: error,
        elapsedMs: elapsed(),
      })
    }

    let envelope: Envelope | null = null
    try {
      envelope = parseEnvelope(JSON.parse(body))
    } catch (error) {
      if (status >= 200 && status < 300) {
        throw new ApiError({
          reason: 'malformed',
          status,
          code: null,
          message: 'The Badges API sent a response the showcase cannot read.',
          cause: error,
          elapsedMs: elapsed(),
        })
      }
    }
    const firstError = envelope?.errors[0]
    const failed = status < 200 || status >= 300 || (envelope?.data == null && firstError)
    if (envelope === null || failed) {
      throw new ApiError({
        status,
        code: firstError?.code ?? null,
        message: firstError?.message ?? `The Badges API answered with HTTP ${status}.`,
        elapsedMs: elapsed(),
        // Seconds only: the showcase's server sends no dates.
        retryAfterMs:
          retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : null,
      })
    }
    return envelope
  }

  return {
    /** GET customer/{customerId}: one page of the member's earned or available badges. */
    async customerBadges(
      customer: Customer,
      filters: ListFilters,
      options: CallOptions = {},
    ): Promise<BadgePage & { skipped: number }> {
      const { data } = await get(
        ['customer', customer.id],
        {
          badgeType: filters.badgeType,
          sortOn: filters.sortOn,
          includeExpired: filters.includeExpired,
          groupId: filters.groupId,
          limit: filters.limit,
          page: filters.page,
        },
        customer,
        options,
      )
      return parseBadgePage(data)
    },

    /** GET management/{customerId}/badge/{badgeId} with statistics: the member's own history. */
    async memberBadge(
      customer: Customer,
      badgeId: string,
      options: CallOptions = {},
    ): Promise<MemberBadge> {
      const { data } = await get(
        ['management', customer.id, 'badge', badgeId],
        { includeStatistics: true },
        customer,
        options,
      )
      return parseMemberBadge(data)
    },

    /** GET badgeMeta/{badgeId}: the badge's definition. */
    async badgeMeta(badgeId: string, options: CallOptions = {}): Promise<BadgeMeta> {
      const { data } = await get(['badgeMeta', badgeId], {}, null, options)
      return parseBadgeMeta(data)
    },

    /** GET group/{groupId}: a group's name and rank, for badges that carry only its id. */
    async group(groupId: string, options: CallOptions = {}): Promise<BadgeGroup> {
      const { data } = await get(['group', groupId], {}, null, options)
      return parseGroup(data)
    },
  }
}

export type BadgesClient = ReturnType<typeof createBadgesClient>
