// A type-only import that is erased whole: the portal bridge carries this rule without the truth
// rule's module, which the views' own chunks bring.
import type { Judged } from './standing.ts'
import type { BadgeTruth } from './truth.ts'

// What the portal hears of badges about to run out, so the brand can tell the member by its own
// channels: earned badges whose hold ends, and issued badges that must be earned by a date, within
// the number of days the portal asked for. Read from the truths the summary judged, the cards' own.

export type ExpiringBadge = {
  badgeId: string
  name: string | null
  /** The deadline, as an ISO 8601 instant. */
  expiresOn: string
  /** Days left as the member's cards count them (0: less than a day). */
  daysLeft: number
  kind: 'earned-expires' | 'earn-by'
}

export type Deadline = { kind: ExpiringBadge['kind']; at: number }

/**
 * What runs out for the member, by the truth the cards show: their hold of an earned badge, or an
 * issue to earn by a date. Null when nothing does. The reminder and the portal's event both read it.
 */
export function deadlineOf(truth: BadgeTruth): Deadline | null {
  if (truth.kind === 'earned' && truth.until !== null)
    return { kind: 'earned-expires', at: truth.until }
  if (truth.kind === 'in-progress' && truth.earnBy !== null)
    return { kind: 'earn-by', at: truth.earnBy }
  return null
}

/**
 * `daysLeft` counts days as a card does ("in 13 days"): the days of the member's calendar between
 * now and the deadline, 0 within a day (format.ts), so a brand's reminder says what the page does.
 */
export function expiringWithin(
  earned: Judged[],
  available: Judged[],
  now: number,
  days: number,
  daysLeft: (at: number, now: number) => number,
): ExpiringBadge[] {
  const found = new Map<string, ExpiringBadge & { at: number }>()
  const add = ({ badge, truth }: Judged) => {
    const deadline = deadlineOf(truth)
    if (deadline === null) return
    const { at, kind } = deadline
    // The window in the same days: a badge whose card says "in 7 days" is within 7 days.
    if (at <= now || daysLeft(at, now) > days || found.has(badge.id)) return
    found.set(badge.id, {
      badgeId: badge.id,
      name: badge.name?.trim() || null,
      expiresOn: new Date(at).toISOString(),
      daysLeft: daysLeft(at, now),
      kind,
      at,
    })
  }
  for (const judged of [...earned, ...available]) add(judged)
  return [...found.values()].sort((a, b) => a.at - b.at).map(({ at: _at, ...badge }) => badge)
}
