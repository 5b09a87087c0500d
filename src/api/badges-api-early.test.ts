/** @vitest-environment jsdom */
import { afterEach, expect, test } from 'vitest'
import { setMemberToken } from '../config/member-token.ts'
import { badgesApi, configureBadgesApi } from './badges-api.ts'
import { preloadKey, resetPreloaded } from './preloaded.ts'

// An answer early.js started (live mode) obeys the request like the network would: given up, it
// is given up, instead of holding the view for as long as the connection hangs.

afterEach(() => {
  delete (window as { __badgeShowcaseEarly?: unknown }).__badgeShowcaseEarly
  resetPreloaded()
  setMemberToken(null)
})

test('a request given up while its early answer hangs fails, rather than waiting for ever', async () => {
  const path = '/api_gateway/v1/badges/badgeMeta/b1'
  const hanging = new Promise<Response>(() => undefined)
  Object.assign(window, {
    __badgeShowcaseEarly: [{ key: preloadKey(path, null), token: 'abc', response: hanging }],
  })
  setMemberToken('abc')
  configureBadgesApi({ baseUrl: '' })
  const controller = new AbortController()
  const meta = badgesApi.badgeMeta('b1', { signal: controller.signal })
  controller.abort()
  await expect(meta).rejects.toThrow()
})

test('an early answer that arrives is the answer', async () => {
  const path = '/api_gateway/v1/badges/badgeMeta/b1'
  const body = { data: { id: 'b1', name: 'First Sip' }, errors: [], warnings: [] }
  const response = Promise.resolve(new Response(JSON.stringify(body), { status: 200 }))
  Object.assign(window, {
    __badgeShowcaseEarly: [{ key: preloadKey(path, null), token: 'abc', response }],
  })
  setMemberToken('abc')
  configureBadgesApi({ baseUrl: '' })
  const meta = await badgesApi.badgeMeta('b1', { signal: new AbortController().signal })
  expect(meta.name).toBe('First Sip')
})
