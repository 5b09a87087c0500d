import { expect, test } from 'vitest'
import { appPath, safeRoute } from './host-route.ts'
import { badgeIdOf, memberRoute, portalSettings, portalShareLink } from './portal-links.ts'

test.each([
  '/earned',
  '/available?sort=last-earned&expired=1',
  '/badges/6650b1c00000000000000009',
  '/badges/a%20b',
])('%s is a route inside the showcase', (route) => {
  expect(safeRoute(route)).toBe(route)
})

test.each([
  ['another site', '//evil.example/x'],
  ['a scheme', 'https://evil.example/'],
  ['a script', 'javascript:alert(1)'],
  ['a backslash', '/\\evil.example'],
  ['a path climbing out', '/../../etc/passwd'],
  ['an encoded climb', '/%2e%2e/x'],
  ['an encoded slash', '/badges/%2F%2Fevil'],
  ['a relative path', 'badges/x'],
  ['whitespace', '/badges/x y'],
  ['a control character', '/badges/x\u0000'],
  ['a fragment', '/earned#member_token=x'],
  ['bad percent-encoding', '/badges/%E0%A4%A'],
  ['nothing', ''],
  ['not text', 42],
  ['far too long', `/badges/${'x'.repeat(600)}`],
])('%s is refused', (_, route) => {
  expect(safeRoute(route)).toBeNull()
})

test("an app path becomes a route relative to the member, without the member's identifier", () => {
  expect(memberRoute('/customers/tom.sawyer%40example.com/badges/42', '?by=email')).toEqual({
    route: '/badges/42',
    member: { id: 'tom.sawyer@example.com', by: 'email' },
  })
  expect(memberRoute('/customers/62090013/earned', '?sort=last-earned&expired=1')).toEqual({
    route: '/earned?sort=last-earned&expired=1',
    member: { id: '62090013', by: null },
  })
  expect(memberRoute('/customers/62090013', '')?.route).toBe('/earned')
  expect(memberRoute('/somewhere', '')).toBeNull()
})

test("a route opens under the signed-in member, with the identifier's kind kept", () => {
  const tom = { id: 'tom.sawyer@example.com', by: 'email' }
  expect(appPath('/badges/42', tom)).toBe('/customers/tom.sawyer%40example.com/badges/42?by=email')
  expect(appPath('/earned?sort=rank', { id: '62090013', by: null })).toBe(
    '/customers/62090013/earned?sort=rank',
  )
  expect(appPath('/', { id: '62090013', by: null })).toBe('/customers/62090013/earned')
  // A route naming a kind of its own does not override the member's.
  expect(appPath('/earned?by=mobile', tom)).toBe(
    '/customers/tom.sawyer%40example.com/earned?by=email',
  )
})

test('a badge route names its badge', () => {
  expect(badgeIdOf('/badges/6650b1c00000000000000009')).toBe('6650b1c00000000000000009')
  expect(badgeIdOf('/badges/a%20b?x=1')).toBe('a b')
  expect(badgeIdOf('/earned')).toBeNull()
})

const portal = {
  hostPage: 'https://portal.brand.example/rewards',
  parentOrigin: 'https://portal.brand.example',
  routeParam: 'badges',
  shareUrl: null,
}

test("a shared link is the portal's page with the route, never its other parameters", () => {
  expect(portalShareLink('/badges/42', portal)).toBe(
    'https://portal.brand.example/rewards?badges=/badges/42',
  )
  expect(
    portalShareLink('/badges/42', {
      ...portal,
      hostPage: 'https://portal.brand.example/rewards?session=secret#token=x',
      routeParam: 'b',
    }),
  ).toBe('https://portal.brand.example/rewards?b=/badges/42')
})

test("the brand's template wins, with the route encoded once", () => {
  expect(
    portalShareLink('/badges/a b', {
      ...portal,
      shareUrl: 'https://brand.example/rewards?b={route}',
    }),
  ).toBe('https://brand.example/rewards?b=%2Fbadges%2Fa%20b')
})

test('a page that is not the portal the showcase talks to is not shared', () => {
  expect(
    portalShareLink('/badges/42', { ...portal, hostPage: 'https://evil.example/rewards' }),
  ).toBeNull()
  expect(portalShareLink('/badges/42', { ...portal, parentOrigin: null })).toBeNull()
  expect(portalShareLink('/badges/42', { ...portal, hostPage: 'not a url' })).toBeNull()
})

test("the portal's settings are checked where they are used, and a bad one named", () => {
  const good = portalSettings({
    routeParam: 'b',
    shareUrl: 'https://brand.example/rewards?b={route}',
    hostPage: 'https://portal.example/rewards',
    parentOrigin: 'https://portal.example',
  })
  expect(good.problems).toEqual([])
  expect(good.settings.routeParam).toBe('b')
  const bad = portalSettings({
    routeParam: '1 bad',
    shareUrl: 'javascript:alert(1)//{route}',
    hostPage: null,
    parentOrigin: 'https://portal.example',
  })
  expect(bad.problems.map((problem) => problem.setting)).toEqual(['routeParam', 'shareUrl'])
  expect(bad.settings).toEqual({
    routeParam: 'badges',
    shareUrl: null,
    hostPage: 'https://portal.example/',
    parentOrigin: 'https://portal.example',
  })
  expect(
    portalSettings({ ...good.settings, shareUrl: 'https://brand.example/rewards' }).problems,
  ).toHaveLength(1)
})
