import { type Expiry, type Span } from './types.ts'

/** An expiry rule as the API sends it, fields read tolerantly and instants in milliseconds. */
export type RawExpiry = {
  expiryType: string | null
  relativeExpirytype: string | null
  value: number | null
  type: string | null
  expiresOn: number | null
  expireWithBadgeMeta: boolean | null
}

export function normalizeExpiry(raw: RawExpiry | null): Expiry {
  if (raw === null) return { kind: 'unknown' }
  switch (raw.expiryType?.toUpperCase()) {
    case 'NEVER':
      return { kind: 'never' }
    case 'RELATIVE': {
      const unit = raw.relativeExpirytype?.toUpperCase()
      if (
        (unit === 'DAYS' || unit === 'WEEKS' || unit === 'MONTHS') &&
        raw.value !== null &&
        raw.value > 0
      ) {
        return { kind: 'relative', after: { unit, length: raw.value } }
      }
      return { kind: 'unknown' }
    }
    case 'ABSOLUTE':
      if (raw.expireWithBadgeMeta === true || raw.type?.toUpperCase() === 'WITH_BADGE_META') {
        return { kind: 'with-badge' }
      }
      return { kind: 'fixed-date', at: raw.expiresOn }
    default:
      return { kind: 'unknown' }
  }
}

/** `from` plus a span, with months as calendar months (31 Jan + 1 month = end of February). */
export function addSpan(from: number, { unit, length }: Span): number {
  if (unit === 'DAYS') return from + length * 86_400_000
  if (unit === 'WEEKS') return from + length * 7 * 86_400_000
  const date = new Date(from)
  const day = date.getUTCDate()
  date.setUTCDate(1)
  date.setUTCMonth(date.getUTCMonth() + length)
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate()
  date.setUTCDate(Math.min(day, lastDay))
  return date.getTime()
}

/** When something earned (or issued) at `start` under this rule stops counting; null: never or unknown. */
export function expiresAt(
  expiry: Expiry,
  start: number | null,
  badgeExpiresAt: number | null,
): number | null {
  switch (expiry.kind) {
    case 'relative':
      return start === null ? null : addSpan(start, expiry.after)
    case 'fixed-date':
      return expiry.at
    case 'with-badge':
      return badgeExpiresAt
    default:
      return null
  }
}

export type ExpiryStatus =
  | { kind: 'none' }
  | { kind: 'expired'; at: number }
  | { kind: 'expires'; at: number; remainingMs: number }

export function expiryStatus(at: number | null, now: number): ExpiryStatus {
  if (at === null) return { kind: 'none' }
  return at <= now ? { kind: 'expired', at } : { kind: 'expires', at, remainingMs: at - now }
}
