import { addSpan } from './calendar.ts'
import {
  type BadgeDef,
  type Dataset,
  type EarnRecord,
  type LimitDef,
  type MemberBadgeRecord,
  type MemberDef,
  type Unit,
} from './model.ts'

// What follows from the records at a given moment: when an earn expires, which cycle a fixed
// window is in, how many earns count against a limit. Shared by every endpoint.

export function earnExpiresAt(badge: BadgeDef, earn: EarnRecord): number | null {
  if (earn.expiresAt !== undefined) return earn.expiresAt
  const rule = badge.earnExpiry
  if (rule.kind === 'relative')
    return addSpan(earn.earnedAt, { unit: rule.unit, length: rule.value })
  if (rule.kind === 'fixed-date') return rule.at
  if (rule.kind === 'with-badge') return badge.expiresAt
  return null
}

export function isEarnActive(badge: BadgeDef, earn: EarnRecord, now: number): boolean {
  const expires = earnExpiresAt(badge, earn)
  return earn.revokedAt === undefined && (expires === null || expires > now)
}

export function currentCycle(badge: BadgeDef, unit: Unit, every: number, now: number) {
  const step = { unit, length: every }
  let start = badge.startsAt
  // Days and weeks are all one length: whole cycles at once (stepped, a clock moved far ahead took
  // the server's whole time); months step through the calendar.
  if (unit !== 'MONTHS') {
    const length = addSpan(0, step)
    start += Math.max(0, Math.floor((now - start) / length)) * length
  } else {
    for (let next = addSpan(start, step); next <= now; next = addSpan(start, step)) start = next
  }
  return { start, end: addSpan(start, step) }
}

function windowStart(limit: LimitDef, badge: BadgeDef, now: number): number {
  if (limit.kind === 'rolling-window')
    return now - (addSpan(now, { unit: limit.unit, length: limit.length }) - now)
  if (limit.kind === 'fixed-window') return currentCycle(badge, limit.unit, limit.every, now).start
  return -Infinity
}

/** Earns counting against a limit now: this member's, or everybody's for a badge-wide limit. */
export function usedAgainst(
  limit: LimitDef,
  badge: BadgeDef,
  earns: EarnRecord[],
  now: number,
  scope: 'member' | 'badge',
): number {
  const from = windowStart(limit, badge, now)
  const ours = earns.filter((earn) => earn.earnedAt >= from && earn.revokedAt === undefined).length
  if (scope === 'member') return ours
  const lifetime = Math.max(now - badge.startsAt, 1)
  const share = from === -Infinity ? 1 : Math.min((now - from) / lifetime, 1)
  const others = Math.round(badge.othersEarned * share)
  // A badge's supply can be used up, never overdrawn.
  return limit.kind === 'none' ? ours + others : Math.min(ours + others, limit.max)
}

export type Lookup = {
  dataset: Dataset
  /** Where the demo artwork is served: "/" or the showcase's base path. */
  assetBase: string
  badgeById: Map<string, BadgeDef>
  groupById: Map<string, Dataset['groups'][number]>
}

export function indexDataset(dataset: Dataset, assetBase = '/'): Lookup {
  return {
    dataset,
    assetBase,
    badgeById: new Map(dataset.badges.map((badge) => [badge.id, badge])),
    groupById: new Map(dataset.groups.map((group) => [group.id, group])),
  }
}

export function allEarns(lookup: Lookup, badgeId: string): EarnRecord[] {
  return lookup.dataset.members.flatMap(
    (member) => member.badges.find((record) => record.badgeId === badgeId)?.earns ?? [],
  )
}

/**
 * The member's earns of a badge that stand: one the brand took back is on their history (the
 * management record) but not on their lists, in their count or against their limits.
 */
export function keptEarns(member: MemberDef, badgeId: string): EarnRecord[] {
  return memberRecord(member, badgeId).earns.filter((earn) => earn.revokedAt === undefined)
}

// Each member's records by badge: a list answer looks one up per badge, and a find over a bench
// member's 5,000 records for each made every page of that list cost 250 ms. Rebuilt when the
// control adds a record (the only change to the array).
const recordIndex = new WeakMap<
  MemberDef,
  { size: number; byBadge: Map<string, MemberBadgeRecord> }
>()

export function memberRecord(member: MemberDef, badgeId: string): MemberBadgeRecord {
  let index = recordIndex.get(member)
  if (index === undefined || index.size !== member.badges.length) {
    const byBadge = new Map<string, MemberBadgeRecord>()
    // The first record of a badge wins, as a find would.
    for (const record of member.badges)
      if (!byBadge.has(record.badgeId)) byBadge.set(record.badgeId, record)
    index = { size: member.badges.length, byBadge }
    recordIndex.set(member, index)
  }
  return index.byBadge.get(badgeId) ?? { badgeId, earns: [], issuals: [] }
}
