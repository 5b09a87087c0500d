import { expect, test } from 'vitest'
import { makeBadge, makeLimit, makeMemberBadge } from '../test/factories.ts'
import {
  availableListFacts,
  type BadgeFacts,
  badgeTruth,
  type BadgeTruth,
  earnedListFacts,
  homeList,
  memberFacts,
  needsMemberRecord,
  nextEarn,
  openAgain,
  overForAll,
  recordsToRead,
  SETTLE_AT_MOST,
  truthImage,
} from './truth.ts'

const DAY = 86_400_000
const now = Date.UTC(2026, 10, 25, 12)

const limit = makeLimit

const facts = (overrides: Partial<BadgeFacts> = {}): BadgeFacts => ({
  startsAt: now - 100 * DAY,
  endsAt: now + 100 * DAY,
  status: 'UNKNOWN',
  limits: [],
  times: 0,
  lastEarnedAt: null,
  held: null,
  lapsed: null,
  issued: null,
  needsIssue: false,
  issueKnown: true,
  ...overrides,
})

const monthly = limit({
  kind: 'fixed-window',
  max: 1,
  window: { unit: 'MONTHS', length: 1 },
  since: Date.UTC(2025, 9, 21, 18),
})

test('a badge never earned, open and unlimited can be earned now, until it ends', () => {
  const truth = badgeTruth(facts({ limits: [limit({ kind: 'unlimited' })] }), now)
  expect(truth).toEqual({ kind: 'can-earn', until: now + 100 * DAY, left: null })
  expect(truthImage(truth)).toEqual({ state: 'LOCKED', muted: false })
})

test('a monthly limit used this month: "earn again from" the end of the cycle, counted from the limit start', () => {
  // Cycles run from the 21st at 18:00; the member earned on the 23rd, inside this cycle.
  const used = facts({ limits: [monthly], times: 3, lastEarnedAt: Date.UTC(2026, 10, 23) })
  expect(nextEarn(used, now)).toEqual({ kind: 'from', at: Date.UTC(2026, 11, 21, 18) })
  expect(badgeTruth(used, now)).toEqual({
    kind: 'earn-again-from',
    at: Date.UTC(2026, 11, 21, 18),
    times: 3,
  })
  // Held and used: earned, with the date as its next step, never "again" now.
  const held = badgeTruth({ ...used, held: { until: null } }, now)
  expect(held).toMatchObject({ kind: 'earned', next: { kind: 'from' } })
})

test('a monthly limit earned in an earlier cycle can be earned again now', () => {
  const earlier = facts({ limits: [monthly], times: 3, lastEarnedAt: Date.UTC(2026, 10, 1) })
  expect(nextEarn(earlier, now)).toEqual({ kind: 'now' })
})

test('usage counts from the statistics win over inference, with their cycle end', () => {
  const counted = limit({
    kind: 'fixed-window',
    max: 2,
    window: { unit: 'DAYS', length: 3 },
    used: 2,
    cycle: { start: now - DAY, end: now + 2 * DAY },
  })
  expect(nextEarn(facts({ limits: [counted], times: 5 }), now)).toEqual({
    kind: 'from',
    at: now + 2 * DAY,
  })
  expect(nextEarn(facts({ limits: [{ ...counted, used: 1 }], times: 5 }), now)).toEqual({
    kind: 'now',
  })
})

test('a list without usage cannot tell for a window allowing two: nothing is claimed', () => {
  const twice = limit({
    kind: 'fixed-window',
    max: 2,
    window: { unit: 'WEEKS', length: 1 },
    since: now - 30 * DAY,
  })
  const recent = facts({ limits: [twice], times: 4, lastEarnedAt: now - DAY })
  expect(nextEarn(recent, now)).toEqual({ kind: 'unknown' })
  // Fewer earns in all than the window allows: there is room, whatever the window.
  expect(nextEarn({ ...recent, times: 1 }, now)).toEqual({ kind: 'now' })
})

