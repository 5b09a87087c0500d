import { type BadgeStatus } from './types.ts'

/** Capillary sends LIVE, UPCOMING and EXPIRED (some versions ENDED); anything else is unknown. */
export function readBadgeStatus(raw: string | null): BadgeStatus {
  const upper = raw?.trim().toUpperCase()
  if (upper === 'LIVE' || upper === 'UPCOMING' || upper === 'EXPIRED') return upper
  if (upper === 'ENDED') return 'EXPIRED'
  return 'UNKNOWN'
}

/** The status to show: the server's word when it gave one, else what the badge's dates say. */
export function effectiveStatus(
  badge: { status: BadgeStatus; startsAt: number | null; expiresAt: number | null },
  now: number,
): BadgeStatus {
  if (badge.status !== 'UNKNOWN') return badge.status
  if (badge.expiresAt !== null && badge.expiresAt <= now) return 'EXPIRED'
  if (badge.startsAt !== null && badge.startsAt > now) return 'UPCOMING'
  if (badge.startsAt !== null || badge.expiresAt !== null) return 'LIVE'
  return 'UNKNOWN'
}
