import { type MemberBadge } from './types.ts'

export type HistoryEvent = {
  kind: 'issued' | 'earned' | 'revoked' | 'expired'
  at: number
  /** Whether it happened to an issual (the badge offered to the member) or to an earn. */
  of: 'issual' | 'earn'
  /** An earn that expired: when that earn was made (a member with three earns asks "which?"). */
  earnedAt?: number
}

/**
 * The member's history with a badge, newest first: each issual and earn with what became of it.
 * Something that lapsed shows as expired only once its date has passed; unknown dates are left out.
 */
export function historyEvents(
  badge: Pick<MemberBadge, 'issuals' | 'earns'>,
  now: number,
): HistoryEvent[] {
  const events: HistoryEvent[] = []
  const push = (kind: HistoryEvent['kind'], at: number | null, of: HistoryEvent['of']) => {
    if (at !== null) events.push({ kind, at, of })
  }
  for (const issual of badge.issuals) {
    push('issued', issual.issuedAt, 'issual')
    const status = issual.status?.toUpperCase()
    if (issual.revokedAt !== null || status === 'REVOKED')
      push('revoked', issual.revokedAt, 'issual')
    else if (status !== 'EARNED' && issual.expiresAt !== null && issual.expiresAt <= now) {
      push('expired', issual.expiresAt, 'issual')
    }
  }
  for (const earn of badge.earns) {
    push('earned', earn.earnedAt, 'earn')
    if (earn.revokedAt !== null || earn.status?.toUpperCase() === 'REVOKED')
      push('revoked', earn.revokedAt, 'earn')
    else if (earn.expiresAt !== null && earn.expiresAt <= now) {
      events.push({
        kind: 'expired',
        at: earn.expiresAt,
        of: 'earn',
        // Which one ran out, when there were several (one earn: "It expired" says it).
        ...(earn.earnedAt !== null && badge.earns.length > 1 && { earnedAt: earn.earnedAt }),
      })
    }
  }
  return events.sort((a, b) => b.at - a.at)
}
