import { activeIssual, type DisplayState, earnLapsedAt, memberBadgeState } from './display-state.ts'
import { addSpan } from './expiry.ts'
import {
  type BadgeStatus,
  type CustomerBadge,
  type EarnLimit,
  type MemberBadge,
  type Span,
} from './types.ts'

// What this member can do with a badge now: one rule that the list cards, the detail page, the
// image, its alt text, the summary and the celebration all read, so they cannot disagree.

/** When the member can earn the badge (again), as far as their limits and the badge's dates say. */
export type NextEarn =
  | { kind: 'now' }
  /** Their limit in this window is used; it frees up at `at` (null: the data does not say when). */
  | { kind: 'from'; at: number | null }
  /** Never again: their limit for the badge's life is used, the badge ended or its supply ran out. */
  | { kind: 'never' }
  /** Only once the brand opens it to the member again (an issued badge with no open issue). */
  | { kind: 'when-opened' }
  /** The data cannot settle it (a list without usage counts); say nothing rather than guess. */
  | { kind: 'unknown' }

export type BadgeTruth =
  | {
      kind: 'earned'
      until: number | null
      times: number
      lastEarnedAt: number | null
      next: NextEarn
    }
  | {
      kind: 'expired'
      at: number | null
      times: number
      lastEarnedAt: number | null
      next: NextEarn
    }
  | { kind: 'in-progress'; earnBy: number | null }
  | {
      kind: 'can-earn'
      until: number | null
      left: number | null
      /** Earned before, and the data cannot say whether it can be earned again now: no claim. */
      unsure?: true
    }
  | { kind: 'earn-again-from'; at: number | null; times: number }
  | { kind: 'not-yet'; startsAt: number | null }
  | { kind: 'no-longer'; why: 'ended' | 'sold-out' | 'limit-reached'; at: number | null }

export type TruthKind = BadgeTruth['kind']

/** What the rule needs to know, from whichever endpoint told it. */
export type BadgeFacts = {
  startsAt: number | null
  /** When the badge itself stops being on offer; null: never, or not said. */
  endsAt: number | null
  status: BadgeStatus
  limits: EarnLimit[]
  /** Times the member has earned it, over its life. */
  times: number
  lastEarnedAt: number | null
  /** The member holds it now, until `until` (null: for good). */
  held: { until: number | null } | null
  /** The member earned it and it ran out (null `at`: when is not known). */
  lapsed: { at: number | null } | null
  /** Issued to the member and not yet earned; `earnBy` is when the issue runs out. */
  issued: { earnBy: number | null } | null
  /** Only a badge the brand issues to the member can be earned (Capillary's ISSUE_EARN). */
  needsIssue: boolean
  /** Whether `issued` was read (the member's own record); the lists do not say. */
  issueKnown: boolean
  /**
   * A badge the brand issues: when its time for issues is over (a fixed date). After it, no issue
   * can be opened, and without an open one it is over for the member. Null or left out: not said.
   */
  issuesEndAt?: number | null
}

const SCARCE_BELOW = 1000
/** Under this many left for all members, the supply is said as a warning, not only as news. */
const RUNNING_OUT_BELOW = 100

/** Whether a supply said on a card (under 1,000 left) is low enough to be urgent. */
export function supplyRunningOut(left: number): boolean {
  return left < RUNNING_OUT_BELOW
}

/** Earned only on an issue the brand opens to the member (Capillary's ISSUE_EARN). */
const issuedToEarn = (earnType: string | null | undefined) =>
  earnType?.toUpperCase() === 'ISSUE_EARN'

/** The badge itself is over (ended, or its status says so): for every member, held or not. */
export function badgeIsOver(facts: Pick<BadgeFacts, 'status' | 'endsAt'>, now: number): boolean {
  return facts.status === 'EXPIRED' || (facts.endsAt !== null && facts.endsAt <= now)
}

function notStarted(facts: BadgeFacts, now: number): number | null {
  if (facts.startsAt !== null && facts.startsAt > now) return facts.startsAt
  return null
}

