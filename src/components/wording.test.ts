import { expect, test } from 'vitest'
import { ar } from '../i18n/ar.ts'
import { fr } from '../i18n/fr.ts'
import { setLocale } from '../i18n/i18n.ts'
import { makeLimit } from '../test/factories.ts'
import { formatDate } from './format.ts'
import { benefitText, earnExpiryText, issueExpiryText, limitText, times } from './wording.ts'

const limit = makeLimit

test('personal limits read as sentences, with progress where the server counted it', () => {
  expect(limitText(limit({ max: 1 }))).toEqual({
    rule: 'You can earn this badge once.',
    progress: null,
  })
  expect(limitText(limit({ max: 5, used: 2 }))).toEqual({
    rule: 'You can earn this badge up to 5 times.',
    progress: 'Earned 2 of 5.',
  })
  expect(limitText(limit({ max: 1, used: 0 })).progress).toBe('Not earned yet.')
  expect(limitText(limit({ max: 3, used: 0 })).progress).toBe('Not earned yet.')
  expect(limitText(limit({ max: 1, used: 1 })).progress).toBe('Earned 1 of 1.')
  const cycleEnd = Date.UTC(2024, 6, 4, 12)
  expect(
    limitText(
      limit({
        kind: 'fixed-window',
        max: 2,
        window: { unit: 'DAYS', length: 3 },
        used: 1,
        cycle: { start: 0, end: cycleEnd },
      }),
    ),
  ).toEqual({
    rule: 'Up to twice every 3 days.',
    progress: `1 of 2 in this period of 3 days, resets ${formatDate(cycleEnd)}.`,
  })
  expect(
    limitText(
      limit({ kind: 'fixed-window', max: 1, window: { unit: 'MONTHS', length: 1 }, used: 0 }),
    ).progress,
  ).toBe('0 of 1 this month.')
  expect(
    limitText(
      limit({ kind: 'rolling-window', max: 2, window: { unit: 'DAYS', length: 7 }, used: 1 }),
    ),
  ).toEqual({
    rule: 'Up to twice in any 7 days.',
    progress: '1 of 2 in the last 7 days.',
  })
  expect(limitText(limit({ kind: 'unlimited', max: null })).rule).toBe(
    'You can earn it as often as you like.',
  )
})

test('badge-wide limits speak of all members', () => {
  expect(limitText(limit({ scope: 'badge', max: 10000, used: 9990 }))).toEqual({
    rule: 'Limited to 10,000 earns across all members.',
    progress: '10 left.',
  })
  expect(
    limitText(
      limit({
        scope: 'badge',
        kind: 'rolling-window',
        max: 300,
        window: { unit: 'DAYS', length: 1 },
      }),
    ).rule,
  ).toBe('Up to 300 earns by all members in any day.')
})

test('a limit the showcase cannot read still says one applies', () => {
  expect(limitText(limit({ kind: 'unknown', max: 7 })).rule).toBe(
    'There is a limit to how often you can earn it.',
  )
  expect(limitText(limit({ kind: 'fixed-window', max: 3, window: null })).rule).toBe(
    'There is a limit to how often you can earn it.',
  )
})

test('expiry rules in plain language', () => {
  const date = Date.UTC(2027, 6, 4)
  // Dates never break across lines: their spaces are non-breaking.
  const formatted = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
    .format(date)
    .replace(/\s/g, '\u00a0')
  expect(earnExpiryText({ kind: 'relative', after: { unit: 'MONTHS', length: 3 } }, null)).toBe(
    'Once earned, it lasts 3 months.',
  )
  expect(earnExpiryText({ kind: 'never' }, null)).toBe('Once earned, it never expires.')
  expect(earnExpiryText({ kind: 'with-badge' }, date)).toBe(
    `Once earned, it lasts until the badge ends on ${formatted}.`,
  )
  expect(earnExpiryText({ kind: 'unknown' }, date)).toBeNull()
  expect(issueExpiryText({ kind: 'relative', after: { unit: 'WEEKS', length: 1 } }, null)).toBe(
    'Once it is open to you, you have 1 week to earn it.',
  )
  expect(issueExpiryText({ kind: 'fixed-date', at: date }, null)).toBe(
    `Once it is open to you, earn it by ${formatted}.`,
  )
})

test('rewards name themselves, or say what kind they are', () => {
  expect(benefitText({ kind: 'coupon', seriesId: '1', description: '40% off' })).toBe('40% off')
  expect(benefitText({ kind: 'coupon', seriesId: '1', description: null })).toBe('A coupon')
  expect(benefitText({ kind: 'points', points: 1500, description: null })).toBe(
    '1,500 loyalty points',
  )
  expect(benefitText({ kind: 'other', type: 'GIFT', description: '  ' })).toBe('A reward')
  expect(times(3)).toBe('3 times')
})

