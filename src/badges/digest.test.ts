import { expect, test } from 'vitest'
import { makeBadge, makeLimit, makeMemberBadge } from '../test/factories.ts'
import {
  type Change,
  decodeSnapshot,
  diff,
  encodeSnapshot,
  type Snapshot,
  takeSnapshot,
} from './digest.ts'
import { type Judged } from './standing.ts'
import { availableListFacts, badgeTruth, earnedListFacts } from './truth.ts'
import { type CustomerBadge, type MemberBadge } from './types.ts'

const DAY = 86_400_000
const T0 = Date.UTC(2026, 10, 2, 12)

/** The two lists as the summary judges them at `now`: the same truths the cards show. */
function visit(now: number, earned: CustomerBadge[], available: CustomerBadge[], complete = true) {
  const judgedEarned: Judged[] = earned.map((badge) => ({
    badge,
    truth: badgeTruth(earnedListFacts(badge, now), now),
  }))
  const holding = new Map(earned.map((badge) => [badge.id, badge]))
  const judgedAvailable: Judged[] = available.map((badge) => ({
    badge,
    truth: badgeTruth(availableListFacts(badge, holding.get(badge.id) ?? null, null, now), now),
  }))
  return takeSnapshot(judgedEarned, judgedAvailable, complete)
}

const weekly = makeLimit({
  kind: 'rolling-window',
  max: 1,
  window: { unit: 'DAYS', length: 7 },
})

test('nothing changed: no news, even as time passes within the same state', () => {
  const held = makeBadge({ id: 'held', earnedCount: 1, lastEarnedAt: T0 - 10 * DAY })
  const open = makeBadge({ id: 'open' })
  const before = visit(T0, [held], [open])
  const after = visit(T0 + 2 * DAY, [held], [open])
  expect(diff(before, after, T0 + 2 * DAY)).toEqual([])
})

test('a badge earned for the first time, and one earned again, are news', () => {
  const fresh = makeBadge({ id: 'fresh' })
  const repeat = makeBadge({ id: 'repeat', earnedCount: 1, lastEarnedAt: T0 - DAY })
  const before = visit(T0, [repeat], [fresh])
  const later = T0 + DAY
  const after = visit(
    later,
    [
      { ...fresh, earnedCount: 1, lastEarnedAt: later },
      { ...repeat, earnedCount: 2, lastEarnedAt: later },
    ],
    [],
  )
  expect(diff(before, after, later)).toEqual<Change[]>([
    { kind: 'earned', badgeId: 'fresh' },
    { kind: 'earned-again', badgeId: 'repeat' },
  ])
})

test('a held badge whose hold ran out expired; one gone before its end was taken away', () => {
  const runsOut = makeBadge({ id: 'runs-out', earnedCount: 1, expiresAt: T0 + 3 * DAY })
  const revoked = makeBadge({ id: 'revoked', earnedCount: 1, expiresAt: T0 + 90 * DAY })
  const forGood = makeBadge({ id: 'for-good', earnedCount: 1 })
  const before = visit(T0, [runsOut, revoked, forGood], [])
  const later = T0 + 5 * DAY
  // The default earned list leaves out what ran out; revoking removes the badge from it too.
  const after = visit(later, [forGood], [])
  expect(diff(before, after, later)).toEqual<Change[]>([
    { kind: 'expired', badgeId: 'runs-out' },
    { kind: 'removed', badgeId: 'revoked' },
  ])
})

test('an expired badge still listed (with "show expired") is news once, as expired', () => {
  const badge = makeBadge({ id: 'b', earnedCount: 1, expiresAt: T0 + DAY })
  const before = visit(T0, [badge], [])
  const after = visit(T0 + 2 * DAY, [badge], [])
  expect(after.marks.get('b')?.held).toBe(false)
  expect(diff(before, after, T0 + 2 * DAY)).toEqual([{ kind: 'expired', badgeId: 'b' }])
  expect(diff(after, visit(T0 + 3 * DAY, [badge], []), T0 + 3 * DAY)).toEqual([])
})

