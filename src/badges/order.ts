import { type CustomerBadge } from './types.ts'

type Ranked = { rank: number | null; expiresAt: number | null }

/**
 * Capillary's RANK order inside a group (and among ungrouped badges): ranked badges first by rank
 * ascending, then unranked ones by expiry date descending, unknown expiry last.
 */
export function compareRankThenExpiry(a: Ranked, b: Ranked): number {
  if (a.rank !== null && b.rank !== null) return a.rank - b.rank
  if (a.rank !== null) return -1
  if (b.rank !== null) return 1
  return (b.expiresAt ?? -Infinity) - (a.expiresAt ?? -Infinity) || 0
}

export type BadgeSection = {
  /** Stable key: the group id, or "ungrouped". */
  key: string
  groupId: string | null
  /** `badgeGroupName` from the badges; null when they do not carry one. */
  name: string | null
  badges: CustomerBadge[]
}

export const UNGROUPED = 'ungrouped'

/**
 * Sections per group in the order the server returned the groups (it knows group rank), badges
 * with no group in their own section. With `order: 'rank'` the badges inside a section follow
 * Capillary's RANK rule; with 'as-returned' they keep the server's order (a date sort).
 */
export function groupBadges(
  badges: CustomerBadge[],
  { order }: { order: 'rank' | 'as-returned' },
): BadgeSection[] {
  const sections = new Map<string, BadgeSection>()
  for (const badge of badges) {
    const key = badge.groupId ?? UNGROUPED
    let section = sections.get(key)
    if (section === undefined) {
      section = { key, groupId: badge.groupId, name: null, badges: [] }
      sections.set(key, section)
    }
    section.name ??= badge.groupName
    section.badges.push(badge)
  }
  const result = [...sections.values()]
  if (order === 'rank') for (const section of result) section.badges.sort(compareRankThenExpiry)
  return result
}

/**
 * The section the list's next page may still add to: pages follow the groups' order (RANK), so
 * only the one holding the last badge read can go on, and its count is of those read so far. Null
 * when the list is whole.
 */
export function continuingSection(
  sections: BadgeSection[],
  badges: CustomerBadge[],
  hasMore: boolean,
): string | null {
  const last = badges.at(-1)
  if (!hasMore || last === undefined) return null
  return sections.find((section) => section.badges.includes(last))?.key ?? null
}

/** Groups whose sections still need a name from the group endpoint. */
export function unnamedGroupIds(sections: BadgeSection[]): string[] {
  return sections.flatMap((section) =>
    section.groupId !== null && section.name === null ? [section.groupId] : [],
  )
}
