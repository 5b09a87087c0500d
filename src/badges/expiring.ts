// A type-only import that is erased whole: the portal bridge carries this rule without the truth
// rule's module, which the views' own chunks bring.
import type { Judged } from './standing.ts'

// What the portal hears of badges about to run out, so the brand can tell the member by its own
// channels: earned badges whose hold ends, and issued badges that must be earned by a date, within
// the number of days the portal asked for. Read from the truths the summary judged, the cards' own.

const DAY = 86_400_000

export type ExpiringBadge = {
  badgeId: string
  name: string | null
  /** The deadline, as an ISO 8601 instant. */
  expiresOn: string
  /** Whole days left (0: less than a day). */
  daysLeft: number
  kind: 'earned-expires' | 'earn-by'
}

export function expiringWithin(
  earned: Judged[],
  available: Judged[],
  now: number,
  days: number,
): ExpiringBadge[] {
  const found = new Map<string, ExpiringBadge & { at: number }>()
  const add = ({ badge }: Judged, at: number, kind: ExpiringBadge['kind']) => {
    if (at <= now || at - now > days * DAY || found.has(badge.id)) return
    found.set(badge.id, {
      badgeId: badge.id,
      name: badge.name?.trim() || null,
      expiresOn: new Date(at).toISOString(),
      daysLeft: Math.floor((at - now) / DAY),
      kind,
      at,
    })
  }
  for (const judged of earned) {
    if (judged.truth.kind === 'earned' && judged.truth.until !== null)
      add(judged, judged.truth.until, 'earned-expires')
  }
  for (const judged of available) {
    if (judged.truth.kind === 'in-progress' && judged.truth.earnBy !== null)
      add(judged, judged.truth.earnBy, 'earn-by')
  }
  return [...found.values()].sort((a, b) => a.at - b.at).map(({ at: _at, ...badge }) => badge)
}
