import {
  type BadgeTruth,
  type NextEarn,
  openAgain,
  overForAll,
  supplyRunningOut,
} from '../badges/truth.ts'
import { t } from '../i18n/i18n.ts'
import { formatDate, formatRelative, sameDay } from './format.ts'
import { times } from './wording.ts'

// What the truth about a badge says in the member's words: a short line for a card, a sentence
// for the badge's own page, and the words for its image's alt text. All from the one rule.

const DAY = 86_400_000
/** An expiry this close is urgent: it stands out on cards and counts as "expiring soon". */
export const SOON_MS = 30 * DAY
const OPEN_UNTIL_MS = 180 * DAY

export type Tone = 'urgent' | 'good' | 'plain' | 'quiet'
export type Line = { text: string; tone: Tone }

/** The state in a few words, for the image's alt text and the cards' label for locked badges. */
export function truthLabel(truth: BadgeTruth): string {
  if (truth.kind === 'can-earn' && truth.unsure) return t('truth.label.earned-before')
  return openAgain(truth) ? t('truth.label.open-again') : t(`truth.label.${truth.kind}`)
}

/** The next step on a card; "not open again yet" only for a copy that ran out (a held one is news enough). */
function nextLine(next: NextEarn, held = false): Line | null {
  if (next.kind === 'now') return { text: t('truth.next.now'), tone: 'good' }
  if (next.kind === 'from' && next.at !== null)
    return { text: t('truth.next.from', { date: formatDate(next.at) }), tone: 'plain' }
  if (next.kind === 'when-opened' && !held)
    return { text: t('truth.next.when-opened'), tone: 'plain' }
  return null
}

/**
 * When the member last earned it, or (a list sorted by activity: `activityAt` given) when the
 * activity that earned it happened: the date the list is in order of, on each card.
 */
function datedLine(
  lastEarnedAt: number | null,
  activityAt: number | null | undefined,
): Line | null {
  if (activityAt !== undefined && activityAt !== null)
    return { text: t('truth.card.activity-on', { date: formatDate(activityAt) }), tone: 'quiet' }
  return lastEarnedAt === null
    ? null
    : { text: t('truth.card.earned-on', { date: formatDate(lastEarnedAt) }), tone: 'quiet' }
}

/** A card's lines: the one that matters most first, then the next step when there is one. */
export function cardLines(truth: BadgeTruth, now: number, activityAt?: number | null): Line[] {
  switch (truth.kind) {
    case 'earned': {
      const first: Line =
        truth.until === null
          ? { text: t('truth.card.keep'), tone: 'quiet' }
          : truth.until - now <= SOON_MS
            ? {
                text: t('truth.card.expires', { relative: formatRelative(truth.until, now) }),
                tone: 'urgent',
              }
            : { text: t('truth.card.until', { date: formatDate(truth.until) }), tone: 'quiet' }
      // When it was last earned, as its page says it (the sort by "Recently earned" shows why).
      return [first, datedLine(truth.lastEarnedAt, activityAt), nextLine(truth.next, true)].filter(
        (line): line is Line => line !== null,
      )
    }
    case 'expired': {
      const first: Line =
        truth.at === null
          ? { text: t('truth.label.expired'), tone: 'quiet' }
          : { text: t('truth.card.expired', { date: formatDate(truth.at) }), tone: 'quiet' }
      // Ran out, and may be earned again: the card says so, as the badge's page does. When it was
      // earned stays: a list by date has it in that place.
      return [first, datedLine(truth.lastEarnedAt, activityAt), nextLine(truth.next)].filter(
        (line): line is Line => line !== null,
      )
    }
    case 'in-progress':
      return [
        // Open to them with no end: as an open badge says it (the alt text's words are lowercase).
        truth.earnBy === null
          ? { text: t('truth.card.ready'), tone: 'good' }
          : truth.earnBy - now <= SOON_MS
            ? {
                text: t('truth.card.earn-by-soon', { relative: formatRelative(truth.earnBy, now) }),
                tone: 'urgent',
              }
            : { text: t('truth.card.earn-by', { date: formatDate(truth.earnBy) }), tone: 'good' },
      ]
    case 'can-earn': {
      // That it is open to them now comes first on every card that knows it, whatever else it
      // says, so the summary's "to earn now" can be traced to the cards (Holiday Cheer said only
      // its supply and its end, and a member counting found one short). A badge earned before
      // whose record was not read does not know it: it says that it was earned before instead.
      const lines: Line[] = [
        truth.unsure
          ? { text: t('truth.card.earned-before'), tone: 'quiet' }
          : { text: t('truth.card.ready'), tone: 'good' },
      ]
      if (truth.left !== null)
        lines.push({
          text: t('truth.card.left', { count: truth.left }),
          tone: supplyRunningOut(truth.left) ? 'urgent' : 'plain',
        })
      if (truth.until !== null && truth.until - now <= SOON_MS)
        lines.push({
          text: t('truth.card.ends-soon', { relative: formatRelative(truth.until, now) }),
          tone: 'urgent',
        })
      // A far-off end is no news on a card; the badge's page says it.
      else if (truth.until !== null && truth.until - now <= OPEN_UNTIL_MS)
        lines.push({
          text: t('truth.card.open-until', { date: formatDate(truth.until) }),
          tone: 'quiet',
        })
      return lines
    }
    case 'earn-again-from':
      return [
        truth.at === null
          ? { text: t('truth.label.earn-again-from'), tone: 'plain' }
          : { text: t('truth.next.from', { date: formatDate(truth.at) }), tone: 'plain' },
      ]
    case 'not-yet':
      return [
        truth.startsAt === null
          ? { text: t('truth.card.opens-later'), tone: 'plain' }
          : { text: t('truth.card.opens', { date: formatDate(truth.startsAt) }), tone: 'plain' },
      ]
    case 'no-longer':
      return [
        truth.why === 'ended' && truth.at !== null
          ? { text: t('truth.card.ended', { date: formatDate(truth.at) }), tone: 'quiet' }
          : { text: t(`truth.card.${truth.why}`), tone: 'quiet' },
      ]
  }
}