test('rolling windows: once in any 7 days frees up 7 days after the last earn', () => {
  const weekly = limit({ kind: 'rolling-window', max: 1, window: { unit: 'DAYS', length: 7 } })
  expect(nextEarn(facts({ limits: [weekly], times: 2, lastEarnedAt: now - 2 * DAY }), now)).toEqual(
    { kind: 'from', at: now + 5 * DAY },
  )
  expect(nextEarn(facts({ limits: [weekly], times: 2, lastEarnedAt: now - 8 * DAY }), now)).toEqual(
    { kind: 'now' },
  )
})

test('a lifetime limit used up: no longer for this member, and no "again" on the earned badge', () => {
  const once = facts({ limits: [limit({ kind: 'total', max: 1 })], times: 1 })
  expect(badgeTruth(once, now)).toEqual({ kind: 'no-longer', why: 'limit-reached', at: null })
  expect(badgeTruth({ ...once, held: { until: null } }, now)).toMatchObject({
    kind: 'earned',
    next: { kind: 'never' },
  })
})

test('the supply for all members: used up is "no longer", a few left is scarcity', () => {
  const supply = (used: number) =>
    facts({ limits: [limit({ scope: 'badge', kind: 'total', max: 1000, used })] })
  expect(badgeTruth(supply(1000), now)).toEqual({ kind: 'no-longer', why: 'sold-out', at: null })
  expect(badgeTruth(supply(188), now)).toMatchObject({ kind: 'can-earn', left: 812 })
  // A window for all members is not the member's business: it is never shown as a claim.
  const weekly = limit({
    scope: 'badge',
    kind: 'rolling-window',
    max: 3000,
    window: { unit: 'WEEKS', length: 1 },
    used: 14,
  })
  expect(badgeTruth(facts({ limits: [weekly] }), now)).toMatchObject({
    kind: 'can-earn',
    left: null,
  })
})

test('dates: not started yet, ended, and an upcoming status without a date', () => {
  expect(badgeTruth(facts({ startsAt: now + 6 * DAY }), now)).toEqual({
    kind: 'not-yet',
    startsAt: now + 6 * DAY,
  })
  expect(badgeTruth(facts({ endsAt: now - DAY }), now)).toEqual({
    kind: 'no-longer',
    why: 'ended',
    at: now - DAY,
  })
  expect(badgeTruth(facts({ startsAt: null, status: 'UPCOMING' }), now)).toEqual({
    kind: 'not-yet',
    startsAt: null,
  })
  expect(badgeTruth(facts({ status: 'EXPIRED', endsAt: null }), now)).toMatchObject({
    kind: 'no-longer',
    why: 'ended',
  })
})

test('earned badges: until their expiry, or for good; an earned badge that ran out is expired', () => {
  const held = badgeTruth(facts({ held: { until: now + 12 * DAY }, times: 1 }), now)
  expect(held).toMatchObject({ kind: 'earned', until: now + 12 * DAY })
  expect(truthImage(held)).toEqual({ state: 'EARNED', muted: false })
  const lapsed = badgeTruth(facts({ lapsed: { at: now - 3 * DAY }, times: 1 }), now)
  expect(lapsed).toMatchObject({ kind: 'expired', at: now - 3 * DAY })
  expect(truthImage(lapsed)).toEqual({ state: 'EARNED', muted: true })
})

test('earned before with no limit stated: whether it can be earned again is not claimed', () => {
  expect(nextEarn(facts({ times: 2, held: { until: null } }), now)).toEqual({ kind: 'unknown' })
})

test('in progress means issued and not yet earned, with the date to earn it by', () => {
  const truth = badgeTruth(facts({ issued: { earnBy: now + 8 * DAY } }), now)
  expect(truth).toEqual({ kind: 'in-progress', earnBy: now + 8 * DAY })
  expect(truthImage(truth)).toEqual({ state: 'IN_PROGRESS', muted: false })
})

test('the earned list: expiresOn is the member’s own; past it, with "show expired", it is expired', () => {
  const live = makeBadge({ earnedCount: 2, expiresAt: now + 12 * DAY, lastEarnedAt: now - DAY })
  expect(badgeTruth(earnedListFacts(live, now), now)).toMatchObject({
    kind: 'earned',
    until: now + 12 * DAY,
    times: 2,
  })
  const old = makeBadge({ earnedCount: 1, expiresAt: now - DAY })
  expect(badgeTruth(earnedListFacts(old, now), now)).toMatchObject({
    kind: 'expired',
    at: now - DAY,
  })
})

