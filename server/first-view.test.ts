import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { createApi } from './api.ts'
import { createApp } from './app.ts'
import { routeOf, viewChunks, withFirstView } from './first-view.ts'

const manifest = {
  'index.html': { file: 'assets/index-1.js' },
  'src/routes/earned.tsx': { file: 'assets/earned-2.js', imports: ['index.html', '_shared-3.js'] },
  '_shared-3.js': { file: 'assets/shared-3.js', imports: ['index.html'] },
  'src/routes/badge-detail.tsx': { file: 'assets/badge-detail-4.js', imports: ['index.html'] },
}

function app(mode: 'demo' | 'live') {
  const dist = mkdtempSync(path.join(tmpdir(), 'showcase-first-view-'))
  mkdirSync(path.join(dist, '.vite'))
  writeFileSync(path.join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest))
  writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><html><head><base href="/" /><script type="module" crossorigin src="./assets/index-1.js"></script></head><body><div id="root"></div></body></html>',
  )
  return createApp({ api: createApi(), distDir: dist, log: () => undefined, mode })
}

function dataBlock(html: string): Record<string, { status: number; body: unknown }> {
  const json = /<script type="application\/json" id="first-view-data">(.*?)<\/script>/s.exec(html)
  return json ? JSON.parse(json[1] ?? '{}') : {}
}

test('demo mode: the earned page carries its list, the group names, its chunk and first images', async () => {
  const html = await (await app('demo').request('/customers/62090013/earned')).text()
  const data = dataBlock(html)
  const keys = Object.keys(data)
  expect(keys).toContain(
    '|/api_gateway/v1/badges/customer/62090013?badgeType=EARNED&limit=50&page=0&sortOn=RANK',
  )
  expect(keys.some((key) => key.includes('/group/'))).toBe(true)
  // The summary at the top reads the other list and the member's records of the available badges
  // the list cannot settle (Barista's Favourite is issued to earn): they come with the page too.
  expect(keys).toContain(
    '|/api_gateway/v1/badges/customer/62090013?badgeType=AVAILABLE&limit=50&page=0&sortOn=RANK',
  )
  expect(keys).toContain(
    '|/api_gateway/v1/badges/management/62090013/badge/6650b1c00000000000000003?includeStatistics=true',
  )
  const list = Object.values(data)[0]?.body as { data: { badges: unknown[] } }
  expect(list.data.badges.length).toBeGreaterThan(0)
  expect(html).toContain('<link rel="modulepreload" crossorigin href="./assets/earned-2.js" />')
  expect(html).toContain('<link rel="modulepreload" crossorigin href="./assets/shared-3.js" />')
  expect(html.match(/rel="preload" as="image" fetchpriority="high"/g)).toHaveLength(4)
  expect(html).not.toContain('early.js')
})

test('demo mode: the detail page carries the badge and its definition, not the lists', async () => {
  const html = await (
    await app('demo').request('/customers/62090013/badges/6650b1c00000000000000003')
  ).text()
  const keys = Object.keys(dataBlock(html))
  expect(keys.sort()).toEqual([
    '|/api_gateway/v1/badges/badgeMeta/6650b1c00000000000000003',
    '|/api_gateway/v1/badges/management/62090013/badge/6650b1c00000000000000003?includeStatistics=true',
  ])
  expect(html).toContain('./assets/badge-detail-4.js')
  expect(html.match(/rel="preload" as="image"/g)).toHaveLength(1)
})

test('an identifier kind travels as the header the SPA sends, and keys the answer', async () => {
  const html = await (
    await app('demo').request('/customers/tom.sawyer%40example.com/earned?by=email')
  ).text()
  const keys = Object.keys(dataBlock(html))
  expect(keys).toContain(
    'email|/api_gateway/v1/badges/customer/tom.sawyer%40example.com?badgeType=EARNED&limit=50&page=0&sortOn=RANK',
  )
  expect(keys.every((key) => key.startsWith('email|'))).toBe(true)
})

