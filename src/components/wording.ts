import { type Benefit, type EarnLimit, type Expiry, type Span } from '../badges/types.ts'
import { t } from '../i18n/i18n.ts'
import { formatDate } from './format.ts'

// Plain-language sentences for limits, expiry rules and rewards, from the message catalogs. Pure:
// what they say depends only on their arguments and the active language.

function unitName({ unit, length }: Span): string {
  return t(`unit.${unit}`, { count: length })
}

/** "every 3 days", "every week"; `rolling`: "in any 7 days". */
function window(span: Span, rolling: boolean): string {
  const kind = rolling ? 'rolling' : 'every'
  return span.length === 1
    ? t(`window.${kind}.${span.unit}.1`)
    : t(`window.${kind}.${span.unit}.n`, { duration: duration(span) })
}

/** "1 week", "3 months": an amount of time. */
function duration(span: Span): string {
  return t('duration', { count: span.length, length: span.length, units: unitName(span) })
}

export function times(n: number): string {
  return n === 2 ? t('times.2') : t('times', { count: n })
}

function cycleName(span: Span): string {
  if (span.length === 1) return t(`cycle.${span.unit}.1`)
  // The unit agrees with the count: "3 jours", "٣ أيام", "يومين".
  return t('cycle.n', { duration: duration(span) })
}

export type LimitText = { rule: string; progress: string | null }

/** "Up to twice every 3 days." with "1 of 2 since 1 Jul, resets 4 Jul." */
export function limitText(limit: EarnLimit): LimitText {
  const { max, window: span, used } = limit
  const scope = limit.scope === 'member' ? 'member' : 'badge'
  if (limit.kind === 'unlimited') return { rule: t(`limit.${scope}.unlimited`), progress: null }
  if (max === null || limit.kind === 'unknown' || (limit.kind !== 'total' && span === null)) {
    return { rule: t(`limit.${scope}.unknown`), progress: null }
  }
  if (limit.kind === 'total') {
    if (scope === 'member') {
      return {
        rule: max === 1 ? t('limit.member.once') : t('limit.member.total', { times: times(max) }),
        // "Earned 0 of 1." counts what has not happened: a member reads "Not earned yet."
        progress:
          used === null
            ? null
            : used === 0
              ? t('limit.member.total.none')
              : t('limit.member.total.used', { used, max }),
      }
    }
    return {
      rule: t('limit.badge.total', { max }),
      progress:
        used === null ? null : t('limit.badge.total.left', { left: Math.max(max - used, 0) }),
    }
  }
  if (span === null) return { rule: t(`limit.${scope}.unknown`), progress: null }
  const rolling = limit.kind === 'rolling-window'
  const rule =
    scope === 'member'
      ? t('limit.member.window', { times: times(max), window: window(span, rolling) })
      : t('limit.badge.window', { max, window: window(span, rolling) })
  if (used === null) return { rule, progress: null }
  if (rolling) {
    // "the last 7 days", "les 7 jours écoulés", "le dernier mois": each language its own way.
    const last =
      span.length === 1
        ? t(`last.${span.unit}.1`)
        : t(`last.${span.unit}.n`, { duration: duration(span) })
    return { rule, progress: t('limit.rolling.used', { used, max, window: last }) }
  }
  const cycle = cycleName(span)
  const start = limit.cycle?.start
  const end = limit.cycle?.end
  // A cycle counted from the limit's start is not the calendar's ("this month" would say so):
  // where both ends are known, they are what the member reads.
  let progress = t('limit.fixed.used', { used, max, cycle })
  if (end && start)
    progress = t('limit.fixed.used.since', {
      used,
      max,
      start: formatDate(start),
      date: formatDate(end),
    })
  else if (end) progress = t('limit.fixed.used.resets', { used, max, cycle, date: formatDate(end) })
  return { rule, progress }
}

/** How long an earned badge lasts, or null when the rule is unknown. */
export function earnExpiryText(expiry: Expiry, badgeExpiresAt: number | null): string | null {
  switch (expiry.kind) {
    case 'never':
      return t('expiry.earn.never')
    case 'relative':
      return t('expiry.earn.relative', { duration: duration(expiry.after) })
    case 'fixed-date':
      return expiry.at === null ? null : t('expiry.earn.fixed', { date: formatDate(expiry.at) })
    case 'with-badge':
      return badgeExpiresAt === null
        ? t('expiry.earn.with-badge')
        : t('expiry.earn.with-badge.date', { date: formatDate(badgeExpiresAt) })
    default:
      return null
  }
}

/** How long the member has to earn a badge once it is issued to them. */
export function issueExpiryText(expiry: Expiry, badgeExpiresAt: number | null): string | null {
  switch (expiry.kind) {
    case 'never':
      return t('expiry.issue.never')
    case 'relative':
      return t('expiry.issue.relative', { duration: duration(expiry.after) })
    case 'fixed-date':
      return expiry.at === null ? null : t('expiry.issue.by', { date: formatDate(expiry.at) })
    case 'with-badge':
      return badgeExpiresAt === null
        ? null
        : t('expiry.issue.by', { date: formatDate(badgeExpiresAt) })
    default:
      return null
  }
}

export function benefitText(benefit: Benefit): string {
  if (benefit.description?.trim()) return benefit.description.trim()
  if (benefit.kind === 'coupon') return t('benefit.coupon')
  if (benefit.kind === 'points') {
    return benefit.points === null
      ? t('benefit.points.unknown')
      : t('benefit.points', { count: benefit.points })
  }
  return t('benefit.other')
}
