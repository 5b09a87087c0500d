// Our own model of Capillary's badges. The API layer parses raw JSON into these types; every field
// a real response may omit or null is nullable here, so views handle "unknown" by construction.
// All instants are epoch milliseconds (see time.ts for how Capillary's seconds are converted).

export const imageTags = ['EARNED', 'UN_EARNED', 'IN_PROGRESS'] as const
export type ImageTag = (typeof imageTags)[number]

export type BadgeImage = {
  tag: ImageTag | null
  url: string | null
  name: string | null
}

export const timeUnits = ['DAYS', 'WEEKS', 'MONTHS'] as const
export type TimeUnit = (typeof timeUnits)[number]

export type Span = { unit: TimeUnit; length: number }

export type Benefit =
  | { kind: 'coupon'; seriesId: string | null; description: string | null }
  | { kind: 'points'; points: number | null; description: string | null }
  | { kind: 'other'; type: string | null; description: string | null }

/**
 * One earn limit, whichever of Capillary's two constraint shapes it came from.
 * - `scope`: whether it caps this member ("member") or everybody together ("badge").
 * - `kind`: "total" over the badge's life, a "fixed-window" of calendar cycles, a "rolling-window"
 *   looking back from now, or "unlimited".
 * - `used` is how many earns count against the limit now, when the response says so.
 */
export type EarnLimit = {
  scope: 'member' | 'badge'
  kind: 'total' | 'fixed-window' | 'rolling-window' | 'unlimited' | 'unknown'
  max: number | null
  window: Span | null
  used: number | null
  cycle: { start: number | null; end: number | null } | null
  /** When the limit started counting (fixed windows are cycles from here), when the API says. */
  since: number | null
}

export type Expiry =
  | { kind: 'relative'; after: Span }
  | { kind: 'fixed-date'; at: number | null }
  | { kind: 'with-badge' }
  | { kind: 'never' }
  | { kind: 'unknown' }

export type BadgeStatus = 'LIVE' | 'UPCOMING' | 'EXPIRED' | 'UNKNOWN'

/** A badge as the customer list endpoint returns it (earned or available). */
export type CustomerBadge = {
  id: string
  name: string | null
  description: string | null
  startsAt: number | null
  expiresAt: number | null
  images: BadgeImage[]
  groupId: string | null
  groupName: string | null
  rank: number | null
  earnType: string | null
  benefits: Benefit[]
  limits: EarnLimit[]
  earnedCount: number | null
  lastEarnedAt: number | null
  lastEarnEventAt: number | null
  customFields: Array<[string, string]>
  active: boolean | null
}

export type Pagination = { page: number; size: number; total: number; totalPages: number }

export type BadgePage = { badges: CustomerBadge[]; pagination: Pagination }

export type Issual = {
  id: string | null
  status: string | null
  issuedAt: number | null
  expiresAt: number | null
  revokedAt: number | null
  eventAt: number | null
}

export type Earn = {
  id: string | null
  status: string | null
  earnedAt: number | null
  expiresAt: number | null
  revokedAt: number | null
  eventAt: number | null
}

/** The badge definition from badgeMeta. */
export type BadgeMeta = {
  id: string
  name: string | null
  description: string | null
  status: BadgeStatus
  startsAt: number | null
  expiresAt: number | null
  images: BadgeImage[]
  groupId: string | null
  groupName: string | null
  rank: number | null
  earnType: string | null
  benefits: Benefit[]
  limits: EarnLimit[]
  earnExpiry: Expiry
  issueExpiry: Expiry
  customFields: Array<[string, string]>
  active: boolean | null
}

/** One member's own view of a badge, from the management endpoint. */
export type MemberBadge = {
  id: string
  name: string | null
  description: string | null
  status: BadgeStatus
  startsAt: number | null
  expiresAt: number | null
  images: BadgeImage[]
  groupId: string | null
  groupName: string | null
  rank: number | null
  earnType: string | null
  limits: EarnLimit[]
  earnExpiry: Expiry
  issueExpiry: Expiry
  issuals: Issual[]
  earns: Earn[]
  activeEarnedCount: number | null
  lastEarnedAt: number | null
  customFields: Array<[string, string]>
}

export type BadgeGroup = { id: string; name: string | null; rank: number | null }
