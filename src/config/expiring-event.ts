import { type QueryClient } from '@tanstack/react-query'
import { type ExpiringBadge, expiringWithin } from '../badges/expiring.ts'
import { type Customer } from '../badges/member.ts'
import {
  availableListFacts,
  badgeTruth,
  earnedListFacts,
  needsMemberRecord,
  SETTLE_AT_MOST,
} from '../badges/truth.ts'
import { type MemberBadge } from '../badges/types.ts'
import { badgeQueries, defaultLists, loadedList } from '../queries/badges.ts'

// The portal's "expiring" event: the member's default lists (the same queries the summary reads,
// so a view that loaded them costs nothing more) and, for badges the available list cannot settle
// alone, the member's own records, judged by the truth rule the cards use.

export async function expiringFor(
  queryClient: QueryClient,
  customer: Customer,
  days: number,
  now: number,
): Promise<ExpiringBadge[]> {
  const [earnedData, availableData] = await Promise.all([
    queryClient.fetchInfiniteQuery(badgeQueries.list(customer, defaultLists.earned)),
    queryClient.fetchInfiniteQuery(badgeQueries.list(customer, defaultLists.available)),
  ])
  const earned = loadedList(earnedData).badges
  const available = loadedList(availableData).badges
  const holding = new Map(earned.map((badge) => [badge.id, badge]))
  const unsettled = available
    .filter((badge) => needsMemberRecord(badge, holding.has(badge.id), now))
    .slice(0, SETTLE_AT_MOST)
  const records = new Map<string, MemberBadge | null>(
    await Promise.all(
      unsettled.map(async (badge) => {
        const record = await queryClient
          .fetchQuery(badgeQueries.memberBadge(customer, badge.id))
          .catch(() => null)
        return [badge.id, record] as const
      }),
    ),
  )
  return expiringWithin(
    earned.map((badge) => ({ badge, truth: badgeTruth(earnedListFacts(badge, now), now) })),
    available.map((badge) => ({
      badge,
      truth: badgeTruth(
        availableListFacts(
          badge,
          holding.get(badge.id) ?? null,
          records.get(badge.id) ?? null,
          now,
        ),
        now,
      ),
    })),
    now,
    days,
  )
}
