/** @vitest-environment jsdom */
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { loadRuntimeConfig } from './load.ts'

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