/** A badge the brand issues whose time for issues is over, with none open to the member. */
function issuesOver(facts: BadgeFacts, now: number): boolean {
  const end = facts.issuesEndAt ?? null
  return facts.needsIssue && facts.issued === null && end !== null && end <= now
}

/** The fixed window (a cycle counted from `since`) that holds `now`. */
function cycleAround(since: number, span: Span, now: number): { start: number; end: number } {
  let start = since
  // Whole cycles jump at once for days and weeks; months step through the calendar.
  if (span.unit !== 'MONTHS') {
    const length = addSpan(0, span)
    start = since + Math.max(0, Math.floor((now - since) / length)) * length
  } else {
    for (let next = addSpan(start, span); next <= now; next = addSpan(start, span)) start = next
  }
  return { start, end: addSpan(start, span) }
}

/** What one of the member's own limits says about earning again. */
function limitStep(limit: EarnLimit, facts: BadgeFacts, now: number): NextEarn {
  const { max, window: span } = limit
  if (limit.kind === 'unlimited' || limit.kind === 'unknown' || max === null) return { kind: 'now' }
  if (limit.kind === 'total') {
    const used = limit.used ?? facts.times
    return used >= max ? { kind: 'never' } : { kind: 'now' }
  }
  if (span === null) return { kind: 'unknown' }
  // Earned fewer times than the limit allows in any window: whatever the window, there is room.
  if (facts.times < max) return { kind: 'now' }
  const last = facts.lastEarnedAt
  if (limit.kind === 'fixed-window') {
    const cycle =
      limit.cycle?.start != null && limit.cycle.end != null && limit.cycle.end > now
        ? { start: limit.cycle.start, end: limit.cycle.end }
        : limit.since !== null
          ? cycleAround(limit.since, span, now)
          : null
    if (limit.used !== null) {
      if (limit.used < max) return { kind: 'now' }
      return { kind: 'from', at: cycle?.end ?? null }
    }
    if (cycle === null || last === null) return { kind: 'unknown' }
    if (last < cycle.start) return { kind: 'now' }
    return max === 1 ? { kind: 'from', at: cycle.end } : { kind: 'unknown' }
  }
  // Rolling: the window looks back from now.
  const windowStart = now - (addSpan(now, span) - now)
  if (limit.used !== null && limit.used < max) return { kind: 'now' }
  if (last !== null && last < windowStart) return { kind: 'now' }
  if (max === 1 && last !== null) return { kind: 'from', at: addSpan(last, span) }
  return limit.used !== null ? { kind: 'from', at: null } : { kind: 'unknown' }
}

/** Everybody's supply: the fewest earns left under a badge-wide limit for its life, if any. */
function supplyLeft(limits: EarnLimit[]): number | null {
  const left = limits.flatMap((limit) =>
    limit.scope === 'badge' && limit.kind === 'total' && limit.max !== null && limit.used !== null
      ? [Math.max(limit.max - limit.used, 0)]
      : [],
  )
  return left.length > 0 ? Math.min(...left) : null
}

