import { useQueries } from '@tanstack/react-query'
import { type Customer } from '../badges/member.ts'
import {
  availableListFacts,
  type BadgeTruth,
  badgeTruth,
  earnedListFacts,
  recordsToRead,
} from '../badges/truth.ts'
import { type CustomerBadge, type MemberBadge } from '../badges/types.ts'
import { badgeQueries } from '../queries/badges.ts'

type Cached = { now: number; inputs: unknown[]; truth: BadgeTruth | null }
type Judge = (
  badge: CustomerBadge,
  now: number,
  inputs: unknown[],
  judge: () => BadgeTruth | null,
) => BadgeTruth | null

/**
 * Truths per badge that keep their identity while their inputs do, so the memoised cards already
 * shown do not render again when another page arrives. The cache outlives the component: the
 * summary and the list judge the same badges, and going back to a long list finds its truths
 * already judged (the badges are the query cache's own objects, so the cache lets them go with it).
 */
function stableTruths(cache: WeakMap<CustomerBadge, Cached>): Judge {
  return (badge, now, inputs, judge) => {
    const hit = cache.get(badge)
    if (hit && hit.now === now && hit.inputs.every((input, i) => input === inputs[i]))
      return hit.truth
    const truth = judge()
    cache.set(badge, { now, inputs, truth })
    return truth
  }
}

// One cache per list: a badge on the earned list and the same badge on the available list are
// different objects judged from different facts.
const earnedStable = stableTruths(new WeakMap())
const availableStable = stableTruths(new WeakMap())
const NO_INPUTS: unknown[] = []

export function useEarnedTruths(badges: CustomerBadge[], now: number): Map<string, BadgeTruth> {
  return new Map(
    badges.map((badge) => [
      badge.id,
      earnedStable(badge, now, NO_INPUTS, () =>
        badgeTruth(earnedListFacts(badge, now), now),
      ) as BadgeTruth,
    ]),
  )
}

/** What the member's earned list has said so far, for the available list's truths. */
export type EarnedSoFar = {
  badges: CustomerBadge[] | undefined
  /** Read to its end. */
  complete: boolean
  /** It failed: the records are read all the same, as without it. */
  failed: boolean
}

/**
 * The available list says neither whether a badge is issued to the member nor, for a window that
 * allows more than one earn, how much of it they used. For those badges the member's own record
 * (the query the badge's page reads too) settles it; until it arrives their truth is null. A badge
 * the member earned before needs its record only if they no longer hold it: that one is asked for
 * once the earned list has said (asked at once, a slow earned list cost a first view 10 requests
 * instead of 7); the others at once.
 */
export function useAvailableTruths(
  customer: Customer,
  badges: CustomerBadge[],
  earnedSoFar: EarnedSoFar,
  now: number,
): Map<string, BadgeTruth | null> {
  const { badges: earned, complete: earnedComplete } = earnedSoFar
  const holding = new Map((earned ?? []).map((badge) => [badge.id, badge]))
  const known = earned !== undefined || earnedSoFar.failed
  const unsettled = recordsToRead(badges, known ? (badge) => holding.has(badge.id) : null)
  const records = useQueries({
    queries: unsettled.map((badge) => badgeQueries.memberBadge(customer, badge.id)),
  })
  const settled = new Map<string, { record: MemberBadge | null; pending: boolean }>(
    unsettled.map((badge, i) => {
      const result = records[i]
      return [badge.id, { record: result?.data ?? null, pending: result?.isPending ?? false }]
    }),
  )
  return new Map(
    badges.map((badge) => {
      const held = holding.get(badge.id) ?? null
      const own = settled.get(badge.id)
      // Whether the member holds a badge they earned before is the earned list's to say; when it
      // failed, the badge's own record's, or (none read) no claim either way, never a placeholder
      // for good.
      const undecided = earned === undefined && !earnedSoFar.failed && (badge.earnedCount ?? 0) > 0
      if (own?.pending || undecided) return [badge.id, null]
      const record = own?.record ?? null
      return [
        badge.id,
        availableStable(badge, now, [held, record, earnedComplete], () =>
          badgeTruth(availableListFacts(badge, held, record, now, earnedComplete), now),
        ),
      ]
    }),
  )
}