test('the available list: a badge the member holds is earned there too, with its next step', () => {
  const regular = makeBadge({
    limits: [monthly],
    earnedCount: 3,
    lastEarnedAt: Date.UTC(2026, 10, 23),
    expiresAt: now + 900 * DAY,
  })
  const holding = makeBadge({ id: regular.id, expiresAt: now + 90 * DAY })
  expect(badgeTruth(availableListFacts(regular, holding, null, now), now)).toMatchObject({
    kind: 'earned',
    until: now + 90 * DAY,
    next: { kind: 'from', at: Date.UTC(2026, 11, 21, 18) },
  })
})

test('the member record settles what the list cannot: an issued badge is in progress everywhere', () => {
  const listed = makeBadge({ earnType: 'ISSUE_EARN', expiresAt: now + 900 * DAY })
  const record = makeMemberBadge({
    issuals: [
      {
        id: 'i1',
        status: 'ACTIVE',
        issuedAt: now - 2 * DAY,
        expiresAt: now + 5 * DAY,
        revokedAt: null,
        eventAt: null,
      },
    ],
  })
  const fromList = badgeTruth(availableListFacts(listed, null, record, now), now)
  const fromDetail = badgeTruth(
    memberFacts(
      {
        startsAt: null,
        endsAt: now + 900 * DAY,
        status: 'LIVE',
        limits: [],
        earnType: 'ISSUE_EARN',
      },
      record,
      now,
    ),
    now,
  )
  expect(fromList).toEqual({ kind: 'in-progress', earnBy: now + 5 * DAY })
  expect(fromDetail).toEqual(fromList)
})

test('the member record: a revoked issue is not in progress; earns give times and the expiry', () => {
  const record = makeMemberBadge({
    issuals: [
      {
        id: 'i1',
        status: 'REVOKED',
        issuedAt: now - 9 * DAY,
        expiresAt: null,
        revokedAt: now - 8 * DAY,
        eventAt: null,
      },
    ],
    earns: [
      {
        id: 'e1',
        status: 'ACTIVE',
        earnedAt: now - 40 * DAY,
        expiresAt: now - 10 * DAY,
        revokedAt: null,
        eventAt: null,
      },
      {
        id: 'e2',
        status: 'ACTIVE',
        earnedAt: now - 5 * DAY,
        expiresAt: now + 25 * DAY,
        revokedAt: null,
        eventAt: null,
      },
    ],
    activeEarnedCount: 1,
  })
  const truth = badgeTruth(
    memberFacts(
      { startsAt: null, endsAt: null, status: 'LIVE', limits: [], earnType: 'EARN' },
      record,
      now,
    ),
    now,
  )
  expect(truth).toMatchObject({
    kind: 'earned',
    until: now + 25 * DAY,
    times: 2,
    lastEarnedAt: now - 5 * DAY,
  })
})

test('a badge only the brand can open to the member is not open to them until it does', () => {
  const closed = facts({ needsIssue: true })
  expect(badgeTruth(closed, now)).toEqual({ kind: 'not-yet', startsAt: null })
  expect(badgeTruth({ ...closed, issued: { earnBy: now + DAY } }, now)).toEqual({
    kind: 'in-progress',
    earnBy: now + DAY,
  })
})

test('over for every member, and the list a badge is on, from the one truth', () => {
  const cases: [BadgeTruth, boolean, 'earned' | 'available'][] = [
    [{ kind: 'no-longer', why: 'ended', at: 1 }, true, 'available'],
    [{ kind: 'no-longer', why: 'sold-out', at: null }, true, 'available'],
    // Over for this member only: how often still explains why.
    [{ kind: 'no-longer', why: 'limit-reached', at: null }, false, 'available'],
    [
      { kind: 'expired', at: 1, times: 1, lastEarnedAt: null, next: { kind: 'never' } },
      false,
      'earned',
    ],
    [{ kind: 'in-progress', earnBy: null }, false, 'available'],
  ]
  for (const [truth, over, list] of cases) {
    expect(overForAll(truth), truth.kind).toBe(over)
    expect(homeList(truth), truth.kind).toBe(list)
  }
})