/** When the member can earn the badge next, all their limits and the badge's dates together. */
export function nextEarn(facts: BadgeFacts, now: number): NextEarn {
  if (badgeIsOver(facts, now) || supplyLeft(facts.limits) === 0) return { kind: 'never' }
  // A badge the brand issues, once its time for issues is over: none will open again.
  if (issuesOver(facts, now)) return { kind: 'never' }
  const starts = notStarted(facts, now)
  const own = facts.limits.filter((limit) => limit.scope === 'member')
  // Earned before, and no limit says how often: whether it can be earned again is not known.
  if (own.length === 0 && facts.times > 0) return { kind: 'unknown' }
  const steps = own.map((limit) => limitStep(limit, facts, now))
  if (steps.some((step) => step.kind === 'never')) return { kind: 'never' }
  // However the limits stand, a badge the brand issues is earned only while an issue is open.
  if (facts.needsIssue && facts.issued === null)
    return facts.issueKnown ? { kind: 'when-opened' } : { kind: 'unknown' }
  const waits = steps.flatMap((step) => (step.kind === 'from' ? [step] : []))
  // The open issue closes before the wait is over: not earned on this one, only on an issue the
  // brand may open later, so no date is promised (Birthday Treat issued again in the year its one
  // earn is used: not "again from" next year). A limit used: "as often as allowed for now"; a badge
  // not started yet: not open to them until the brand opens it again.
  const closes = facts.needsIssue ? (facts.issued?.earnBy ?? null) : null
  const missed = (at: number | null) => at !== null && closes !== null && at >= closes
  if (waits.length > 0) {
    const dates = waits.map((step) => step.at)
    const at = dates.includes(null) ? null : Math.max(...(dates as number[]))
    return { kind: 'from', at: missed(at) ? null : at }
  }
  if (steps.some((step) => step.kind === 'unknown')) return { kind: 'unknown' }
  if (starts === null) return { kind: 'now' }
  return missed(starts) ? { kind: 'when-opened' } : { kind: 'from', at: starts }
}

export function badgeTruth(facts: BadgeFacts, now: number): BadgeTruth {
  const next = nextEarn(facts, now)
  if (facts.held !== null) {
    return {
      kind: 'earned',
      until: facts.held.until,
      times: Math.max(facts.times, 1),
      lastEarnedAt: facts.lastEarnedAt,
      next,
    }
  }
  // Open to the member, and earnable on this issue: not when their limit (for life, or until after
  // the issue closes) or everybody's supply says otherwise, whatever the issue says.
  if (
    facts.issued !== null &&
    !badgeIsOver(facts, now) &&
    (next.kind === 'now' || next.kind === 'unknown')
  ) {
    return { kind: 'in-progress', earnBy: facts.issued.earnBy }
  }
  if (facts.lapsed !== null) {
    return {
      kind: 'expired',
      at: facts.lapsed.at,
      times: Math.max(facts.times, 1),
      lastEarnedAt: facts.lastEarnedAt,
      next,
    }
  }
  if (badgeIsOver(facts, now)) return { kind: 'no-longer', why: 'ended', at: facts.endsAt }
  // No issue can open any more: over for the member, not "not open to you yet".
  if (issuesOver(facts, now))
    return { kind: 'no-longer', why: 'ended', at: facts.issuesEndAt ?? null }
  const left = supplyLeft(facts.limits)
  if (left === 0) return { kind: 'no-longer', why: 'sold-out', at: null }
  // Earned only once the brand opens it to the member: with no issue open, or only one that closes
  // before the badge starts, not open to them yet, and no date promised.
  if (facts.needsIssue && (facts.issued === null || next.kind === 'when-opened'))
    return { kind: 'not-yet', startsAt: null }
  const starts = notStarted(facts, now)
  if (starts !== null) return { kind: 'not-yet', startsAt: starts }
  if (facts.status === 'UPCOMING') return { kind: 'not-yet', startsAt: facts.startsAt }
  if (next.kind === 'never') return { kind: 'no-longer', why: 'limit-reached', at: null }
  if (next.kind === 'from') return { kind: 'earn-again-from', at: next.at, times: facts.times }
  return {
    kind: 'can-earn',
    until: facts.endsAt,
    left: left !== null && left < SCARCE_BELOW ? left : null,
    ...(next.kind === 'unknown' && facts.times > 0 && { unsure: true as const }),
  }
}

/**
 * The member's copy ran out and they may earn it again now: it is open to them, as a badge they
 * never had is (drawn so, not as a dead one), and it is on the offers.
 */
export function openAgain(truth: BadgeTruth): boolean {
  return truth.kind === 'expired' && truth.next.kind === 'now'
}

/** The member's copy ran out and it cannot be earned again now: on the earned list's expired. */
export function runOut(truth: BadgeTruth): boolean {
  return truth.kind === 'expired' && !openAgain(truth)
}

