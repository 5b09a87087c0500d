import { parseEnvelope, parseMemberBadge } from '../../src/api/parse.ts'
import { type Earn, type MemberBadge } from '../../src/badges/types.ts'
import { type IdentifierKind } from '../contract.ts'

// Whether a member holds a badge now, judged from the member's own record of it (the management
// endpoint, with statistics) as the emulator or Capillary answers it at this moment. Proof links
// never carry validity: minting and every opening of the page ask here.

/** The management endpoint's answer for one member and badge, read with the server's rights. */
export type Reading = { kind: 'answer'; status: number; json: unknown } | { kind: 'unavailable' }

export type ReadMemberBadge = (
  customer: string,
  idType: IdentifierKind | null,
  badgeId: string,
) => Promise<Reading>

export type Holding =
  | { kind: 'held'; badge: MemberBadge; earnedAt: number | null; validUntil: number | null }
  | { kind: 'revoked'; badge: MemberBadge; at: number | null }
  | { kind: 'lapsed'; badge: MemberBadge; at: number | null }
  | { kind: 'never'; badge: MemberBadge }
  /** No such member or badge (any more). */
  | { kind: 'gone' }
  /** The upstream failed or answered something unreadable: nothing can be said either way. */
  | { kind: 'unavailable' }

// Capillary's "no such customer" and "no such identifier kind", and the emulator's 404.
const GONE_CODES = new Set([1026, 1028, 404])

const isRevoked = (earn: Earn) => earn.revokedAt !== null || earn.status === 'REVOKED'

function isActive(earn: Earn, now: number) {
  return (
    !isRevoked(earn) &&
    earn.status !== 'EXPIRED' &&
    (earn.expiresAt === null || earn.expiresAt > now)
  )
}

export function judgeHolding(reading: Reading, now: number): Holding {
  if (reading.kind === 'unavailable') return { kind: 'unavailable' }
  let envelope
  try {
    envelope = parseEnvelope(reading.json)
  } catch {
    return { kind: 'unavailable' }
  }
  if (reading.status !== 200 || envelope.data === null) {
    const code = envelope.errors[0]?.code ?? null
    const gone = reading.status === 404 || (code !== null && GONE_CODES.has(code))
    return gone && reading.status < 500 ? { kind: 'gone' } : { kind: 'unavailable' }
  }
  let badge: MemberBadge
  try {
    badge = parseMemberBadge(envelope.data)
  } catch {
    return { kind: 'unavailable' }
  }
  const active = badge.earns.filter((earn) => isActive(earn, now))
  if (active.length > 0) {
    const earnedAt = Math.max(...active.map((earn) => earn.earnedAt ?? -Infinity))
    const validUntil = active.some((earn) => earn.expiresAt === null)
      ? null
      : Math.max(...active.map((earn) => earn.expiresAt ?? 0))
    return {
      kind: 'held',
      badge,
      earnedAt: Number.isFinite(earnedAt) ? earnedAt : null,
      validUntil,
    }
  }
  // A cluster that leaves the earns out of its answer still counts the active ones.
  if (badge.earns.length === 0 && (badge.activeEarnedCount ?? 0) > 0) {
    return { kind: 'held', badge, earnedAt: badge.lastEarnedAt, validUntil: null }
  }
  const last = badge.earns.toSorted((a, b) => (b.earnedAt ?? 0) - (a.earnedAt ?? 0))[0]
  if (last === undefined) return { kind: 'never', badge }
  if (isRevoked(last)) return { kind: 'revoked', badge, at: last.revokedAt }
  return { kind: 'lapsed', badge, at: last.expiresAt }
}