test('a badge the brand issues, its copy run out and no issue open: open again only when the brand opens it', () => {
  // Barista's Favourite after its copy ran out and its time to earn it ended: the limits alone
  // would say "again now", but only an open issue lets the member earn it.
  const ranOut = facts({
    needsIssue: true,
    lapsed: { at: now - 3 * DAY },
    times: 1,
    lastEarnedAt: now - 40 * DAY,
    limits: [limit({ kind: 'unlimited' })],
  })
  const truth = badgeTruth(ranOut, now)
  expect(truth).toMatchObject({ kind: 'expired', next: { kind: 'when-opened' } })
  expect(openAgain(truth)).toBe(false)
  // Drawn and listed as the copy that ran out, not as a badge on offer.
  expect(truthImage(truth)).toEqual({ state: 'EARNED', muted: true })
  expect(homeList(truth)).toBe('earned')
  // A window that frees up later does not open it either (Birthday Treat, a year on).
  expect(nextEarn({ ...ranOut, limits: [monthly], lastEarnedAt: now - DAY }, now)).toEqual({
    kind: 'when-opened',
  })
  // Used up for life stays "never"; an open issue lets the limits speak.
  expect(nextEarn({ ...ranOut, limits: [limit({ kind: 'total', max: 1 })] }, now)).toEqual({
    kind: 'never',
  })
  expect(badgeTruth({ ...ranOut, issued: { earnBy: now + 9 * DAY } }, now)).toEqual({
    kind: 'in-progress',
    earnBy: now + 9 * DAY,
  })
})

test('the earned list cannot see issues: an issued badge that ran out claims no next step there', () => {
  const barista = makeBadge({
    earnType: 'ISSUE_EARN',
    earnedCount: 1,
    expiresAt: now - 8 * DAY,
    limits: [limit({ kind: 'unlimited' })],
  })
  const truth = badgeTruth(earnedListFacts(barista, now), now)
  // Not "earn it again now" with the not-earned art: whether an issue is open is not known here.
  expect(truth).toMatchObject({ kind: 'expired', at: now - 8 * DAY, next: { kind: 'unknown' } })
  expect(truthImage(truth)).toEqual({ state: 'EARNED', muted: true })
  // Held (Birthday Treat), on either list: no "again from" the next window either.
  const birthday = makeBadge({
    earnType: 'ISSUE_EARN',
    earnedCount: 1,
    lastEarnedAt: now - 20 * DAY,
    limits: [monthly],
    expiresAt: now + 26 * DAY,
  })
  expect(badgeTruth(earnedListFacts(birthday, now), now)).toMatchObject({
    kind: 'earned',
    next: { kind: 'unknown' },
  })
  const offered = { ...birthday, expiresAt: now + 700 * DAY }
  expect(badgeTruth(availableListFacts(offered, birthday, null, now), now)).toMatchObject({
    kind: 'earned',
    next: { kind: 'unknown' },
  })
})

test('a badge earned before and held no longer: the available list reads the member’s record', () => {
  // Once a month, last earned in an earlier cycle: the list alone would say "earn it now".
  const anniversary = makeBadge({
    earnedCount: 1,
    lastEarnedAt: now - 40 * DAY,
    limits: [monthly],
    expiresAt: now + 700 * DAY,
  })
  expect(needsMemberRecord(anniversary, false)).toBe(true)
  expect(needsMemberRecord(anniversary, true)).toBe(false)
  expect(needsMemberRecord(makeBadge({ earnedCount: null }), false)).toBe(false)
  // With the record, the offer says what the earned list and the badge's page say: it ran out.
  const record = makeMemberBadge({
    id: anniversary.id,
    earns: [
      {
        id: 'e1',
        status: 'EXPIRED',
        earnedAt: now - 40 * DAY,
        expiresAt: now - 7 * DAY,
        revokedAt: null,
        eventAt: null,
      },
    ],
    activeEarnedCount: 0,
  })
  const offered = badgeTruth(availableListFacts(anniversary, null, record, now), now)
  expect(offered).toMatchObject({ kind: 'expired', at: now - 7 * DAY, times: 1 })
  const listed = makeBadge({ id: anniversary.id, earnedCount: 1, expiresAt: now - 7 * DAY })
  expect(badgeTruth(earnedListFacts(listed, now), now)).toMatchObject({
    kind: 'expired',
    at: now - 7 * DAY,
    times: 1,
  })
})

