import { expect, test } from 'vitest'
import { loggedPath, routeLabel } from './route-label.ts'

test('paths become their route, with member ids and badge ids replaced by names', () => {
  expect(routeLabel('/api_gateway/v1/badges/customer/tom.sawyer%40example.com')).toBe(
    '/api_gateway/v1/badges/customer/:customer',
  )
  expect(routeLabel('/api_gateway/v1/badges/management/62090013/badge/abc')).toBe(
    '/api_gateway/v1/badges/management/:customer/badge/:badge',
  )
  expect(routeLabel('/api_gateway/v1/badges/badgeMeta/abc')).toBe(
    '/api_gateway/v1/badges/badgeMeta/:badge',
  )
  expect(routeLabel('/api_gateway/v1/badges/group/g1')).toBe('/api_gateway/v1/badges/group/:group')
  expect(routeLabel('/customers/62090013/badges/abc')).toBe('/customers/:customer/badges/:badge')
  expect(routeLabel('/customers/62090013/earned/')).toBe('/customers/:customer/earned')
  expect(routeLabel('/assets/index-abc123.js')).toBe('/assets/*')
  expect(routeLabel('/metrics')).toBe('/metrics')
})

test('anything else is one label, so a caller cannot grow the set', () => {
  for (const path of [
    '/wp-admin.php',
    '/customers/1/2/3',
    '/x%0ay',
    '/api_gateway/v1/badges/customer/a/b',
  ]) {
    expect(routeLabel(path)).toBe(path.startsWith('/api_gateway') ? '/api_gateway/*' : 'other')
  }
})

test('under a sub-path the mount is left out, and paths outside it are other', () => {
  expect(routeLabel('/rewards/badges/customers/1/earned', '/rewards/badges/')).toBe(
    '/customers/:customer/earned',
  )
  expect(routeLabel('/rewards/badges/', '/rewards/badges/')).toBe('/')
  expect(routeLabel('/rewards/badges', '/rewards/badges/')).toBe('/')
  expect(routeLabel('/customers/1/earned', '/rewards/badges/')).toBe('other')
})

test('proof links count under one label each, whatever their token', () => {
  expect(routeLabel('/proofs')).toBe('/proofs')
  expect(routeLabel('/proof/style.css')).toBe('/proof/style.css')
  expect(routeLabel('/proof/AbC-123_x')).toBe('/proof/:token')
  expect(routeLabel('/rewards/badges/proof/AbC-123_x/qr.svg', '/rewards/badges/')).toBe(
    '/proof/:token/qr.svg',
  )
  expect(routeLabel('/proof/a/b')).toBe('other')
})

test('a logged path names no member and carries no proof link', () => {
  const api = loggedPath('/api_gateway/v1/badges/customer/tom.sawyer%40example.com')
  expect(api).toMatch(/^\/api_gateway\/v1\/badges\/customer\/~[0-9a-f]{12}$/)
  expect(api).not.toContain('sawyer')
  // The same member, the same pseudonym: one member's requests can still be followed.
  const page = loggedPath('/rewards/customers/tom.sawyer%40example.com/badges/6650b1c0')
  expect(page).toBe(`/rewards/customers/${api.split('/').at(-1)}/badges/6650b1c0`)
  expect(loggedPath('/api_gateway/v1/badges/management/15550100001/badge/b1')).toMatch(
    /^\/api_gateway\/v1\/badges\/management\/~[0-9a-f]{12}\/badge\/b1$/,
  )
  expect(loggedPath('/proof/eyJhbGciOiJIUzI1NiJ9.secret-part/qr.svg')).toBe('/proof/eyJhbG…/qr.svg')
  expect(loggedPath('/proof/style.css')).toBe('/proof/style.css')
  expect(loggedPath('/assets/index-abc.js')).toBe('/assets/index-abc.js')
})
