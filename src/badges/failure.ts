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

// Failures of the member's own record, not of one list or badge: no tab or list heading means
// anything until the member is found, signed in and allowed.
const aboutTheMember: ReadonlySet<FailureReason> = new Set<FailureReason>([
  'member-not-found',
  'unsupported-identifier',
  'not-connected',
  'not-allowed',
])

/** Whether an error says the member cannot be shown at all (every view would say the same). */
export function failsTheMember(error: unknown): boolean {
  const failure = readFailure(error)
  return failure !== null && aboutTheMember.has(failure.reason)
}
