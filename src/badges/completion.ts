import { type CustomerBadge } from './types.ts'

export type Completion = { held: number; total: number }

/**
 * "You have 3 of 7" per group: the group's badges are those in either list, held those in the
 * earned list. A badge earned before whose copies have all expired is not held, though its card
 * says "Earned twice" (the earned list leaves it out): hence "you have", not "earned", which read
 * "0 of 2 earned" above it. Only meaningful when both lists are complete, which the caller knows.
 */
export function groupCompletion(
  earned: CustomerBadge[],
  available: CustomerBadge[],
): Map<string, Completion> {
  const members = new Map<string, Set<string>>()
  const heldIds = new Map<string, Set<string>>()
  const add = (map: Map<string, Set<string>>, badge: CustomerBadge) => {
    if (badge.groupId === null) return
    const ids = map.get(badge.groupId) ?? new Set<string>()
    ids.add(badge.id)
    map.set(badge.groupId, ids)
  }
  for (const badge of [...earned, ...available]) add(members, badge)
  for (const badge of earned) add(heldIds, badge)
  return new Map(
    [...members].map(([groupId, ids]) => [
      groupId,
      { held: heldIds.get(groupId)?.size ?? 0, total: ids.size },
    ]),
  )
}