/** When the member earned it, as its card says it: "You earned it twice, last on …". */
function earnedWhen(lastEarnedAt: number, count: number): string {
  return count > 1
    ? t('truth.hero.earned-times', {
        count,
        // "twice", as the limits say it, not "2 times"
        times: times(count),
        date: formatDate(lastEarnedAt),
      })
    : t('truth.hero.earned-on', { date: formatDate(lastEarnedAt) })
}

/**
 * On the page of a badge the member holds or held, after its sentences: that the badge itself has
 * ended (`endsAt`, past), as a badge never earned says it. A copy that ran out with the badge, the
 * same day, has that date said just before: not twice. Null when there is nothing to add.
 */
export function endedTooSentence(
  truth: BadgeTruth,
  endsAt: number | null,
  now: number,
): string | null {
  if (endsAt === null || endsAt > now || overForAll(truth)) return null
  return truth.kind === 'expired' && truth.at !== null && sameDay(truth.at, endsAt)
    ? t('truth.hero.ended-same-day')
    : t('truth.hero.ended', { date: formatDate(endsAt) })
}

/** The one sentence at the top of a badge's own page, and the next step after it. */
export function heroSentences(truth: BadgeTruth, now: number): string[] {
  switch (truth.kind) {
    case 'earned': {
      const when =
        truth.lastEarnedAt === null
          ? t('truth.hero.earned')
          : earnedWhen(truth.lastEarnedAt, truth.times)
      const until =
        truth.until === null
          ? t('truth.hero.keep')
          : t('truth.hero.until', {
              date: formatDate(truth.until),
              relative: formatRelative(truth.until, now),
            })
      const next =
        truth.next.kind === 'now'
          ? t('truth.hero.again-now')
          : truth.next.kind === 'from' && truth.next.at !== null
            ? t('truth.hero.again-from', { date: formatDate(truth.next.at) })
            : null
      return next ? [when, until, next] : [when, until]
    }
    case 'expired':
      return [
        // When it was earned, as its card says it, then when it ran out.
        ...(truth.lastEarnedAt === null
          ? [
              truth.at === null
                ? t('truth.hero.expired-unknown')
                : t('truth.hero.expired', { date: formatDate(truth.at) }),
            ]
          : [
              earnedWhen(truth.lastEarnedAt, truth.times),
              truth.at === null
                ? t('truth.hero.ran-out')
                : t('truth.hero.ran-out-on', { date: formatDate(truth.at) }),
            ]),
        ...(truth.next.kind === 'now' ? [t('truth.hero.again-now')] : []),
        ...(truth.next.kind === 'from' && truth.next.at !== null
          ? [t('truth.hero.again-from', { date: formatDate(truth.next.at) })]
          : []),
        ...(truth.next.kind === 'when-opened' ? [t('truth.hero.again-when-opened')] : []),
      ]
    case 'in-progress':
      return [
        truth.earnBy === null
          ? t('truth.hero.in-progress')
          : t('truth.hero.earn-by', { date: formatDate(truth.earnBy) }),
      ]
    case 'can-earn':
      return [
        truth.unsure
          ? t('truth.hero.earned-before')
          : truth.until === null
            ? t('truth.hero.can-earn')
            : t('truth.hero.can-earn-until', { date: formatDate(truth.until) }),
        ...(truth.left !== null ? [t('detail.left', { count: truth.left })] : []),
      ]
    case 'earn-again-from':
      return [
        truth.at === null
          ? t('truth.hero.again-later')
          : t('truth.hero.again-from', { date: formatDate(truth.at) }),
      ]
    case 'not-yet':
      return [
        truth.startsAt === null
          ? t('truth.hero.opens-later')
          : t('truth.hero.opens', { date: formatDate(truth.startsAt) }),
      ]
    case 'no-longer':
      return [
        truth.why === 'ended' && truth.at !== null
          ? t('truth.hero.ended', { date: formatDate(truth.at) })
          : t(`truth.hero.${truth.why}`),
      ]
  }
}
