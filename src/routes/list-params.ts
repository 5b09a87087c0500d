import { type SortOn } from '../badges/member.ts'
import { defaultLists, type ListQuery } from '../queries/badges.ts'

// The earned view's sort, "show expired", group and "expiring soon" filters live in the URL, so a
// reload or a shared link shows the same thing.

/** Only the badges whose hold ends soon (the summary's "expiring soon"), soonest first. */
export function soonOnly(search: URLSearchParams): boolean {
  return search.get('soon') === '1'
}

/** Only the badges the member can earn now (the summary's "to earn now"), on the Available tab. */
export function readyOnly(search: URLSearchParams): boolean {
  return search.get('now') === '1'
}

/** The group the list is narrowed to, or null for all of them. */
export function groupParam(search: URLSearchParams): string | null {
  return search.get('group')?.trim() || null
}

export const sortParams = {
  rank: 'RANK',
  'last-earned': 'LAST_EARNED_ON_DATE',
  'last-event': 'LAST_EARNED_EVENT_DATE',
} as const
export type SortParam = keyof typeof sortParams

const sortKeys: SortParam[] = ['rank', 'last-earned', 'last-event']

export function sortParam(search: URLSearchParams): SortParam {
  const value = search.get('sort')
  return sortKeys.find((key) => key === value) ?? 'rank'
}

export function earnedFilters(search: URLSearchParams): ListQuery {
  // The badges expiring soon are the summary's: read from its very list (its group picked in the
  // browser), so the two count the same badges and share their pages.
  if (soonOnly(search)) return defaultLists.earned
  const sortOn: SortOn = sortParams[sortParam(search)]
  const groupId = groupParam(search)
  return {
    badgeType: 'EARNED',
    sortOn,
    ...(search.get('expired') === '1' ? { includeExpired: true } : {}),
    ...(groupId ? { groupId } : {}),
  }
}

export function hasFilters(search: URLSearchParams): boolean {
  return search.has('sort') || search.has('expired') || search.has('group') || soonOnly(search)
}