/** Run out for good, or over for the member: drawn faded. */
export function faded(truth: BadgeTruth): boolean {
  return truth.kind === 'no-longer' || runOut(truth)
}

/** The image to show and whether it is faded, from the truth. */
export function truthImage(truth: BadgeTruth): { state: DisplayState; muted: boolean } {
  if (truth.kind === 'earned') return { state: 'EARNED', muted: false }
  if (runOut(truth)) return { state: 'EARNED', muted: true }
  if (truth.kind === 'in-progress') return { state: 'IN_PROGRESS', muted: false }
  return { state: 'LOCKED', muted: false }
}

/** Over for every member (ended, or every one claimed): how often and how long are moot. */
export function overForAll(truth: BadgeTruth): boolean {
  return truth.kind === 'no-longer' && truth.why !== 'limit-reached'
}

/** The list a badge is on for this member: earned (held, or run out) or the offers. */
export function homeList(truth: BadgeTruth): 'earned' | 'available' {
  return truth.kind === 'earned' || runOut(truth) ? 'earned' : 'available'
}

const liveUntil = (expiresAt: number | null, now: number) => expiresAt === null || expiresAt > now

/**
 * Facts from a badge in the earned list: the member holds it until its `expiresOn` (their latest
 * earn's end), or held it until then when that has passed (with "show expired").
 */
export function earnedListFacts(badge: CustomerBadge, now: number): BadgeFacts {
  const live = liveUntil(badge.expiresAt, now)
  return {
    startsAt: badge.startsAt,
    endsAt: null,
    status: 'UNKNOWN',
    limits: badge.limits,
    times: Math.max(badge.earnedCount ?? 1, 1),
    lastEarnedAt: badge.lastEarnedAt,
    held: live ? { until: badge.expiresAt } : null,
    lapsed: live ? null : { at: badge.expiresAt },
    issued: null,
    needsIssue: issuedToEarn(badge.earnType),
    issueKnown: false,
  }
}

/**
 * Facts from a badge in the available list. `holding` is the same badge from the member's earned
 * list when they hold it; `member` is their own record when it was read (it knows issues and usage,
 * which the list does not). `earnedComplete`: the earned list was read to its end, so a badge not
 * in it is one the member does not hold.
 */
export function availableListFacts(
  badge: CustomerBadge,
  holding: CustomerBadge | null,
  member: MemberBadge | null,
  now: number,
  earnedComplete = false,
): BadgeFacts {
  if (member !== null) {
    return memberFacts(
      {
        startsAt: badge.startsAt,
        endsAt: badge.expiresAt,
        status: 'UNKNOWN',
        limits: badge.limits,
        earnType: badge.earnType,
      },
      member,
      now,
    )
  }
  const times = badge.earnedCount ?? 0
  const needsIssue = issuedToEarn(badge.earnType)
  return {
    startsAt: badge.startsAt,
    endsAt: badge.expiresAt,
    status: 'UNKNOWN',
    limits: badge.limits,
    times,
    lastEarnedAt: badge.lastEarnedAt,
    held: holding !== null ? { until: holding.expiresAt } : null,
    // Earned before and not held now (past the records read): it ran out, when the list does not
    // say; not "not earned yet".
    // (Not for an issued badge: a fresh issue may have it in progress, which only its record says.)
    lapsed: holding === null && earnedComplete && times > 0 && !needsIssue ? { at: null } : null,
    issued: null,
    needsIssue,
    issueKnown: false,
  }
}

/**
 * Whether the available list cannot settle a badge's truth alone: an issued-to-earn badge (is it
 * open to this member?), a supply shared by all members (how much is left?), a badge the member
 * earned and holds no longer (when did it run out, and when may they earn it again? the list counts
 * no window's use). The member's own record settles it.
 */
