import { expect, test } from 'vitest'
import { type ConfigProblem, defaultConfig } from './config/runtime.ts'
import { pageUnder, rendersAsServer, type ServerRenderState } from './server-render-state.ts'

// The server's render and the browser's router name a page the same way, mounted or not.
test('a page is named under the mount path, with its query', () => {
  expect(pageUnder('', '/customers/1/earned', '?sort=last-earned')).toBe(
    '/customers/1/earned?sort=last-earned',
  )
  expect(pageUnder('/rewards/badges', '/rewards/badges/customers/1/earned', '')).toBe(
    '/customers/1/earned',
  )
  expect(pageUnder('/rewards/badges', '/rewards/badges', '')).toBe('/')
  // A router that already left the mount path out: the same name.
  expect(pageUnder('/rewards/badges', '/customers/1/earned', '')).toBe('/customers/1/earned')
  // Not a prefix of a longer segment.
  expect(pageUnder('/rewards', '/rewards-old/customers/1/earned', '')).toBe(
    '/rewards-old/customers/1/earned',
  )
})

const state = (config = defaultConfig, problems: ConfigProblem[] = []): ServerRenderState => ({
  locale: 'en',
  now: 0,
  timeZone: 'Europe/Paris',
  config,
  problems,
  queries: { mutations: [], queries: [] },
})
const browser = (config = defaultConfig, problems: ConfigProblem[] = []) => ({
  locale: 'en' as const,
  timeZone: 'Europe/Paris',
  config,
  problems,
})
const demo = { ...defaultConfig, demo: true }
const purple = [{ setting: 'theme', message: 'must be one of light, dark, system' }]

// Taken over as it is, the server's page keeps what the member did on it before the code came (a
// panel opened); drawn again, that is lost. Only what changes the markup draws it again.
test("a browser with another scheme, colour or corners takes the server's page over as it is", () => {
  const look = { ...demo, theme: 'dark' as const, accent: '#c2410c', radius: '4px' }
  expect(rendersAsServer(state(demo), browser(look))).toBe(true)
  expect(rendersAsServer(state(demo), browser({ ...demo, memberToken: 'a.b.c' }))).toBe(true)
})

test('another language, time zone, font or header is drawn again', () => {
  expect(rendersAsServer(state(demo), { ...browser(demo), locale: 'ar' })).toBe(false)
  expect(rendersAsServer(state(demo), { ...browser(demo), timeZone: 'Asia/Dubai' })).toBe(false)
  expect(rendersAsServer(state(demo), browser({ ...demo, font: 'Georgia' }))).toBe(false)
  expect(rendersAsServer(state(demo), browser({ ...demo, header: 'none' }))).toBe(false)
})

test('a setting the demo notes above the view, which the server did not, is drawn again', () => {
  expect(rendersAsServer(state(demo), browser(demo, purple))).toBe(false)
  // The same note on both sides: taken over.
  expect(rendersAsServer(state(demo, purple), browser(demo, purple))).toBe(true)
  // Outside the demo, problems are for the console only: nothing on the page differs.
  expect(rendersAsServer(state(defaultConfig), browser(defaultConfig, purple))).toBe(true)
})
