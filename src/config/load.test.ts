/** @vitest-environment jsdom */
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { loadRuntimeConfig, reloadAsOpened } from './load.ts'
import { defaultConfig } from './runtime.ts'
import { setMemberToken } from './member-token.ts'

// No config.json beside index.html: only the fragment speaks.
beforeEach(() => {
  vi.stubGlobal('fetch', async () => new Response('Not found', { status: 404 }))
})
afterEach(() => {
  vi.unstubAllGlobals()
  sessionStorage.clear()
  window.history.replaceState(null, '', '/')
})

test('the fragment gives the token and the embed settings, and nothing else', async () => {
  window.history.replaceState(
    null,
    '',
    '/customers/1/earned#member_token=a.b.c&locale=fr&api=https%3A%2F%2Fevil.example&demo=true',
  )
  const { config, problems } = await loadRuntimeConfig()
  expect(config).toMatchObject({ memberToken: 'a.b.c', locale: 'fr', demo: false })
  expect(Object.keys(config)).not.toContain('apiBaseUrl')
  expect(problems).toEqual([])
  // The settings it read are gone from the address; what it does not read is left alone.
  expect(window.location.hash).toBe('#api=https%3A%2F%2Fevil.example&demo=true')
})

test('nothing from one load is remembered for the next in this tab', async () => {
  window.history.replaceState(
    null,
    '',
    '/#locale=ar&theme=dark&parent=https%3A%2F%2Fportal.example',
  )
  expect((await loadRuntimeConfig()).config).toMatchObject({ locale: 'ar', theme: 'dark' })
  expect(sessionStorage.length).toBe(0)
  window.history.replaceState(null, '', '/customers/1/earned')
  const { config } = await loadRuntimeConfig()
  expect(config).toMatchObject({ locale: null, theme: 'system', parentOrigin: null })
})

test('the fragment early.js handed over is read once, though it has left the address', async () => {
  // Live mode: early.js took the token out of the address as the page arrived, and kept the page's
  // fragment for the app.
  window.history.replaceState(null, '', '/customers/1/earned#locale=fr')
  Object.assign(window, { __badgeShowcaseFragment: '#member_token=a.b.c&locale=fr' })
  const { config } = await loadRuntimeConfig()
  expect(config).toMatchObject({ memberToken: 'a.b.c', locale: 'fr' })
  expect(window.location.hash).toBe('')
  expect('__badgeShowcaseFragment' in window).toBe(false)
  // Anything but text (an element named so, say) is not a fragment: the address speaks.
  window.history.replaceState(null, '', '/customers/1/earned#locale=ar')
  Object.assign(window, { __badgeShowcaseFragment: document.createElement('div') })
  expect((await loadRuntimeConfig()).config).toMatchObject({ memberToken: null, locale: 'ar' })
})

test('an address whose path starts with two slashes still starts the app', async () => {
  // Written as it is, '//evil.example/x' would name another host, and the browser refuses that.
  window.history.replaceState(null, '', 'http://localhost:3000//evil.example/x#locale=fr')
  const { config } = await loadRuntimeConfig()
  expect(config.locale).toBe('fr')
  expect(window.location.href).toBe('http://localhost:3000//evil.example/x')
})

test('a reload goes back to the page as it was opened: its member and its frame settings', async () => {
  window.history.replaceState(
    null,
    '',
    '/customers/1/earned?by=email#member_token=a.b.c&locale=fr&parent=https%3A%2F%2Fportal.example',
  )
  await loadRuntimeConfig()
  expect(window.location.hash).toBe('')
  // The host has handed over a fresh token since.
  setMemberToken('d.e.f')
  const reload = vi.fn()
  vi.stubGlobal('location', { ...window.location, reload, href: window.location.href })
  reloadAsOpened()
  expect(reload).toHaveBeenCalledOnce()
  vi.unstubAllGlobals()
  expect(window.location.pathname + window.location.search).toBe('/customers/1/earned?by=email')
  expect(new URLSearchParams(window.location.hash.slice(1)).get('member_token')).toBe('d.e.f')
  expect(new URLSearchParams(window.location.hash.slice(1)).get('locale')).toBe('fr')
  setMemberToken(null)
})

test('a link opened in a tab cannot speak for a portal: its names and links are read only in a frame', async () => {
  window.history.replaceState(
    null,
    '',
    '/customers/1/badges/x#parent=https%3A%2F%2Fevil.example&share_url=https%3A%2F%2Fevil.example%2F%3Fr%3D%7Broute%7D' +
      '&brand_name=SECURITY%20NOTICE&member_name=Tom&header=none&locale=fr',
  )
  const { config, problems } = await loadRuntimeConfig()
  expect(config).toMatchObject({
    parentOrigin: null,
    shareUrl: null,
    brandName: defaultConfig.brandName,
    memberName: null,
    embedded: false,
    // What only changes how the page looks or speaks still applies.
    locale: 'fr',
  })
  expect(config.header).toBe(defaultConfig.header)
  expect(problems.map((problem) => problem.setting).sort()).toEqual(
    ['brandName', 'header', 'memberName', 'parentOrigin', 'shareUrl'].sort(),
  )
  // In a frame, the portal's snippet speaks as before.
  vi.stubGlobal('parent', {})
  window.history.replaceState(null, '', '/#parent=https%3A%2F%2Fportal.example&brand_name=Acme')
  expect((await loadRuntimeConfig()).config).toMatchObject({
    parentOrigin: 'https://portal.example',
    brandName: 'Acme',
    embedded: true,
  })
})
