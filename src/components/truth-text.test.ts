import { expect, test } from 'vitest'
import { type BadgeTruth } from '../badges/truth.ts'
import { formatDate, formatRelative } from './format.ts'
import { cardLines, endedTooSentence, heroSentences, truthLabel } from './truth-text.ts'

const DAY = 86_400_000
const now = Date.UTC(2026, 10, 28, 12)
const earnedAt = Date.UTC(2026, 6, 30, 10)
const activityAt = Date.UTC(2026, 6, 29, 18)

/** Held for good, earned once, on the earning's date. */
const held: BadgeTruth = {
  kind: 'earned',
  until: null,
  times: 1,
  lastEarnedAt: earnedAt,
  next: { kind: 'never' },
}

const texts = (truth: BadgeTruth, activity?: number | null) =>
  cardLines(truth, now, activity).map((line) => line.text)

test('a card says when the badge was earned, expired or not: a list by date is in that order', () => {
  expect(texts(held)).toEqual(['Yours to keep', `Earned ${formatDate(earnedAt)}`])
  const ranOut: BadgeTruth = {
    kind: 'expired',
    at: now - 21 * DAY,
    times: 1,
    lastEarnedAt: earnedAt,
    next: { kind: 'never' },
  }
  expect(texts(ranOut)).toEqual([
    `Expired ${formatDate(now - 21 * DAY)}`,
    `Earned ${formatDate(earnedAt)}`,
  ])
  // Not known when: no date made up.
  expect(texts({ ...ranOut, lastEarnedAt: null })).toEqual([
    `Expired ${formatDate(now - 21 * DAY)}`,
  ])
})

test("in a list by activity, a card gives the activity's date, else (not known) the earning's", () => {
  expect(texts(held, activityAt)).toEqual(['Yours to keep', `Activity ${formatDate(activityAt)}`])
  expect(texts(held, null)).toEqual(['Yours to keep', `Earned ${formatDate(earnedAt)}`])
})

test('a copy that ran out and waits for the brand to open it again says so, nowhere "again now"', () => {
  const waiting: BadgeTruth = {
    kind: 'expired',
    at: now - 8 * DAY,
    times: 1,
    lastEarnedAt: earnedAt,
    next: { kind: 'when-opened' },
  }
  expect(texts(waiting)).toEqual([
    `Expired ${formatDate(now - 8 * DAY)}`,
    `Earned ${formatDate(earnedAt)}`,
    'Not open to you again yet',
  ])
  expect(heroSentences(waiting, now)).toEqual([
    `You earned it on ${formatDate(earnedAt)}.`,
    `It expired on ${formatDate(now - 8 * DAY)}.`,
    'It is not open to you again yet.',
  ])
  expect(truthLabel(waiting)).toBe('expired')
  // Held: the card gives no such news.
  expect(texts({ ...held, next: { kind: 'when-opened' } })).toEqual([
    'Yours to keep',
    `Earned ${formatDate(earnedAt)}`,
  ])
})

test('a deadline close by reads as a deadline, not as a wait', () => {
  const open: BadgeTruth = { kind: 'in-progress', earnBy: now + 23 * DAY }
  expect(texts(open)).toEqual([`Time to earn it ends ${formatRelative(now + 23 * DAY, now)}`])
  // Open to them with no end: the words of an open badge's card, not the alt text's.
  expect(texts({ kind: 'in-progress', earnBy: null })).toEqual(['Ready to earn now'])
})

test('a badge open to the member says so on its card, even with nothing else to say', () => {
  const open = (until: number | null, left: number | null = null) =>
    ({ kind: 'can-earn', until, left }) as const
  // Open for good, or until long after: that it is open now, the summary's "to earn now".
  expect(texts(open(null))).toEqual(['Ready to earn now'])
  expect(texts(open(now + 900 * DAY))).toEqual(['Ready to earn now'])
  // A supply or an end comes after it: every card counted as "to earn now" says so.
  expect(texts(open(null, 812))).toEqual(['Ready to earn now', 'Only 812 left'])
  expect(texts(open(now + 40 * DAY))).toEqual([
    'Ready to earn now',
    `Open until ${formatDate(now + 40 * DAY)}`,
  ])
  expect(texts(open(now + 5 * DAY, 99))).toEqual([
    'Ready to earn now',
    'Only 99 left',
    `Ends ${formatRelative(now + 5 * DAY, now)}`,
  ])
})

test('a supply is a warning only when it is running out: hundreds left are news, not urgency', () => {
  const left = (count: number) =>
    cardLines({ kind: 'can-earn', until: null, left: count }, now, null)[1]
  expect(left(812)).toEqual({ text: 'Only 812 left', tone: 'plain' })
  expect(left(99)).toEqual({ text: 'Only 99 left', tone: 'urgent' })
})

test('a badge earned before whose record was not read claims only that, in every place', () => {
  const unsure: BadgeTruth = { kind: 'can-earn', until: null, left: null, unsure: true }
  // Whether it is open again now is not known: not "Ready to earn now", and not "not earned yet".
  expect(texts(unsure)).toEqual(['Earned before'])
  expect(truthLabel(unsure)).toBe('earned before')
  expect(heroSentences(unsure, now)).toEqual(['You have earned this badge before.'])
  // What is known still says itself.
  expect(texts({ ...unsure, left: 40 })).toEqual(['Earned before', 'Only 40 left'])
})

test('a held copy of a badge that has ended says so once; a copy that ran out with it, not the date again', () => {
  const ended = now - 20 * DAY
  const ranOutWithIt: BadgeTruth = {
    kind: 'expired',
    at: ended,
    lastEarnedAt: earnedAt,
    times: 1,
    next: { kind: 'never' },
  }
  expect(endedTooSentence(ranOutWithIt, ended, now)).toBe('The badge itself ended that day.')
  expect(endedTooSentence({ ...ranOutWithIt, at: ended - 30 * DAY }, ended, now)).toBe(
    `This badge ended on ${formatDate(ended)}.`,
  )
  // Not yet ended, or over for everyone (its own sentence says it already): nothing to add.
  expect(endedTooSentence(ranOutWithIt, now + DAY, now)).toBeNull()
  expect(endedTooSentence({ kind: 'no-longer', why: 'ended', at: ended }, ended, now)).toBeNull()
})
