import { type MemberBadge } from './types.ts'

export const displayStates = ['EARNED', 'IN_PROGRESS', 'LOCKED'] as const
export type DisplayState = (typeof displayStates)[number]

const closedIssualStatuses = new Set(['REVOKED', 'EXPIRED', 'EARNED', 'CONSUMED'])
const closedEarnStatuses = new Set(['REVOKED', 'EXPIRED'])

function isLive(expiresAt: number | null, now: number): boolean {
  return expiresAt === null || expiresAt > now
}

/** The member's own state from the management endpoint: earned, issued and waiting, or neither. */
export function memberBadgeState(
  badge: Pick<MemberBadge, 'activeEarnedCount' | 'earns' | 'issuals'>,
  now: number,
): DisplayState {
  if ((badge.activeEarnedCount ?? 0) > 0) return 'EARNED'
  const liveEarn = badge.earns.some(
    (earn) =>
      earn.earnedAt !== null &&
      earn.revokedAt === null &&
      !closedEarnStatuses.has(earn.status ?? '') &&
      isLive(earn.expiresAt, now),
  )
  if (liveEarn) return 'EARNED'
  return activeIssual(badge, now) === undefined ? 'LOCKED' : 'IN_PROGRESS'
}

/** The issue of the badge to the member that is still open to earn, if any. */
export function activeIssual(badge: Pick<MemberBadge, 'issuals'>, now: number) {
  return badge.issuals.find(
    (issual) =>
      issual.revokedAt === null &&
      !closedIssualStatuses.has(issual.status?.toUpperCase() ?? '') &&
      isLive(issual.expiresAt, now),
  )
}

/**
 * When the member's last earn of a badge ran out, if they earned it and hold it no longer: the
 * detail says "earned, expired on …" rather than "not earned yet". Null otherwise.
 */
export function earnLapsedAt(
  badge: Pick<MemberBadge, 'activeEarnedCount' | 'earns' | 'issuals'>,
  now: number,
): number | null {
  if (memberBadgeState(badge, now) === 'EARNED') return null
  const lapsed = badge.earns.flatMap((earn) =>
    earn.earnedAt !== null &&
    earn.revokedAt === null &&
    earn.expiresAt !== null &&
    earn.expiresAt <= now
      ? [earn.expiresAt]
      : [],
  )
  return lapsed.length > 0 ? Math.max(...lapsed) : null
}

const CELEBRATE_FOR_MS = 7 * 86_400_000

/** When the member earned the badge, if that was in the last week (worth a celebration). */
export function recentlyEarnedAt(
  badge: Pick<MemberBadge, 'earns' | 'lastEarnedAt'>,
  now: number,
): number | null {
  const latest = Math.max(
    badge.lastEarnedAt ?? 0,
    ...badge.earns.map((earn) => (earn.revokedAt === null ? (earn.earnedAt ?? 0) : 0)),
  )
  return latest > 0 && latest <= now && now - latest <= CELEBRATE_FOR_MS ? latest : null
}
