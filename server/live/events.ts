// What live mode reports as it works, for whoever counts it (the /metrics endpoint, a test, a
// bench). Every field is a fixed name or a number: nothing from a request or a member.

export type UpstreamEndpoint = 'customer' | 'management' | 'badgeMeta' | 'group' | 'oauth'

/** Why the gate answered a request itself (upstream-gate.ts). */
export type RefusalReason =
  'queue-full' | 'member-queue-full' | 'queue-timeout' | 'retry-after' | 'circuit-open'

export type UpstreamEvent =
  /** A call that reached Capillary: its status (0: no answer, timed out or unreachable). */
  | { type: 'upstream'; endpoint: UpstreamEndpoint; status: number; ms: number }
  /** A shared definition (badgeMeta, group) served fresh, stale, or fetched. */
  | { type: 'cache'; endpoint: 'badgeMeta' | 'group'; result: 'hit' | 'stale' | 'miss' }
  /** An OAuth token: fetched from Capillary, taken from the shared store, or its fetch failed. */
  | { type: 'token'; result: 'refreshed' | 'shared' | 'failed' }
  /** Requests waiting for an upstream slot, and those holding one, after every change. */
  | { type: 'queue'; waiting: number; active: number }
  /** A member request answered without calling Capillary, and why. */
  | { type: 'refused'; reason: RefusalReason }
  /** The circuit in front of Capillary changed. */
  | { type: 'circuit'; state: 'closed' | 'open' | 'half-open' }
  /** Capillary took the showcase's credentials, or refused them (for readiness). */
  | { type: 'sign-in'; result: 'ok' | 'refused' }
  /** The shared store's Redis connection changed. */
  | { type: 'redis'; state: 'up' | 'down' }

export type OnEvent = (event: UpstreamEvent) => void