test('a cycle of several days counts its days, in the plural each language uses', () => {
  const cycle = limit({
    kind: 'fixed-window',
    max: 2,
    window: { unit: 'DAYS', length: 3 },
    used: 1,
    cycle: { start: 0, end: Date.UTC(2024, 6, 4, 12) },
  })
  const root = { lang: '', dir: '' } as unknown as HTMLElement
  try {
    expect(limitText(cycle).progress).toMatch(/^1 of 2 in this period of 3 days, resets /)
    setLocale('fr', root, fr)
    expect(limitText(cycle).progress).toMatch(/ sur cette période de 3 jours, /)
    setLocale('ar', root, ar)
    expect(limitText(cycle).progress).toContain(`(${new Intl.NumberFormat('ar').format(3)} أيام)`)
  } finally {
    setLocale('en', root)
  }
})

test('in French, a window agrees with its unit: "une semaine glissante", "toutes les 2 semaines"', () => {
  const rule = (
    kind: 'rolling-window' | 'fixed-window',
    unit: 'DAYS' | 'WEEKS' | 'MONTHS',
    length: number,
  ) => limitText(limit({ kind, max: 2, window: { unit, length }, used: null })).rule
  const root = { lang: '', dir: '' } as unknown as HTMLElement
  try {
    setLocale('fr', root, fr)
    expect(rule('rolling-window', 'WEEKS', 1)).toContain('sur une semaine glissante')
    expect(rule('rolling-window', 'WEEKS', 2)).toContain('sur 2 semaines glissantes')
    expect(rule('rolling-window', 'DAYS', 1)).toContain('sur un jour glissant')
    expect(rule('rolling-window', 'MONTHS', 3)).toContain('sur 3 mois glissants')
    expect(rule('fixed-window', 'WEEKS', 2)).toContain('toutes les 2 semaines')
    expect(rule('fixed-window', 'DAYS', 3)).toContain('tous les 3 jours')
    expect(rule('fixed-window', 'MONTHS', 1)).toContain('par mois')
    for (const unit of ['DAYS', 'WEEKS', 'MONTHS'] as const) {
      expect(rule('rolling-window', unit, 1)).not.toContain('(e)')
    }
  } finally {
    setLocale('en', root)
  }
})

test('in Arabic, two of a unit is its dual alone, with no numeral before it', () => {
  const every = (length: number) =>
    limit({ kind: 'fixed-window', max: 2, window: { unit: 'DAYS', length }, used: 1 })
  const rolling = limit({ kind: 'rolling-window', max: 1, window: { unit: 'WEEKS', length: 2 } })
  const root = { lang: '', dir: '' } as unknown as HTMLElement
  try {
    setLocale('ar', root, ar)
    // "every two days", "this cycle (two days)", "in any two weeks": not "٢ يومين".
    expect(limitText(every(2)).rule).toContain('كل يومين')
    expect(limitText(every(2)).progress).toContain('(يومين)')
    expect(limitText(rolling).rule).toContain('خلال أي أسبوعين')
    expect(limitText(every(2)).rule).not.toMatch(/[٠-٩]\s*يومين/)
    // Three and more keep their numeral, with the unit in the plural that agrees with it.
    expect(limitText(every(3)).rule).toContain(`كل ${new Intl.NumberFormat('ar').format(3)} أيام`)
  } finally {
    setLocale('en', root)
  }
})

test('a cycle counted from its own start says its dates, not "this month" (not the calendar\'s)', () => {
  const start = Date.UTC(2026, 10, 18, 15)
  const end = Date.UTC(2026, 11, 18, 15)
  const monthly = limit({
    kind: 'fixed-window',
    max: 1,
    window: { unit: 'MONTHS', length: 1 },
    used: 1,
    cycle: { start, end },
  })
  expect(limitText(monthly).progress).toBe(
    `1 of 1 since ${formatDate(start)}, resets ${formatDate(end)}.`,
  )
  const root = { lang: '', dir: '' } as unknown as HTMLElement
  try {
    setLocale('fr', root, fr)
    expect(limitText(monthly).progress).toBe(
      `1 sur 1 depuis le ${formatDate(start)}, remise à zéro le ${formatDate(end)}.`,
    )
  } finally {
    setLocale('en', root)
  }
})

test('a rolling window reads naturally in each language: "the last 7 days", "les 7 jours écoulés"', () => {
  const rolling = (unit: 'DAYS' | 'WEEKS' | 'MONTHS', length: number) =>
    limitText(limit({ kind: 'rolling-window', max: 2, window: { unit, length }, used: 0 })).progress
  expect(rolling('MONTHS', 1)).toBe('0 of 2 in the last month.')
  const root = { lang: '', dir: '' } as unknown as HTMLElement
  try {
    setLocale('fr', root, fr)
    expect(rolling('DAYS', 7)).toBe('0 sur 2 sur les 7 jours écoulés.')
    expect(rolling('WEEKS', 4)).toBe('0 sur 2 sur les 4 semaines écoulées.')
    expect(rolling('MONTHS', 1)).toBe('0 sur 2 sur le dernier mois.')
    setLocale('ar', root, ar)
    expect(rolling('WEEKS', 1)).toBe(
      `${new Intl.NumberFormat('ar').format(0)} من ${new Intl.NumberFormat('ar').format(2)} خلال آخر أسبوع.`,
    )
  } finally {
    setLocale('en', root)
  }
})
