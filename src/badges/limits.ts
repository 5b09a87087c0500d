import { type EarnLimit, type Span, type TimeUnit, timeUnits } from './types.ts'

/**
 * A constraint as either endpoint sends it, fields already read tolerantly (unknown → null) and
 * instants in milliseconds. The list endpoints use `CUSTOMER_BADGE_*` / `BADGE_*` types with
 * `maxEarnFor{Days,Weeks,Months}` or `rollType`; the statistics endpoint uses `constraintLevel`
 * with `OVERALL | FIXED_WINDOW | ROLLING_WINDOW` and `earnConstraintBlockStatistics`.
 */
export type RawConstraint = {
  constraintType: string | null
  constraintLevel: string | null
  maxEarnLimit: number | null
  durationType: string | null
  refreshRate: number | null
  rollType: string | null
  rollValue: number | null
  rollingMaxima: Array<{ unit: string; max: number | null; length: number | null }>
  cycle: { start: number | null; end: number | null } | null
  since: number | null
  statistics: {
    current: number | null
    days: number | null
    weeks: number | null
    months: number | null
  } | null
}

function asUnit(value: string | null): TimeUnit | null {
  const upper = value?.toUpperCase() ?? ''
  const aliases: Record<string, TimeUnit> = { DAILY: 'DAYS', WEEKLY: 'WEEKS', MONTHLY: 'MONTHS' }
  return timeUnits.find((unit) => unit === upper) ?? aliases[upper] ?? null
}

function span(unit: string | null, length: number | null): Span | null {
  const known = asUnit(unit)
  if (known === null) return null
  return { unit: known, length: length !== null && length > 0 ? length : 1 }
}

function scopeOf(raw: RawConstraint, fallback: EarnLimit['scope']): EarnLimit['scope'] {
  const level = raw.constraintLevel?.toUpperCase()
  if (level === 'CUSTOMER') return 'member'
  if (level === 'BADGE') return 'badge'
  const type = raw.constraintType?.toUpperCase() ?? ''
  if (type.startsWith('CUSTOMER_')) return 'member'
  if (type.startsWith('BADGE_')) return 'badge'
  return fallback
}

function kindOf(type: string): EarnLimit['kind'] {
  const bare = type.replace(/^(CUSTOMER_BADGE|BADGE)_/, '')
  if (bare === 'FIXED_VALUE' || bare === 'OVERALL') return 'total'
  if (bare === 'FIXED_WINDOW') return 'fixed-window'
  if (bare === 'ROLLING_WINDOW') return 'rolling-window'
  if (bare === 'NO_LIMIT') return 'unlimited'
  return 'unknown'
}

function usedInWindow(raw: RawConstraint, unit: TimeUnit | null): number | null {
  const stats = raw.statistics
  if (stats === null) return null
  const byUnit = { DAYS: stats.days, WEEKS: stats.weeks, MONTHS: stats.months }
  return (unit === null ? null : byUnit[unit]) ?? stats.current
}

/** One model for every limit, whichever shape it came in; `fallbackScope` is the array it was in. */
export function normalizeLimits(
  constraints: RawConstraint[],
  fallbackScope: EarnLimit['scope'],
): EarnLimit[] {
  return constraints.flatMap((raw): EarnLimit[] => {
    const scope = scopeOf(raw, fallbackScope)
    const kind = kindOf(raw.constraintType?.toUpperCase() ?? '')
    const base = {
      scope,
      kind,
      max: raw.maxEarnLimit,
      window: null,
      used: null,
      cycle: null,
      since: raw.since,
    }
    switch (kind) {
      case 'total':
        return [{ ...base, used: raw.statistics?.current ?? null }]
      case 'unlimited':
        return [{ ...base, max: null }]
      case 'fixed-window':
        return [
          {
            ...base,
            window: span(raw.durationType, raw.refreshRate),
            used: raw.statistics?.current ?? null,
            cycle: raw.cycle,
          },
        ]
      case 'rolling-window': {
        if (raw.rollType !== null) {
          const window = span(raw.rollType, raw.rollValue)
          return [{ ...base, window, used: usedInWindow(raw, window?.unit ?? null) }]
        }
        const perUnit = raw.rollingMaxima.flatMap((entry): EarnLimit[] => {
          const window = span(entry.unit, entry.length)
          if (entry.max === null || window === null) return []
          return [{ ...base, max: entry.max, window, used: usedInWindow(raw, window.unit) }]
        })
        return perUnit.length > 0 ? perUnit : [{ ...base, kind: 'unknown' }]
      }
      default:
        return [base]
    }
  })
}
