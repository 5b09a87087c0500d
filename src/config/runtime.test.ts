import { expect, test } from 'vitest'
import { contrastingText } from './accent-ink.ts'
import { fragmentSettings, matchLocale, readSettings } from './runtime.ts'

test('good settings are read, bad ones explained and left out', () => {
  const { settings, problems } = readSettings(
    {
      customer: 'tom.sawyer@example.com',
      by: 'EMAIL',
      locale: 'fr-CA',
      theme: 'dark',
      accent: '#0a7d5a',
      radius: '12px',
      apiBaseUrl: 'https://api.example.com',
      parentOrigin: 'https://portal.example.com',
      view: 'settings',
      font: '<script>',
      colour: 'red',
      memberToken: 42,
    },
    'config.json',
  )
  expect(settings).toEqual({
    customer: 'tom.sawyer@example.com',
    by: 'email',
    locale: 'fr',
    theme: 'dark',
    accent: '#0a7d5a',
    radius: '12px',
    parentOrigin: 'https://portal.example.com',
  })
  expect(problems.map((problem) => problem.setting)).toEqual([
    'apiBaseUrl',
    'view',
    'font',
    'colour',
    'memberToken',
  ])
  expect(problems[0]?.message).toBe('is not a setting (config.json)')
  expect(problems[1]?.message).toBe('must be one of earned, available (config.json)')
})

test.each([
  ['locale', 'de', /not available/],
  ['accent', 'red; background: url(x)', /colour/],
  ['parentOrigin', 'https://portal.example.com/path', /origin/],
  ['parentOrigin', '*', /origin/],
  ['radius', 'calc(100vw)', /length/],
])('%s "%s" is refused', (setting, value, message) => {
  const { settings, problems } = readSettings({ [setting]: value }, 'test')
  expect(settings).toEqual({})
  expect(problems[0]?.message).toMatch(message)
})

test('the embed fragment names map to settings; nothing else in it is read', () => {
  expect(
    fragmentSettings(
      '#member_token=a.b.c&locale=ar&parent=https%3A%2F%2Fportal.example&other=1' +
        '&api=https%3A%2F%2Fevil.example&apiBaseUrl=%2Fx&demo=true&memberToken=x.y.z',
    ),
  ).toEqual({
    memberToken: 'a.b.c',
    locale: 'ar',
    parentOrigin: 'https://portal.example',
  })
})

test('locales by language, whatever the region', () => {
  expect(matchLocale('ar-EG')).toBe('ar')
  expect(matchLocale('FR')).toBe('fr')
  expect(matchLocale('de-DE')).toBeNull()
})

test('text on any accent is black or white, whichever reaches 4.5:1', () => {
  const contrast = (a: string, b: string) => {
    const lum = (hex: string) => {
      const c = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
      const [r = 0, g = 0, b2 = 0] = c.map((v) =>
        v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4,
      )
      return 0.2126 * r + 0.7152 * g + 0.0722 * b2
    }
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x)
    return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05)
  }
  expect(contrastingText('#0a7d5a')).toBe('#ffffff')
  expect(contrastingText('#ffd500')).toBe('#000000')
  expect(contrastingText('#fff')).toBe('#000000')
  for (let i = 0; i < 4096; i += 7) {
    const accent = `#${[i >> 8, (i >> 4) & 15, i & 15].map((n) => n.toString(16).repeat(2)).join('')}`
    expect(contrast(accent, contrastingText(accent))).toBeGreaterThanOrEqual(4.5)
  }
})

test("the portal's settings: brand name (empty hides it), header, member name, route parameter, share link", () => {
  const { settings, problems } = readSettings(
    {
      brandName: '',
      header: 'none',
      memberName: 'Tom',
      routeParam: 'b',
      shareUrl: 'https://brand.example/rewards?b={route}',
      hostPage: 'https://portal.example.com/rewards',
      route: '/badges/42',
    },
    'test',
  )
  expect(problems).toEqual([])
  expect(settings).toEqual({
    brandName: '',
    header: 'none',
    memberName: 'Tom',
    routeParam: 'b',
    shareUrl: 'https://brand.example/rewards?b={route}',
    hostPage: 'https://portal.example.com/rewards',
    route: '/badges/42',
  })
})

test.each([
  ['header', 'hidden', /full, none/],
  ['memberName', 'x'.repeat(81), /80/],
  ['memberName', '', /text/],
])('the portal setting %s "%s" is refused', (setting, value, message) => {
  const { settings, problems } = readSettings({ [setting]: value }, 'test')
  expect(settings).toEqual({})
  expect(problems[0]?.message).toMatch(message)
})