test('a held issued badge with a fresh issue open: the next earn is open now, not "when opened"', () => {
  // Earned once on an issue the brand marked used; the brand then opened another.
  const record = makeMemberBadge({
    earnType: 'ISSUE_EARN',
    issuals: [
      {
        id: 'used',
        status: 'EARNED',
        issuedAt: now - 20 * DAY,
        expiresAt: now - 5 * DAY,
        revokedAt: null,
        eventAt: null,
      },
      {
        id: 'fresh',
        status: 'ACTIVE',
        issuedAt: now - DAY,
        expiresAt: now + 6 * DAY,
        revokedAt: null,
        eventAt: null,
      },
    ],
    earns: [
      {
        id: 'e1',
        status: 'ACTIVE',
        earnedAt: now - 10 * DAY,
        expiresAt: now + 20 * DAY,
        revokedAt: null,
        eventAt: null,
      },
    ],
    activeEarnedCount: 1,
  })
  const definition = {
    startsAt: null,
    endsAt: null,
    status: 'LIVE' as const,
    limits: [limit({ kind: 'unlimited' })],
    earnType: 'ISSUE_EARN',
  }
  const truth = badgeTruth(memberFacts(definition, record, now), now)
  expect(truth).toMatchObject({ kind: 'earned', next: { kind: 'now' } })
  // Without the fresh issue, the same record waits for the brand.
  const used = { ...record, issuals: record.issuals.slice(0, 1) }
  expect(badgeTruth(memberFacts(definition, used, now), now)).toMatchObject({
    kind: 'earned',
    next: { kind: 'when-opened' },
  })
  // An issue left ACTIVE that was opened before the earn is the one the earn used (the documents
  // do not say an earn closes it): not a next one.
  const leftOpen = {
    ...record,
    issuals: record.issuals.slice(0, 1).map((used) => ({
      ...used,
      status: 'ACTIVE',
      expiresAt: now + 5 * DAY,
    })),
  }
  expect(badgeTruth(memberFacts(definition, leftOpen, now), now)).toMatchObject({
    kind: 'earned',
    next: { kind: 'when-opened' },
  })
  // The list cannot see issues: a held issued badge's record is read, as one not held is.
  expect(needsMemberRecord(makeBadge({ earnType: 'ISSUE_EARN', earnedCount: 1 }), true)).toBe(true)
})

test('past the records read, a badge earned before and not held reads as run out, not as never earned', () => {
  const listed = makeBadge({ earnedCount: 2, lastEarnedAt: now - 400 * DAY, limits: [] })
  // The earned list was read to its end and does not hold it: it ran out (when, the list does not say).
  expect(badgeTruth(availableListFacts(listed, null, null, now, true), now)).toMatchObject({
    kind: 'expired',
    at: null,
    times: 2,
  })
  // Read only in part, the earned list cannot say the member does not hold it: no such claim.
  expect(badgeTruth(availableListFacts(listed, null, null, now, false), now).kind).not.toBe(
    'expired',
  )
  // Never earned: on offer as before.
  const fresh = makeBadge({ earnedCount: null, limits: [] })
  expect(badgeTruth(availableListFacts(fresh, null, null, now, true), now).kind).toBe('can-earn')
  // An issued one is no guess: a fresh issue may have it in progress, which only its record says.
  const issued = makeBadge({ earnType: 'ISSUE_EARN', earnedCount: 1, limits: [] })
  expect(badgeTruth(availableListFacts(issued, null, null, now, true), now).kind).not.toBe(
    'expired',
  )
})

