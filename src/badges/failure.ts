/**
 * What went wrong for the member when a request failed, as the views explain it. The fetch layer's
 * errors carry these fields; views read them through `readFailure`, so they need not know the
 * fetch layer.
 */
export const failureReasons = [
  'member-not-found',
  'unsupported-identifier',
  'badge-not-found',
  'not-connected',
  'not-allowed',
  'too-many-requests',
  'bad-request',
  'server',
  'network',
  'timeout',
  'slow',
  'malformed',
] as const
export type FailureReason = (typeof failureReasons)[number]

export type Failure = { reason: FailureReason; retryable: boolean }

const isReason = (value: unknown): value is FailureReason =>
  failureReasons.some((reason) => reason === value)

/** The failure behind an error, or null for anything that is not a failed request. */
export function readFailure(error: unknown): Failure | null {
  if (typeof error !== 'object' || error === null) return null
  const reason = 'reason' in error ? error.reason : undefined
  const retryable = 'retryable' in error ? error.retryable : undefined
  return isReason(reason) && typeof retryable === 'boolean' ? { reason, retryable } : null
}