test('a repeat badge whose used-up window opened again: the window reset', () => {
  const badge = makeBadge({
    id: 'weekly',
    limits: [weekly],
    earnedCount: 1,
    lastEarnedAt: T0 - 2 * DAY,
  })
  const before = visit(T0, [], [badge])
  expect(before.marks.get('weekly')?.open).toBe('wait')
  const later = T0 + 6 * DAY
  const after = visit(later, [], [badge])
  expect(diff(before, after, later)).toEqual([{ kind: 'window-reset', badgeId: 'weekly' }])
})

test('a held repeat badge whose window reset is news too, while the member still holds it', () => {
  const badge = makeBadge({
    id: 'weekly-held',
    limits: [weekly],
    earnedCount: 1,
    lastEarnedAt: T0 - 2 * DAY,
  })
  const before = visit(T0, [badge], [badge])
  const after = visit(T0 + 6 * DAY, [badge], [badge])
  expect(diff(before, after, T0 + 6 * DAY)).toEqual([
    { kind: 'window-reset', badgeId: 'weekly-held' },
  ])
})

test('a badge the member could no longer earn that is open to them again can be earned again', () => {
  const once = makeLimit({ kind: 'total', max: 1 })
  const closed = makeBadge({ id: 'again', limits: [once], earnedCount: 1, lastEarnedAt: T0 - DAY })
  const before = visit(T0, [], [closed])
  expect(before.marks.get('again')?.open).toBe('never')
  // The brand raised the limit: open to them again.
  const reopened = { ...closed, limits: [makeLimit({ kind: 'total', max: 2 })] }
  const after = visit(T0 + DAY, [], [reopened])
  expect(diff(before, after, T0 + DAY)).toEqual([{ kind: 'earn-again', badgeId: 'again' }])
})

test('a badge never earned that opens is not "earn again", and a new badge on offer is no news', () => {
  const upcoming = makeBadge({ id: 'soon', startsAt: T0 + DAY })
  const before = visit(T0, [], [upcoming])
  const after = visit(T0 + 2 * DAY, [], [upcoming, makeBadge({ id: 'new' })])
  expect(diff(before, after, T0 + 2 * DAY)).toEqual([])
})

test('the stored snapshot holds badge ids and numbers only, and reads back the same', () => {
  const badge = makeBadge({
    id: 'weekly',
    name: 'Secret Name',
    limits: [weekly],
    earnedCount: 1,
    lastEarnedAt: T0 - 2 * DAY,
    expiresAt: T0 + 9 * DAY,
  })
  const snapshot = visit(T0, [badge], [badge])
  const text = encodeSnapshot(snapshot)
  expect(text).not.toContain('Secret Name')
  expect(text).toMatch(/^\{"v":1,"c":1,"b":\{"weekly":\[1,1,\d+,0,1\]\}\}$/)
  expect(decodeSnapshot(text)).toEqual(snapshot)
})

test('a snapshot that is missing, not JSON, of another version or malformed reads as none', () => {
  for (const text of [
    null,
    '',
    '{',
    'null',
    '[]',
    '{"v":2,"c":1,"b":{}}',
    '{"v":1,"b":{}}',
    '{"v":1,"c":1,"b":[]}',
    '{"v":1,"c":1,"b":{"x":[1,1,null,0]}}',
    '{"v":1,"c":1,"b":{"x":[2,1,null,0,0]}}',
    '{"v":1,"c":1,"b":{"x":[1,-1,null,0,0]}}',
    '{"v":1,"c":1,"b":{"x":[1,1,"soon",0,0]}}',
    '{"v":1,"c":1,"b":{"x":[1,1,null,9,0]}}',
    '{"v":1,"c":1,"b":{"x":[1,1,null,"length",0]}}',
    '{"v":1,"c":1,"b":{"x":[1,1,null,0,0.5]}}',
  ]) {
    expect(decodeSnapshot(text), String(text)).toBeNull()
  }
  expect(decodeSnapshot('{"v":1,"c":0,"b":{}}')).toEqual({ complete: false, marks: new Map() })
})

test('a list read only in part: a badge out of sight is neither gone nor new', () => {
  const shown = makeBadge({ id: 'shown', earnedCount: 1 })
  const paged = makeBadge({ id: 'paged', earnedCount: 1 })
  // Last time "paged" was on a page not read; now it is, and "shown" has moved out of sight.
  const before = visit(T0, [shown], [], false)
  const after = visit(T0 + DAY, [paged], [], false)
  expect(diff(before, after, T0 + DAY)).toEqual([])
  // With the whole list read both times, the same lists do mean news.
  expect(diff(visit(T0, [shown], []), visit(T0 + DAY, [paged], []), T0 + DAY)).toEqual([
    { kind: 'earned', badgeId: 'paged' },
    { kind: 'removed', badgeId: 'shown' },
  ])
})

