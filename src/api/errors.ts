import { CUSTOMER_NOT_FOUND, INVALID_IDENTIFIER_TYPE } from '../../server/contract.ts'
import { type FailureReason } from '../badges/failure.ts'

/**
 * Every failure of a Badges API call, as one type the views can explain: what went wrong for the
 * member (`reason`), the HTTP status and Capillary code behind it, and whether trying again can help.
 */
type ApiErrorInit = {
  reason?: FailureReason
  status: number | null
  code: number | null
  message: string
  cause?: unknown
  /** How long the request took before it failed; null when it was never sent. */
  elapsedMs?: number | null
  /** How long the server asked the client to wait before trying again (Retry-After), if it did. */
  retryAfterMs?: number | null
}

// Capillary asks clients to back off and retry on these; 461 is "search busy", 521 a concurrent
// change to the same customer.
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 461 || status === 521 || status >= 500
}

function reasonFor(status: number | null, code: number | null): FailureReason {
  if (code === CUSTOMER_NOT_FOUND) return 'member-not-found'
  if (code === INVALID_IDENTIFIER_TYPE) return 'unsupported-identifier'
  if (status === 401 || status === 498) return 'not-connected'
  if (status === 403) return 'not-allowed'
  if (status === 404) return 'badge-not-found'
  if (status === 429) return 'too-many-requests'
  // The gateway gave up waiting for the badges service: slow, not broken.
  if (status === 504) return 'slow'
  if (status !== null && isRetryableStatus(status)) return 'server'
  return 'bad-request'
}

export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly reason: FailureReason
  readonly status: number | null
  readonly code: number | null
  /** Whether trying again can help (the member's "Try again"); automatic retries are rarer. */
  readonly retryable: boolean
  readonly elapsedMs: number | null
  readonly retryAfterMs: number | null

  constructor({
    reason,
    status,
    code,
    message,
    cause,
    elapsedMs = null,
    retryAfterMs = null,
  }: ApiErrorInit) {
    super(message, { cause })
    this.elapsedMs = elapsedMs
    this.retryAfterMs = retryAfterMs
    this.status = status
    this.code = code
    this.reason = reason ?? reasonFor(status, code)
    this.retryable =
      this.reason === 'network' ||
      this.reason === 'timeout' ||
      this.reason === 'slow' ||
      this.reason === 'too-many-requests' ||
      this.reason === 'server'
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

/** Live mode with no member token to open the showcase with: the member must sign in again. */
export function notSignedIn(): ApiError {
  return new ApiError({ status: 401, code: null, message: 'No member token: not signed in' })
}
