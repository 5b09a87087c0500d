import { parseEnvelope, parseMemberBadge } from '../../src/api/parse.ts'
import { memberFacts } from '../../src/badges/truth.ts'
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
  // Held or not, since when and until when: the badge page's own rule (truth.ts), so the page a
  // proof opens and the member's badge page cannot disagree.
  const facts = memberFacts(
    { startsAt: null, endsAt: null, status: 'UNKNOWN', limits: [], earnType: null },
    badge,
    now,
  )
  if (facts.held !== null) {
    return { kind: 'held', badge, earnedAt: facts.lastEarnedAt, validUntil: facts.held.until }
  }
  const last = badge.earns.toSorted((a, b) => (b.earnedAt ?? 0) - (a.earnedAt ?? 0))[0]
  if (last === undefined) return { kind: 'never', badge }
  if (isRevoked(last)) return { kind: 'revoked', badge, at: last.revokedAt }
  return { kind: 'lapsed', badge, at: facts.lapsed?.at ?? last.expiresAt }
}