test('an issued badge the brand opens to the member again is news: they can earn it again', () => {
  const badge = makeBadge({
    id: 'issued',
    earnType: 'ISSUE_EARN',
    earnedCount: 1,
    lastEarnedAt: T0 - 40 * DAY,
    limits: [makeLimit({ kind: 'unlimited' })],
  })
  const earn = {
    id: 'e1',
    status: 'ACTIVE',
    earnedAt: T0 - 40 * DAY,
    expiresAt: T0 - 10 * DAY,
    revokedAt: null,
    eventAt: null,
  }
  const judge = (now: number, record: MemberBadge): Snapshot =>
    takeSnapshot(
      [],
      [{ badge, truth: badgeTruth(availableListFacts(badge, null, record, now), now) }],
    )
  const closed = makeMemberBadge({ id: 'issued', earnType: 'ISSUE_EARN', earns: [earn] })
  const before = judge(T0, closed)
  expect(before.marks.get('issued')).toMatchObject({ kind: 'expired', open: 'never' })
  const opened = {
    ...closed,
    issuals: [
      {
        id: 'i2',
        status: 'ACTIVE',
        issuedAt: T0 + DAY,
        expiresAt: T0 + 9 * DAY,
        revokedAt: null,
        eventAt: null,
      },
    ],
  }
  const after = judge(T0 + 2 * DAY, opened)
  expect(diff(before, after, T0 + 2 * DAY)).toEqual([{ kind: 'earn-again', badgeId: 'issued' }])
})

test('a badge earned before whose record was not read is not news that it is open again', () => {
  const badge = makeBadge({ id: 'unread' })
  const at = (truth: Judged['truth']): Judged[] => [{ badge, truth }]
  const before = takeSnapshot([], at({ kind: 'earn-again-from', at: T0 + DAY, times: 1 }))
  const after = takeSnapshot([], at({ kind: 'can-earn', until: null, left: null, unsure: true }))
  expect(diff(before, after, T0 + 2 * DAY)).toEqual([])
  // Once its record says it is open, it is.
  const known = takeSnapshot([], at({ kind: 'can-earn', until: null, left: null }))
  expect(diff(before, known, T0 + 2 * DAY)).toEqual([{ kind: 'window-reset', badgeId: 'unread' }])
})

test('badges earned on pages of the earned list not read are news too, as a count', () => {
  const held = (id: string): Judged => ({
    badge: makeBadge({ id }),
    truth: { kind: 'earned', until: null, times: 1, lastEarnedAt: T0, next: { kind: 'never' } },
  })
  const firstPage = ['a', 'b'].map(held)
  // The VIP: 326 held, one page read; then one earned on a page not read.
  const before = takeSnapshot(firstPage, [], false, 326)
  expect(diff(before, takeSnapshot(firstPage, [], false, 327), T0 + DAY)).toEqual([
    { kind: 'earned-unread', badgeId: '', count: 1 },
  ])
  // One the last visit saw on offer, now earned, and one elsewhere: each said once.
  const offered: Judged = {
    badge: makeBadge({ id: 'c' }),
    truth: { kind: 'can-earn', until: null, left: null },
  }
  const seen = takeSnapshot(firstPage, [offered], false, 326)
  expect(diff(seen, takeSnapshot([...firstPage, held('c')], [], false, 328), T0 + DAY)).toEqual([
    { kind: 'earned', badgeId: 'c' },
    { kind: 'earned-unread', badgeId: '', count: 1 },
  ])
  // The count survives the device's storage; a visit stored without it claims nothing.
  const stored = decodeSnapshot(encodeSnapshot(before))
  expect(stored?.held).toBe(326)
  const older = takeSnapshot(firstPage, [], false)
  expect(diff(older, takeSnapshot(firstPage, [], false, 327), T0 + DAY)).toEqual([])
  // Nothing earned, one run out on a page not read: no news claimed.
  expect(diff(before, takeSnapshot(firstPage, [], false, 325), T0 + DAY)).toEqual([])
})
