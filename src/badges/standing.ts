import { type BadgeTruth, openAgain } from './truth.ts'
import { type CustomerBadge } from './types.ts'

// Where the member stands, from the truths the lists' cards show: the summary at the top of the
// showcase counts the same things the cards say, so the two cannot disagree.

export type Judged = { badge: CustomerBadge; truth: BadgeTruth }

/** Each badge with its truth, those whose truth is not settled yet left out. */
export function judged(
  badges: CustomerBadge[],
  truths: ReadonlyMap<string, BadgeTruth | null>,
): Judged[] {
  return badges.flatMap((badge) => {
    const truth = truths.get(badge.id)
    return truth ? [{ badge, truth }] : []
  })
}

export type NextUp = {
  badge: CustomerBadge
  /** Why this one is nearest, in the order the member would care. */
  why:
    | { kind: 'in-progress'; earnBy: number | null }
    | { kind: 'left'; count: number }
    | { kind: 'ends'; at: number }
    | { kind: 'again'; at: number }
    | { kind: 'open' }
    | { kind: 'opens'; at: number }
}

/** What "expiring soon" means: within this many days. */
export const SOON_DAYS = 30
const SOON_MS = SOON_DAYS * 86_400_000
const byDate = <T>(items: T[], date: (item: T) => number) =>
  [...items].sort((a, b) => date(a) - date(b))

/**
 * Badges the member can earn now: what "to earn now" counts. Not one that opens later, one the
 * brand must open to them first (it may never), one held until it opens again, or one earned
 * before whose record was not read (whether it is open again is not known); a badge held or run
 * out that can be earned again now counts (its card says "Earn it again now").
 */
export function earnableNow(available: Judged[]): Judged[] {
  return available.filter(
    ({ truth }) =>
      (truth.kind === 'can-earn' && !truth.unsure) ||
      truth.kind === 'in-progress' ||
      (truth.kind === 'earned' && truth.next.kind === 'now') ||
      openAgain(truth),
  )
}

/** Earned badges that run out within 30 days, soonest first. */
export function expiringSoon(earned: Judged[], now: number): Judged[] {
  const soon = earned.filter(
    ({ truth }) => truth.kind === 'earned' && truth.until !== null && truth.until - now <= SOON_MS,
  )
  return byDate(soon, ({ truth }) => (truth.kind === 'earned' ? (truth.until ?? 0) : 0))
}

/**
 * The badge nearest to the member's reach, with why: one they started (earn it by the soonest
 * date), then one whose offer ends soonest (within the month: a date they can act by), then one
 * whose supply is running low, then one open to them again soonest, then any open one (the
 * brand's order), then the next to open.
 */
export function nextUp(available: Judged[], now: number): NextUp | null {
  const of = (kind: BadgeTruth['kind']) => available.filter(({ truth }) => truth.kind === kind)
  const started = byDate(of('in-progress'), ({ truth }) =>
    truth.kind === 'in-progress' ? (truth.earnBy ?? Infinity) : Infinity,
  )[0]
  if (started?.truth.kind === 'in-progress')
    return { badge: started.badge, why: { kind: 'in-progress', earnBy: started.truth.earnBy } }
  // Open to them: not a badge earned before whose record was not read (it may not be open again).
  const open = of('can-earn').filter(({ truth }) => truth.kind === 'can-earn' && !truth.unsure)
  const ending = byDate(
    open.filter(
      ({ truth }) =>
        truth.kind === 'can-earn' && truth.until !== null && truth.until - now <= SOON_MS,
    ),
    ({ truth }) => (truth.kind === 'can-earn' ? (truth.until ?? 0) : 0),
  )[0]
  if (ending?.truth.kind === 'can-earn' && ending.truth.until !== null)
    return { badge: ending.badge, why: { kind: 'ends', at: ending.truth.until } }
  const scarce = byDate(
    open.filter(({ truth }) => truth.kind === 'can-earn' && truth.left !== null),
    ({ truth }) => (truth.kind === 'can-earn' ? (truth.left ?? 0) : 0),
  )[0]
  if (scarce?.truth.kind === 'can-earn' && scarce.truth.left !== null)
    return { badge: scarce.badge, why: { kind: 'left', count: scarce.truth.left } }
  const again = byDate(
    of('earn-again-from').filter(
      ({ truth }) => truth.kind === 'earn-again-from' && truth.at !== null,
    ),
    ({ truth }) => (truth.kind === 'earn-again-from' ? (truth.at ?? 0) : 0),
  )[0]
  if (again?.truth.kind === 'earn-again-from' && again.truth.at !== null && open.length === 0)
    return { badge: again.badge, why: { kind: 'again', at: again.truth.at } }
  if (open[0]) return { badge: open[0].badge, why: { kind: 'open' } }
  if (again?.truth.kind === 'earn-again-from' && again.truth.at !== null)
    return { badge: again.badge, why: { kind: 'again', at: again.truth.at } }
  const opening = byDate(
    of('not-yet').filter(({ truth }) => truth.kind === 'not-yet' && truth.startsAt !== null),
    ({ truth }) => (truth.kind === 'not-yet' ? (truth.startsAt ?? 0) : 0),
  )[0]
  if (opening?.truth.kind === 'not-yet' && opening.truth.startsAt !== null)
    return { badge: opening.badge, why: { kind: 'opens', at: opening.truth.startsAt } }
  return null
}

/**
 * For a member who has earned nothing yet: a few badges open to them now to start with, in the
 * brand's order. Not the one the summary puts next up, just above them: it stood there, first in
 * the picks, and in its group, three times on one screen.
 */
export function worthAimingFor(available: Judged[], now: number, count = 3): Judged[] {
  const next = nextUp(available, now)?.badge.id
  return earnableNow(available)
    .filter(({ badge }) => badge.id !== next)
    .slice(0, count)
}
