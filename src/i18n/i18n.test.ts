import { afterEach, expect, test } from 'vitest'
import { ar } from './ar.ts'
import { en } from './en.ts'
import { fr } from './fr.ts'
import { times } from '../components/wording.ts'
import { setLocale, t } from './i18n.ts'

const root = { lang: '', dir: '' } as unknown as HTMLElement

afterEach(() => setLocale('en', root))

test('every language has every message, with the same parameters', () => {
  const params = (value: unknown) =>
    [...JSON.stringify(value).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
  for (const catalog of [fr, ar]) {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort())
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect([...new Set(params(catalog[key]))], key).toEqual([...new Set(params(en[key]))])
    }
  }
})

test('plurals follow each language, numbers its digits, and the document its direction', () => {
  const earned = (count: number) => t('badge.earned-times', { count, times: times(count) })
  expect(earned(1)).toBe('Earned once')
  expect(earned(2)).toBe('Earned twice')
  expect(earned(3)).toBe('Earned 3 times')
  setLocale('fr', root, fr)
  expect(earned(1)).toBe('Obtenu une fois')
  expect(earned(2)).toBe('Obtenu deux fois')
  expect(t('group.completion', { held: 1200, total: 3400 })).toBe(
    'Vous en avez 1\u202f200 sur 3\u202f400',
  )
  setLocale('ar', root, ar)
  expect(root.dir).toBe('rtl')
  expect(root.lang).toBe('ar')
  expect(earned(2)).toBe('اكتُسبت مرتين')
  const digits = new Intl.NumberFormat('ar')
  expect(earned(3)).toBe(`اكتُسبت ${digits.format(3)} مرات`)
  expect(earned(11)).toBe(`اكتُسبت ${digits.format(11)} مرة`)
  // Days as the dates' own formatting writes them: 11 to 99 take the accusative, 100 and more not.
  expect(t('unit.DAYS', { count: 30 })).toBe('يومًا')
  expect(t('unit.DAYS', { count: 100 })).toBe('يوم')
  expect(t('unit.MONTHS', { count: 12 })).toBe('شهرًا')
})

test("in Arabic the brand's names keep their own order inside a sentence", () => {
  setLocale('ar', root, ar)
  // Isolated: "2026 Challenges" is not drawn "Challenges 2026" among Arabic words.
  expect(t('detail.part-of', { group: '2026 Challenges' })).toBe('ضمن \u20682026 Challenges\u2069')
  expect(t('celebrate.detail', { name: 'Regular', relative: 'x' })).toContain('\u2068Regular\u2069')
  setLocale('en', root)
  expect(t('detail.part-of', { group: '2026 Challenges' })).toBe('Part of 2026 Challenges')
})

test('a parameter left out stays visible rather than vanishing', () => {
  expect(t('truth.card.opens')).toBe('Opens {date}')
})
