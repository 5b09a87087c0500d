import { type CustomerBadge } from './types.ts'

export type Completion = { earned: number; total: number }

/**
 * "3 of 7 earned" per group: the group's badges are those in either list, earned those in the
 * earned list. Only meaningful when both lists are complete, which the caller knows.
 */
export function groupCompletion(
  earned: CustomerBadge[],
  available: CustomerBadge[],
): Map<string, Completion> {
  const members = new Map<string, Set<string>>()
  const earnedIds = new Map<string, Set<string>>()
  const add = (map: Map<string, Set<string>>, badge: CustomerBadge) => {
    if (badge.groupId === null) return
    const ids = map.get(badge.groupId) ?? new Set<string>()
    ids.add(badge.id)
    map.set(badge.groupId, ids)
  }
  for (const badge of [...earned, ...available]) add(members, badge)
  for (const badge of earned) add(earnedIds, badge)
  return new Map(
    [...members].map(([groupId, ids]) => [
      groupId,
      { earned: earnedIds.get(groupId)?.size ?? 0, total: ids.size },
    ]),
  )
}
