import { type Benefit, type EarnLimit, type Expiry, type Span } from '../badges/types.ts'
import { formatDate, formatNumber } from './format.ts'

// Plain-language sentences for limits, expiry rules and rewards. Pure: what they say depends only
// on their arguments, so they are tested directly.

const unitWords = {
  DAYS: ['day', 'days'],
  WEEKS: ['week', 'weeks'],
  MONTHS: ['month', 'months'],
} as const
const plural = new Intl.PluralRules('en')

function units({ unit, length }: Span): string {
  const [one, many] = unitWords[unit]
  return length === 1 ? one : `${formatNumber(length)} ${many}`
}

export function times(n: number): string {
  if (n === 1) return 'once'
  if (n === 2) return 'twice'
  return `${formatNumber(n)} ${plural.select(n) === 'one' ? 'time' : 'times'}`
}

/** "1 week", "3 months": an amount of time. */
function duration({ unit, length }: Span): string {
  const [one, many] = unitWords[unit]
  return `${formatNumber(length)} ${plural.select(length) === 'one' ? one : many}`
}

function cycleName(window: Span): string {
  if (window.length === 1)
    return { DAYS: 'today', WEEKS: 'this week', MONTHS: 'this month' }[window.unit]
  return `this ${formatNumber(window.length)}-${unitWords[window.unit][0]} cycle`
}

export type LimitText = { rule: string; progress: string | null }

/** "Up to 2 times every 3 days." with "1 of 2 this 3-day cycle, resets 4 Jul." */
export function limitText(limit: EarnLimit): LimitText {
  const { max, window, used } = limit
  const member = limit.scope === 'member'
  if (limit.kind === 'unlimited') {
    return {
      rule: member ? 'You can earn it as often as you like.' : 'No overall limit.',
      progress: null,
    }
  }
  if (max === null || limit.kind === 'unknown' || (limit.kind !== 'total' && window === null)) {
    return {
      rule: member ? 'A personal limit applies.' : 'An overall limit applies.',
      progress: null,
    }
  }
  if (limit.kind === 'total') {
    if (member) {
      return {
        rule:
          max === 1
            ? 'You can earn this badge once.'
            : `You can earn this badge up to ${times(max)}.`,
        progress: used === null ? null : `Earned ${formatNumber(used)} of ${formatNumber(max)}.`,
      }
    }
    return {
      rule: `Limited to ${formatNumber(max)} earns across all members.`,
      progress: used === null ? null : `${formatNumber(Math.max(max - used, 0))} left.`,
    }
  }
  if (window === null) return { rule: 'A limit applies.', progress: null }
  const every = limit.kind === 'fixed-window' ? `every ${units(window)}` : `in any ${units(window)}`
  const rule = member
    ? `Up to ${times(max)} ${every}.`
    : `Up to ${formatNumber(max)} earns by all members ${every}.`
  if (used === null) return { rule, progress: null }
  if (limit.kind === 'rolling-window') {
    return {
      rule,
      progress: `${formatNumber(used)} of ${formatNumber(max)} in the last ${units(window)}.`,
    }
  }
  const resets = limit.cycle?.end ? `, resets ${formatDate(limit.cycle.end)}` : ''
  return {
    rule,
    progress: `${formatNumber(used)} of ${formatNumber(max)} ${cycleName(window)}${resets}.`,
  }
}

/** How long an earned badge lasts, or null when the rule is unknown. */
export function earnExpiryText(expiry: Expiry, badgeExpiresAt: number | null): string | null {
  switch (expiry.kind) {
    case 'never':
      return 'Once earned, it never expires.'
    case 'relative':
      return `Once earned, it lasts ${duration(expiry.after)}.`
    case 'fixed-date':
      return expiry.at === null ? null : `Earned badges expire on ${formatDate(expiry.at)}.`
    case 'with-badge':
      return badgeExpiresAt === null
        ? 'Earned badges expire when the badge ends.'
        : `Earned badges expire when the badge ends, on ${formatDate(badgeExpiresAt)}.`
    default:
      return null
  }
}

/** How long the member has to earn a badge once it is issued to them. */
export function issueExpiryText(expiry: Expiry, badgeExpiresAt: number | null): string | null {
  switch (expiry.kind) {
    case 'never':
      return 'Once issued to you, it stays open to earn.'
    case 'relative':
      return `Once issued to you, you have ${duration(expiry.after)} to earn it.`
    case 'fixed-date':
      return expiry.at === null ? null : `Once issued to you, earn it by ${formatDate(expiry.at)}.`
    case 'with-badge':
      return badgeExpiresAt === null
        ? null
        : `Once issued to you, earn it by ${formatDate(badgeExpiresAt)}.`
    default:
      return null
  }
}

export function benefitText(benefit: Benefit): string {
  if (benefit.description?.trim()) return benefit.description.trim()
  if (benefit.kind === 'coupon') return 'A coupon'
  if (benefit.kind === 'points') {
    return benefit.points === null
      ? 'Loyalty points'
      : `${formatNumber(benefit.points)} loyalty points`
  }
  return 'A reward'
}