test('the records read go first to badges the list cannot even guess, then to supplies', () => {
  const supply = () =>
    makeBadge({ limits: [limit({ scope: 'badge', kind: 'total', max: 500, used: 10 })] })
  const supplies = Array.from({ length: 30 }, supply)
  const earnedBefore = makeBadge({ earnedCount: 2 })
  const issued = makeBadge({ earnType: 'ISSUE_EARN' })
  const held = makeBadge({ earnedCount: 1 })
  const read = recordsToRead([...supplies, earnedBefore, held, issued], (badge) => badge === held)
  expect(read).toHaveLength(SETTLE_AT_MOST)
  expect(read.slice(0, 2)).toEqual([earnedBefore, issued])
  expect(read).not.toContain(held)
  expect(read.slice(2)).toEqual(supplies.slice(0, SETTLE_AT_MOST - 2))
})

test('an issue that closes before the limit frees up is not a promise of "again from"', () => {
  // Held, this cycle's one earn used, and the brand has opened it again: earned on this issue
  // only if the issue is still open when the cycle resets.
  const issuedAgain = (earnBy: number) =>
    facts({
      needsIssue: true,
      held: { until: now + 20 * DAY },
      times: 1,
      lastEarnedAt: now - 2 * DAY,
      limits: [monthly],
      issued: { earnBy },
    })
  const reset = Date.UTC(2026, 11, 21, 18)
  expect(nextEarn(issuedAgain(reset + DAY), now)).toEqual({ kind: 'from', at: reset })
  // The issue closes first: "as often as allowed for now", with no date the issue would miss.
  expect(nextEarn(issuedAgain(reset - DAY), now)).toEqual({ kind: 'from', at: null })
  expect(nextEarn(issuedAgain(reset), now)).toEqual({ kind: 'from', at: null })
  // A badge earned without an issue is not held to any issue's end.
  expect(nextEarn({ ...issuedAgain(reset - DAY), needsIssue: false }, now)).toEqual({
    kind: 'from',
    at: reset,
  })
})

test('an open issue the member cannot earn on is not "in progress"', () => {
  // Their copy ran out, and the brand opens it again inside the window whose one earn they used:
  // the issue closes before the window resets.
  const ranOut = facts({
    needsIssue: true,
    lapsed: { at: now - DAY },
    times: 1,
    lastEarnedAt: Date.UTC(2026, 10, 23),
    limits: [monthly],
    issued: { earnBy: now + 10 * DAY },
  })
  // (Its limit is what stops it, not the brand: "as often as allowed for now", while the page's
  // story shows the issue opened today.)
  expect(badgeTruth(ranOut, now)).toMatchObject({
    kind: 'expired',
    next: { kind: 'from', at: null },
  })
  // Open long enough for the window to reset: earned on this issue from then on, as it says.
  expect(badgeTruth({ ...ranOut, issued: { earnBy: now + 40 * DAY } }, now)).toMatchObject({
    kind: 'expired',
    next: { kind: 'from', at: Date.UTC(2026, 11, 21, 18) },
  })
  // Everybody's supply used up: no longer available to anyone, issued or not.
  const soldOut = facts({
    needsIssue: true,
    issued: { earnBy: now + 10 * DAY },
    limits: [limit({ kind: 'total', scope: 'badge', max: 10, used: 10 })],
  })
  expect(badgeTruth(soldOut, now)).toEqual({ kind: 'no-longer', why: 'sold-out', at: null })
  // Room in the window: in progress, as before.
  expect(badgeTruth({ ...ranOut, lastEarnedAt: now - 60 * DAY }, now)).toEqual({
    kind: 'in-progress',
    earnBy: now + 10 * DAY,
  })
})

test('an issued badge the member cannot earn on is never "not open to you yet" by mistake', () => {
  const issuedTo = (overrides: Partial<BadgeFacts>) =>
    facts({ needsIssue: true, issued: { earnBy: now + 5 * DAY }, ...overrides })
  // Earned as often as allowed for life (a copy gone without trace on the lists): said so.
  expect(
    badgeTruth(issuedTo({ times: 1, limits: [limit({ kind: 'total', max: 1, used: 1 })] }), now),
  ).toEqual({ kind: 'no-longer', why: 'limit-reached', at: null })
  // Not started, and the issue closes before it starts: no "opens on" date the issue would miss.
  const later = issuedTo({ startsAt: now + 10 * DAY })
  expect(nextEarn(later, now)).toEqual({ kind: 'when-opened' })
  expect(badgeTruth(later, now)).toEqual({ kind: 'not-yet', startsAt: null })
  // Open past the start: from the start, on this issue.
  expect(badgeTruth({ ...later, issued: { earnBy: now + 20 * DAY } }, now)).toEqual({
    kind: 'not-yet',
    startsAt: now + 10 * DAY,
  })
})

