import { type BadgeMeta, type CustomerBadge, type MemberBadge } from './types.ts'

/**
 * One badge from its two sources: the definition (badgeMeta) wins, the member's copy (management)
 * fills what it leaves out, and either may be missing when its request failed.
 */
export function combineDetail(
  meta: BadgeMeta | null,
  member: MemberBadge | null,
  /** The badge as a list showed it, for what only the definition says when that failed. */
  listed: Pick<CustomerBadge, 'benefits' | 'description'> | null = null,
) {
  const first = <T>(pick: (badge: BadgeMeta | MemberBadge) => T | null): T | null =>
    (meta && pick(meta)) ?? (member && pick(member)) ?? null
  const nonEmpty = <T>(list: T[] | undefined) => (list && list.length > 0 ? list : null)
  const id = meta?.id ?? member?.id
  if (id === undefined) return null
  return {
    id,
    name: first((badge) => badge.name),
    description: first((badge) => badge.description) ?? listed?.description ?? null,
    startsAt: first((badge) => badge.startsAt),
    expiresAt: first((badge) => badge.expiresAt),
    status: meta && meta.status !== 'UNKNOWN' ? meta.status : (member?.status ?? 'UNKNOWN'),
    images: nonEmpty(meta?.images) ?? member?.images ?? [],
    groupId: first((badge) => badge.groupId),
    groupName: first((badge) => badge.groupName),
    rank: first((badge) => badge.rank),
    earnType: first((badge) => badge.earnType),
    // (The rewards come with the definition and the lists, not the member's copy: a member who
    // saw a reward on the card keeps seeing it when the definition fails.)
    benefits: meta?.benefits ?? listed?.benefits ?? [],
    // The member's copy counts their use against each limit; the definition only states them.
    limits: nonEmpty(member?.limits) ?? meta?.limits ?? [],
    earnExpiry:
      meta && meta.earnExpiry.kind !== 'unknown'
        ? meta.earnExpiry
        : (member?.earnExpiry ?? { kind: 'unknown' }),
    issueExpiry:
      meta && meta.issueExpiry.kind !== 'unknown'
        ? meta.issueExpiry
        : (member?.issueExpiry ?? { kind: 'unknown' }),
    customFields: nonEmpty(meta?.customFields) ?? member?.customFields ?? [],
  }
}