export function needsMemberRecord(badge: CustomerBadge, holding: boolean): boolean {
  // Held, an issued badge may still have the brand's next issue open (earn it again now?).
  if (issuedToEarn(badge.earnType)) return true
  if (holding) return false
  if ((badge.earnedCount ?? 0) > 0) return true
  return badge.limits.some((limit) => limit.scope === 'badge' && limit.kind === 'total')
}

/**
 * The badges whose records are read, at most SETTLE_AT_MOST, in the list's order: first those
 * whose truth the list cannot even guess (issued ones, and ones the member earned before), then
 * those that only want the supply left.
 */
export function recordsToRead(
  badges: CustomerBadge[],
  /** Whether the member holds it; null before the earned list has said. */
  holding: ((badge: CustomerBadge) => boolean) | null,
): CustomerBadge[] {
  // Until the earned list has said, a badge earned before may still be held, which would make its
  // record needless: only the records needed whatever it says (issued badges, supplies).
  const held = holding ?? ((badge: CustomerBadge) => (badge.earnedCount ?? 0) > 0)
  const needed = badges.filter((badge) => needsMemberRecord(badge, held(badge)))
  const first = (badge: CustomerBadge) =>
    issuedToEarn(badge.earnType) || (badge.earnedCount ?? 0) > 0
  return [...needed.filter(first), ...needed.filter((badge) => !first(badge))].slice(
    0,
    SETTLE_AT_MOST,
  )
}

/** Member records read to settle what the available list cannot say: at most this many. */
export const SETTLE_AT_MOST = 24

/**
 * Facts from the member's own record (management, with statistics) and the badge's definition:
 * what the detail page knows. The record's limits carry usage, so they win over the definition's.
 */
export function memberFacts(
  {
    earnType,
    ...badge
  }: Pick<BadgeFacts, 'startsAt' | 'endsAt' | 'status' | 'limits'> & {
    earnType: string | null
  },
  member: MemberBadge,
  now: number,
): BadgeFacts {
  const state = memberBadgeState(member, now)
  const earns = member.earns.filter((earn) => earn.earnedAt !== null && earn.revokedAt === null)
  const liveEarns = earns.filter((earn) => liveUntil(earn.expiresAt, now))
  const until =
    liveEarns.length === 0 || liveEarns.some((earn) => earn.expiresAt === null)
      ? null
      : Math.max(...liveEarns.map((earn) => earn.expiresAt ?? 0))
  // The record's own "last earned" counts an earn the brand took back (it still named the revoked
  // one): only when the history does not show it revoked.
  const recordLast = member.earns.some(
    (earn) => earn.revokedAt !== null && earn.earnedAt === member.lastEarnedAt,
  )
    ? 0
    : (member.lastEarnedAt ?? 0)
  const lastEarned = Math.max(recordLast, ...earns.map((earn) => earn.earnedAt ?? 0))
  const open = activeIssual(member, now)
  // Held, only an issue opened after the latest earn is the next one: the documents do not say
  // that an earn closes the issue it used (the demo's read EARNED; a live one may stay ACTIVE).
  const issual =
    open !== undefined &&
    (state !== 'EARNED' || (open.issuedAt !== null && open.issuedAt > lastEarned))
      ? open
      : undefined
  const lapsedAt = earnLapsedAt(member, now)
  return {
    ...badge,
    limits: member.limits.length > 0 ? member.limits : badge.limits,
    times: Math.max(earns.length, member.activeEarnedCount ?? 0),
    lastEarnedAt: lastEarned > 0 ? lastEarned : null,
    held: state === 'EARNED' ? { until } : null,
    lapsed: state !== 'EARNED' && lapsedAt !== null ? { at: lapsedAt } : null,
    // An open issue counts while the member holds an earlier copy too: the brand opened the next.
    issued: issual !== undefined ? { earnBy: issual.expiresAt } : null,
    needsIssue: issuedToEarn(earnType ?? member.earnType),
    issueKnown: true,
    issuesEndAt: member.issueExpiry.kind === 'fixed-date' ? member.issueExpiry.at : null,
  }
}