test('live mode: the server never sees the member, so the page carries no data', async () => {
  const html = await (await app('live').request('/customers/62090013/earned')).text()
  expect(html).not.toContain('first-view-data')
  // The browser knows the member: early.js starts the requests there, and always runs before the
  // app's script (deferred, and ahead of it), whichever of the two arrives first.
  const early = html.indexOf('<script defer fetchpriority="high" src="early.js"></script>')
  expect(early).toBeGreaterThan(-1)
  expect(early).toBeLessThan(html.indexOf('<script type="module"'))
  // The view is in the path: its code comes with the page. No image: they are the member's.
  expect(html).toContain('<link rel="modulepreload" crossorigin href="./assets/earned-2.js" />')
  expect(html).toContain('<link rel="modulepreload" crossorigin href="./assets/shared-3.js" />')
  expect(html).not.toContain('as="image"')
  const detail = await (
    await app('live').request('/customers/62090013/badges/6650b1c00000000000000003')
  ).text()
  expect(detail).toContain('./assets/badge-detail-4.js')
  expect(detail).not.toContain('./assets/earned-2.js')
  // Not a view: nothing named.
  const other = await (await app('live').request('/somewhere/else')).text()
  expect(other).not.toContain('modulepreload')
})

test('routes: the views, the root as the demo member, and nothing else', () => {
  const none = new URLSearchParams()
  expect(routeOf('/', none)).toMatchObject({ view: 'earned', customer: '62090013' })
  expect(routeOf('/customers/42/available', none)).toMatchObject({
    view: 'available',
    customer: '42',
  })
  expect(routeOf('/customers/42/badges/b%201', new URLSearchParams('by=email'))).toEqual({
    view: 'detail',
    customer: '42',
    by: 'email',
    badgeId: 'b 1',
  })
  expect(routeOf('/customers/42/earned', new URLSearchParams('expired=1'))).toMatchObject({
    filters: { badgeType: 'EARNED', includeExpired: true },
  })
  expect(routeOf('/somewhere/else', none)).toBeNull()
  expect(routeOf('/customers/%E0%A4%A/earned', none)).toBeNull()
  expect(viewChunks(manifest, 'available')).toEqual([])
})

test("a replacement pattern in the data is data: '$&' or \"$'\" does not splice the page in", () => {
  const name = "$` $& $' $$"
  const html = withFirstView('<html><head></head><body><main>app</main></body></html>', {
    data: { k: { status: 200, body: { name } } },
    chunks: [],
    images: ["/demo/$'.svg"],
  })
  expect(dataBlock(html)).toEqual({ k: { status: 200, body: { name } } })
  expect(html).toContain('href="/demo/$\'.svg"')
  expect(html.match(/<main>/g)).toHaveLength(1)
})

test('data that looks like markup cannot end the data block', () => {
  const html = withFirstView('<html><head></head><body></body></html>', {
    data: { k: { status: 200, body: { name: '</script><script>alert(1)</script>' } } },
    chunks: [],
    images: ['/demo/a.svg?x="><b>'],
  })
  expect(html).not.toContain('</script><script>')
  expect(html).toContain('\\u003c/script>')
  expect(html).toContain('href="/demo/a.svg?x=&quot;>&lt;b>"')
  expect(dataBlock(html)).toEqual({
    k: { status: 200, body: { name: '</script><script>alert(1)</script>' } },
  })
})

test('under a sub-path: the same keys, and the images where the emulator serves them', async () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'showcase-first-view-'))
  writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><html><head><base href="/" /></head><body></body></html>',
  )
  const mounted = createApp({
    api: createApi({ emulator: { assetBase: '/rewards/badges/' } }),
    distDir: dist,
    log: () => undefined,
    basePath: '/rewards/badges/',
  })
  const html = await (await mounted.request('/rewards/badges/customers/62090013/earned')).text()
  expect(html).toContain('<base href="/rewards/badges/"')
  expect(Object.keys(dataBlock(html))).toContain(
    '|/api_gateway/v1/badges/customer/62090013?badgeType=EARNED&limit=50&page=0&sortOn=RANK',
  )
  expect(html).toMatch(
    /rel="preload" as="image" fetchpriority="high" href="\/rewards\/badges\/demo\//,
  )
})