test('earned before with no record to say more: open, but not claimed to be open now', () => {
  const unread = facts({ times: 2, lastEarnedAt: now - 40 * DAY })
  expect(badgeTruth(unread, now)).toMatchObject({ kind: 'can-earn', unsure: true })
  expect(badgeTruth(facts(), now)).not.toHaveProperty('unsure')
})

test('before the earned list has said, only the records needed whatever it says', () => {
  const issued = makeBadge({ earnType: 'ISSUE_EARN' })
  const earnedBefore = makeBadge({ earnedCount: 2 })
  const never = makeBadge()
  expect(recordsToRead([earnedBefore, never, issued], null)).toEqual([issued])
  expect(recordsToRead([earnedBefore, never, issued], () => false)).toEqual([earnedBefore, issued])
})

test('a badge the brand issues, its time for issues over and none open: over, not "not open yet"', () => {
  const issued = { needsIssue: true, issuesEndAt: now - 10 * DAY }
  expect(badgeTruth(facts(issued), now)).toEqual({
    kind: 'no-longer',
    why: 'ended',
    at: now - 10 * DAY,
  })
  // Before that date it may still be opened to them: no date promised.
  expect(badgeTruth(facts({ ...issued, issuesEndAt: now + 10 * DAY }), now)).toEqual({
    kind: 'not-yet',
    startsAt: null,
  })
  // One still open (opened before the end) is theirs to earn on.
  expect(badgeTruth(facts({ ...issued, issued: { earnBy: now + 2 * DAY } }), now)).toEqual({
    kind: 'in-progress',
    earnBy: now + 2 * DAY,
  })
  // Held: theirs, with no "again".
  const held = badgeTruth(facts({ ...issued, times: 1, held: { until: null } }), now)
  expect(held).toMatchObject({ kind: 'earned', next: { kind: 'never' } })
  // The member's record says it from the badge's rule for issues.
  const record = makeMemberBadge({
    earnType: 'ISSUE_EARN',
    issueExpiry: { kind: 'fixed-date', at: now - DAY },
  })
  const fromRecord = memberFacts(
    { startsAt: null, endsAt: null, status: 'LIVE', limits: [], earnType: 'ISSUE_EARN' },
    record,
    now,
  )
  expect(badgeTruth(fromRecord, now)).toEqual({ kind: 'no-longer', why: 'ended', at: now - DAY })
})

test('an earn the brand took back is not when the member last earned it', () => {
  const earn = (earnedAt: number, revokedAt: number | null = null) => ({
    id: null,
    status: revokedAt === null ? 'ACTIVE' : 'REVOKED',
    earnedAt,
    expiresAt: earnedAt + 92 * DAY,
    revokedAt,
    eventAt: earnedAt,
  })
  // The record's own "last earned" still names the revoked one.
  const record = makeMemberBadge({
    earns: [earn(now - 180 * DAY), earn(now - 91 * DAY), earn(now - 2 * DAY, now - DAY)],
    lastEarnedAt: now - 2 * DAY,
    activeEarnedCount: 2,
  })
  const facts = memberFacts(
    { startsAt: null, endsAt: null, status: 'LIVE', limits: [], earnType: 'EARN' },
    record,
    now,
  )
  expect(facts.lastEarnedAt).toBe(now - 91 * DAY)
  expect(facts.times).toBe(2)
  // Without the history, the record's date is all there is.
  const bare = memberFacts(
    { startsAt: null, endsAt: null, status: 'LIVE', limits: [], earnType: 'EARN' },
    makeMemberBadge({ lastEarnedAt: now - 2 * DAY }),
    now,
  )
  expect(bare.lastEarnedAt).toBe(now - 2 * DAY)
})
