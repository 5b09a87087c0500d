import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { render } from '../src/entry-server.tsx'
import { parseBadgePage, parseEnvelope } from '../src/api/parse.ts'
import { groupBadges } from '../src/badges/order.ts'
import { type ServerRenderState } from '../src/server-render-state.ts'
import { createApi } from './api.ts'
import { createClock } from './clock.ts'
import { createApp, DEMO_RENDERS_AT_ONCE, DEMO_RENDERS_PER_MINUTE } from './app.ts'
import { builtApp, ENTRY } from './test/built-app.ts'
import { type PageRender } from './server-render.ts'

// The server's render of the first view, from the source (the built dist-server/ runs the same
// code): the page shows the member's first badges as the emulator has them, before any script.

const CUSTOMER = '62090013'
const SERVER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone
const BADGE = '6650b1c00000000000000003'

function setUp(options: { withRender?: boolean; config?: unknown } = {}) {
  const api = createApi()
  const inProcess: typeof fetch = (input, init) => Promise.resolve(api.request(String(input), init))
  const pageRender: PageRender = (request) =>
    render({ ...request, now: Date.now(), fetch: inProcess, budgetMs: 5_000 })
  const dist = builtApp(
    '<link rel="preload" href="config.json" as="fetch" crossorigin="anonymous" />',
  )
  if (options.config !== undefined) {
    writeFileSync(path.join(dist, 'config.json'), JSON.stringify(options.config))
  }
  const app = createApp({
    api,
    distDir: dist,
    log: () => undefined,
    serverRender: options.withRender === false ? null : pageRender,
  })
  return { api, app }
}

async function page(app: ReturnType<typeof createApp>, url: string, language = 'en-US,en;q=0.9') {
  const response = await app.request(url, { headers: { 'Accept-Language': language } })
  return response.text()
}

const rootOf = (html: string) =>
  /<div id="root">([\s\S]*)<\/div><template id="view-end"><\/template>/.exec(html)?.[1] ?? ''

function stateOf(html: string): ServerRenderState | null {
  const json = /<script type="application\/json" id="server-render">(.*?)<\/script>/s.exec(html)
  return json ? (JSON.parse(json[1] ?? 'null') as ServerRenderState) : null
}

/** The emulator's list as the API gives it, in the order the page shows its groups. */
async function listed(api: ReturnType<typeof createApi>, badgeType: 'EARNED' | 'AVAILABLE') {
  const response = await api.request(
    `/api_gateway/v1/badges/customer/${CUSTOMER}?badgeType=${badgeType}&sortOn=RANK&limit=50&page=0`,
  )
  const page = parseBadgePage(parseEnvelope(await response.json()).data)
  return groupBadges(page.badges, { order: 'rank' }).flatMap((section) => section.badges)
}

const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&#x27;')

// (Two renders and the emulator's lists: seconds on a busy machine.)
test(
  'earned: the page shows the first badges, their names and images, as the emulator has them',
  { timeout: 20_000 },
  async () => {
    const { api, app } = setUp()
    const html = await page(app, `/customers/${CUSTOMER}/earned`)
    const body = rootOf(html)
    const badges = await listed(api, 'EARNED')
    expect(badges.length).toBeGreaterThan(3)
    for (const badge of badges.slice(0, 4)) {
      expect(body).toContain(escaped(badge.name ?? ''))
      const earnedArt = badge.images.find((image) => image.tag === 'EARNED')?.url ?? ''
      expect(body).toContain(`src="${earnedArt}"`)
    }
    // Behind a reverse proxy the server hears its upstream's name: the page names no origin for the
    // showcase's own art (an address the member's browser cannot load, and the CSP refuses).
    const proxied = await app.request(`http://127.0.0.1:4751/customers/${CUSTOMER}/earned`)
    const proxiedBody = rootOf(await proxied.text())
    expect(proxiedBody).not.toContain('127.0.0.1')
    // The same page whatever Host the server heard, so the browser at the brand's address takes it
    // over as it is (it once rendered again: the state named the upstream's origin, not its own).
    expect(proxiedBody).toBe(body)
    // The tab counts and the view's title are there too, so nothing moves when the script runs.
    expect(body).toContain(`(${badges.length})`)
    expect(html).toContain('<title>Earned badges · Badge Showcase</title>')
    // The first paint waits for the whole view: the marker after it, named by this page's address.
    expect(html).toContain(
      `<link rel="expect" href="/customers/${CUSTOMER}/earned#view-end" blocking="render">`,
    )
    // What the browser hydrates from: the same lists, the server's clock, no preloaded config.json.
    const state = stateOf(html)
    expect(state?.locale).toBe('en')
    expect(state?.queries.queries.map((query) => JSON.stringify(query.queryKey)).join()).toContain(
      'EARNED',
    )
    expect(html).toContain('<script type="application/json" id="runtime-config">{"demo":true}')
    expect(html).not.toContain('href="config.json"')
    // No style attributes: the CSP (style-src 'self') would refuse them in HTML.
    expect(body).not.toMatch(/\sstyle="/)
  },
)

test('a rendered page loads its code once it is on screen; a page without the render, at once', async () => {
  const { app } = setUp()
  const html = await page(app, `/customers/${CUSTOMER}/earned`)
  // Nothing in the head starts the code alongside the styles and the art: public/hydrate.js
  // loads the entry and the view's chunks (named here) after the first paint.
  expect(html).not.toContain(ENTRY)
  expect(html).not.toContain('modulepreload')
  expect(html).toContain(
    '<script defer blocking="render" fetchpriority="high" src="hydrate.js" data-entry="./assets/index-1.js" ' +
      `data-chunks="./assets/earned-2.js ./assets/group-section-3.js" data-fragment-unseen data-time-zone="${SERVER_ZONE}"></script>`,
  )
  // A page the browser renders itself needs its code at once.
  const { app: plain } = setUp({ withRender: false })
  const unrendered = await page(plain, `/customers/${CUSTOMER}/earned`)
  expect(unrendered).toContain(ENTRY)
  expect(unrendered).not.toContain('hydrate.js')
})

test("in the browser's time zone once it has told it (a cookie hydrate.js sets); else the server's", async () => {
  const { app } = setUp()
  const inZone = async (cookie?: string) => {
    const response = await app.request(`/customers/${CUSTOMER}/earned`, {
      headers: cookie === undefined ? {} : { Cookie: cookie },
    })
    expect(response.headers.get('Vary')).toMatch(/Cookie/)
    const html = await response.text()
    return {
      state: stateOf(html)?.timeZone,
      named: /data-time-zone="([^"]*)"/.exec(html)?.[1],
      rendered: rootOf(html) !== '',
    }
  }
  expect(await inZone()).toEqual({ state: SERVER_ZONE, named: SERVER_ZONE, rendered: true })
  expect(await inZone('badge-showcase-tz=Pacific%2FPago_Pago')).toEqual({
    state: 'Pacific/Pago_Pago',
    named: 'Pacific/Pago_Pago',
    rendered: true,
  })
  // A browser's name for a fixed offset (Chromium's for GMT), which Node's formatting does not take
  // as it is: rendered in it, under the browser's own name (the browser compares names).
  expect(await inZone('badge-showcase-tz=%2B00%3A00')).toEqual({
    state: '+00:00',
    named: '+00:00',
    rendered: true,
  })
  // Not a zone: rendered in the server's; hydrate.js has the browser draw it (once hidden, then no
  // longer: it sees its cookie was not taken).
  for (const cookie of ['badge-showcase-tz=Mars%2FOlympus', 'badge-showcase-tz=%22%3E%3Cb%3E']) {
    expect(await inZone(cookie)).toEqual({ state: SERVER_ZONE, named: SERVER_ZONE, rendered: true })
  }
})

test('available: the first badges still to earn, in the language the browser asks for', async () => {
  const { api, app } = setUp()
  const html = await page(app, `/customers/${CUSTOMER}/available`, 'fr-FR,fr;q=0.9,en;q=0.8')
  const body = rootOf(html)
  for (const badge of (await listed(api, 'AVAILABLE')).slice(0, 4)) {
    expect(body).toContain(escaped(badge.name ?? ''))
  }
  expect(html).toMatch(/<html lang="fr" dir="ltr"/)
  expect(body).toContain('<h1 class="text-xl font-bold text-ink sm:text-2xl">Badges proposés</h1>')
  expect(stateOf(html)?.locale).toBe('fr')
})

test('detail: the badge, its art and its story; Arabic pages are right to left', async () => {
  const { api, app } = setUp()
  const meta = parseEnvelope(
    await (await api.request(`/api_gateway/v1/badges/badgeMeta/${BADGE}`)).json(),
  ).data as { name: string; images: Array<{ url: string }> }
  const html = await page(app, `/customers/${CUSTOMER}/badges/${BADGE}`, 'ar')
  const body = rootOf(html)
  expect(body).toContain(escaped(meta.name))
  expect(body).toMatch(/<h1[^>]*>[^<]*Barista&#x27;s Favourite/)
  expect(html).toMatch(/<html lang="ar" dir="rtl"/)
})

/** The tabs the page marks where the member is, by their names (the underline's colour). */
function markedTabs(html: string): string[] {
  return [...html.matchAll(/<a [^>]*class="([^"]*)"[^>]*>(Earned|Available)[ <]/g)]
    .filter(([, classes]) => classes?.split(' ').includes('border-accent-ink'))
    .map(([, , name]) => name ?? '')
}

test("a badge's page opened by its address marks its list's tab in the HTML, and tells the browser which", async () => {
  const { app } = setUp()
  // Held: the earned list's. Offered: the available list's. The state says the same.
  const held = await page(app, `/customers/${CUSTOMER}/badges/6650b1c00000000000000001`)
  expect(rootOf(held)).toContain('First Sip')
  expect(markedTabs(held)).toEqual(['Earned'])
  expect(stateOf(held)?.within).toBe('earned')
  const offered = await page(app, `/customers/${CUSTOMER}/badges/${BADGE}`)
  expect(markedTabs(offered)).toEqual(['Available'])
  expect(stateOf(offered)?.within).toBe('available')
  // A list marks its own tab, as a link to where the member is, and names no other.
  const list = await page(app, `/customers/${CUSTOMER}/available`)
  expect(markedTabs(list)).toEqual(['Available'])
  expect(stateOf(list)?.within).toBeUndefined()
})

test('a copy of a badge that has since ended: its page says it ended, and no longer how often', async () => {
  // The demo laid out today, then two years and more on (as the emulator's control moves it):
  // Regular (once a month) has ended; Tom's last copy ran out before.
  const clock = createClock()
  const api = createApi({ emulator: { now: clock.now } })
  await api.request(`/api_gateway/v1/badges/badgeMeta/${BADGE}`)
  const later = clock.advance(800 * 86_400_000)
  const inProcess: typeof fetch = (input, init) => Promise.resolve(api.request(String(input), init))
  const app = createApp({
    api,
    distDir: builtApp(),
    log: () => undefined,
    now: () => later,
    serverRender: (request) =>
      render({ ...request, now: later, fetch: inProcess, budgetMs: 5_000 }),
  })
  const meta = parseEnvelope(
    await (await api.request('/api_gateway/v1/badges/badgeMeta/6650b1c00000000000000002')).json(),
  ).data as { expiresOn: number }
  const body = rootOf(await page(app, `/customers/${CUSTOMER}/badges/6650b1c00000000000000002`))
  expect(body).toMatch(/You earned it \d+ times/)
  expect(body).toMatch(/This badge ended on [A-Z][a-z]{2}\u00a0\d{1,2},\u00a0\d{4}\./)
  expect(meta.expiresOn * 1000).toBeLessThan(later)
  // Nothing said about earning it again: not its limits, nor how long a new copy would last.
  expect(body).not.toContain('How often you can earn it')
  expect(body).not.toContain('resets')
})

test('a copy that ran out with its badge: the date once, and that the badge itself ended', async () => {
  // Big Spender: Tom's copy expired with the badge, the same day.
  const { app } = setUp()
  const body = rootOf(await page(app, `/customers/${CUSTOMER}/badges/6650b1c00000000000000006`))
  // (The page's head, the badge's hero; its story below dates the expiry again, as a story does.)
  const hero = /<header[^>]*detail-hero[\s\S]*?<\/header>/.exec(body)?.[0] ?? ''
  const expired = /It expired on ([A-Z][a-z]{2}\u00a0\d{1,2},\u00a0\d{4})\./.exec(hero)
  expect(expired).not.toBeNull()
  expect(hero).toContain('The badge itself ended that day.')
  expect(hero.split(expired?.[1] ?? '').length - 1).toBe(1)
  expect(body).not.toContain('This badge ended on')
})

test('pages the server cannot render as the browser will are sent as before', async () => {
  // An unknown member (the API's 404 is the browser's to explain, with its retry).
  const { app } = setUp()
  const unknown = await page(app, '/customers/999999/earned')
  expect(rootOf(unknown)).toBe('')
  expect(stateOf(unknown)).toBeNull()
  // Turned off (SHOWCASE_SSR=false): item 2 alone, the data in the page.
  const off = await page(setUp({ withRender: false }).app, `/customers/${CUSTOMER}/earned`)
  expect(rootOf(off)).toBe('')
  expect(off).toContain('id="first-view-data"')
})

test("a brand's colour, corners and font come with the rendered page, as the app sets them", async () => {
  const look = { accent: '#ffb000', radius: '12px', font: "'Bean Sans', sans-serif" }
  const { app } = setUp({ config: { ...look, demo: false } })
  const html = await page(app, `/customers/${CUSTOMER}/earned`)
  expect(rootOf(html)).toContain('First Sip')
  expect(stateOf(html)?.config).toMatchObject(look)
  // What only the server knows stays the server's: the demo's data is still marked as such.
  expect(stateOf(html)?.config).toMatchObject({ demo: true })
  expect(rootOf(html)).toContain('Demo data')
  // A style sheet in the head (the CSP refuses inline style), so the page shows in the brand's look.
  const href = /<link rel="stylesheet" href="(brand\.css\?[^"]+)">/.exec(html)?.[1]
  expect(href).toBeDefined()
  expect(html.indexOf(href ?? '')).toBeLessThan(html.indexOf('</head>'))
  const sheet = await app.request(`/${(href ?? '').replace(/&amp;/g, '&')}`)
  expect(sheet.status).toBe(200)
  expect(sheet.headers.get('Content-Type')).toMatch(/^text\/css/)
  // Named by its content: kept for good. The same settings under another version (a page of an
  // earlier build whose inks differed) get today's rule, and the browser checks it each time.
  expect(href).toMatch(/&amp;v=[0-9a-f]{12}$/)
  expect(sheet.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
  const older = (href ?? '').replace(/&amp;/g, '&').replace(/v=[0-9a-f]{12}$/, 'v=000000000000')
  const old = await app.request(`/${older}`)
  expect(old.status).toBe(200)
  expect(old.headers.get('Cache-Control')).toBe('no-cache')
  const rule = await sheet.text()
  expect(await old.text()).toBe(rule)
  // Checked again with what it kept: nothing to send, as long as the rule is the same.
  const tag = old.headers.get('ETag') ?? ''
  expect(tag).toMatch(/^"[0-9a-f]{12}"$/)
  for (const kept of [tag, `W/${tag}`, `"0", ${tag}`]) {
    const again = await app.request(`/${older}`, { headers: { 'If-None-Match': kept } })
    expect(again.status, kept).toBe(304)
    expect(await again.text()).toBe('')
  }
  const stale = await app.request(`/${older}`, { headers: { 'If-None-Match': '"000000000000"' } })
  expect(stale.status).toBe(200)
  // The brand's colour, and as text a darker one that reads on white (#ffb000 does not).
  expect(rule).toContain('--accent:#ffb000')
  expect(rule).toMatch(/--accent-ink:light-dark\(#[0-9a-f]{6}, #ffb000\)/)
  expect(rule).not.toContain('--accent-ink:light-dark(#ffb000')
  expect(rule).toContain('--on-accent:#000000')
  expect(rule).toContain('--radius:12px')
  expect(rule).toContain("--font:'Bean Sans', sans-serif")
  // The showcase's own look needs none.
  expect(await page(setUp().app, `/customers/${CUSTOMER}/earned`)).not.toContain('brand.css')
})

test("in a portal's frame the page is rendered for early.js, with the embed snippet's settings", async () => {
  // The snippet's settings are in the frame's URL fragment, which the server never sees with the
  // page: rendered here, the page would be drawn again in another language, without its header.
  const { app } = setUp()
  const address = `/customers/${CUSTOMER}/earned`
  const framed = await app.request(address, { headers: { 'Sec-Fetch-Dest': 'iframe' } })
  const html = await framed.text()
  expect(rootOf(html)).toBe('')
  expect(html).not.toContain('id="server-render"')
  expect(html).not.toContain(ENTRY)
  expect(html).toContain(
    '<script defer fetchpriority="high" src="early.js" data-entry="./assets/index-1.js" ' +
      'data-chunks="./assets/earned-2.js ./assets/group-section-3.js" data-hydrate="hydrate.js" data-demo></script>',
  )
  // The same address is another page on its own: a cache must tell them apart.
  expect(framed.headers.get('Vary')).toMatch(/Sec-Fetch-Dest/)
  // And so is the page in another language.
  expect(framed.headers.get('Vary')).toMatch(/Accept-Language/)
  expect(rootOf(await page(app, address))).toContain('First Sip')

  // early.js asks for it with the fragment's settings (no token in demo mode).
  const asked = await app.request('/first-view', {
    headers: {
      'X-Showcase-Page': address,
      'X-Showcase-Settings': new URLSearchParams({
        parent: 'https://portal.example',
        locale: 'ar',
        header: 'none',
        accent: '#0a7d5a',
      }).toString(),
      'X-Showcase-Framed': '1',
      'X-Showcase-Time-Zone': 'UTC',
    },
  })
  expect(asked.status).toBe(200)
  const rendered = (await asked.json()) as {
    html: string
    htmlAttributes: Record<string, string>
    htmlStyle: Array<[string, string]>
    state: ServerRenderState
  }
  expect(rendered.htmlAttributes).toMatchObject({ lang: 'ar', dir: 'rtl' })
  expect(rendered.html).toContain('First Sip')
  // The portal has its own header: no brand row.
  expect(rendered.html).not.toContain('Badge Showcase')
  expect(rendered.state.config).toMatchObject({ embedded: true, header: 'none', locale: 'ar' })
  expect(Object.fromEntries(rendered.htmlStyle)).toMatchObject({ '--accent': '#0a7d5a' })
})

test('the root in a frame (the demo member, as the router redirects) carries its first view data as before', async () => {
  const { app } = setUp()
  const framed = await (await app.request('/', { headers: { 'Sec-Fetch-Dest': 'iframe' } })).text()
  expect(framed).toContain('id="first-view-data"')
  expect(framed).toContain(ENTRY)
  expect(framed).not.toContain('early.js')
})

test('hydrate.js and early.js are named as the build named them, by their content, kept for good', async () => {
  const { app } = setUp()
  const dist = builtApp()
  mkdirSync(path.join(dist, 'assets'), { recursive: true })
  writeFileSync(
    path.join(dist, '.vite', 'public-scripts.json'),
    JSON.stringify({ 'early.js': 'assets/early-Ab_1.js', 'hydrate.js': 'assets/hydrate-Cd-2.js' }),
  )
  writeFileSync(path.join(dist, 'assets', 'hydrate-Cd-2.js'), ';(function () {})()')
  const built = createApp({
    api: createApi(),
    distDir: dist,
    log: () => undefined,
    serverRender: (request) =>
      render({
        ...request,
        now: Date.now(),
        fetch: (input, init) => Promise.resolve(app.request(String(input), init)),
        budgetMs: 5_000,
      }),
  })
  const html = await page(built, `/customers/${CUSTOMER}/earned`)
  expect(html).toContain(
    '<script defer blocking="render" fetchpriority="high" src="assets/hydrate-Cd-2.js" ',
  )
  const script = await built.request('/assets/hydrate-Cd-2.js')
  expect(script.headers.get('Cache-Control')).toContain('immutable')
  // In a frame, early.js by its name, told hydrate.js's.
  const framed = await (
    await built.request(`/customers/${CUSTOMER}/earned`, {
      headers: { 'Sec-Fetch-Dest': 'iframe' },
    })
  ).text()
  expect(framed).toMatch(
    /<script defer fetchpriority="high" src="assets\/early-Ab_1\.js" [^>]*data-hydrate="assets\/hydrate-Cd-2\.js"/,
  )
  // A page sent before a deploy names the earlier build's file: it gets the current one.
  const earlier = await built.request('/assets/hydrate-0ldBu1ld00.js')
  expect(earlier.status).toBe(302)
  expect(earlier.headers.get('Location')).toBe('/hydrate.js')
  // A name that is not one of the build's files is not put in a page.
  writeFileSync(
    path.join(dist, '.vite', 'public-scripts.json'),
    JSON.stringify({ 'hydrate.js': 'https://evil.example/x.js"><script>' }),
  )
  expect(await page(built, `/customers/${CUSTOMER}/earned`)).toContain(' src="hydrate.js" ')
})

/** A render that takes `ms` and renders nothing, counting how many began and most at once. */
function countingRender(ms: number) {
  const count = { started: 0, most: 0, now: 0 }
  const render: PageRender = async () => {
    count.started += 1
    count.now += 1
    count.most = Math.max(count.most, count.now)
    await new Promise((resolve) => setTimeout(resolve, ms))
    count.now -= 1
    return null
  }
  return { count, render }
}

test('live mode: GET first-view renders no more than 16 pages at once, however many ask at the same moment', async () => {
  const { count, render: slowRender } = countingRender(100)
  // A brand's config.json: reading it is one more wait before the render begins.
  const dist = builtApp()
  writeFileSync(path.join(dist, 'config.json'), JSON.stringify({ accent: '#0a7d5a' }))
  const app = createApp({
    api: createApi(),
    distDir: dist,
    mode: 'live',
    log: () => undefined,
    serverRender: slowRender,
  })
  const answers = await Promise.all(
    Array.from({ length: 100 }, () =>
      app.request('/first-view', {
        headers: { 'X-Showcase-Page': `/customers/${CUSTOMER}/earned` },
      }),
    ),
  )
  // 16 renders began, never more at once (100 began before the fix); the rest were refused.
  expect(count.started).toBe(16)
  expect(count.most).toBeLessThanOrEqual(16)
  expect(answers.every((answer) => answer.status === 204)).toBe(true)
})

test('demo pages: a few renders at once and a share a minute per client; past them the page comes with its data', async () => {
  const { count, render: slowRender } = countingRender(50)
  const app = createApp({
    api: createApi(),
    distDir: builtApp(),
    log: () => undefined,
    serverRender: slowRender,
  })
  const ask = () => app.request(`/customers/${CUSTOMER}/earned`)
  // Many at the same moment: only a few renders run; every page is still served.
  const burst = await Promise.all(Array.from({ length: 40 }, ask))
  expect(count.most).toBe(DEMO_RENDERS_AT_ONCE)
  expect(burst.every((answer) => answer.status === 200)).toBe(true)
  // One after another, one client: its minute's share, then pages the browser renders.
  while (count.started < DEMO_RENDERS_PER_MINUTE) await ask()
  const past = await (await ask()).text()
  expect(count.started).toBe(DEMO_RENDERS_PER_MINUTE)
  // Not rendered, yet with its code and its first view's data, as without SSR.
  expect(past).toContain(ENTRY)
  expect(past).toContain('id="first-view-data"')
})

test("demo mode: a portal's frame asking GET first-view has a page's share, not one of its own", async () => {
  const { count, render: slowRender } = countingRender(50)
  const app = createApp({
    api: createApi(),
    distDir: builtApp(),
    log: () => undefined,
    serverRender: slowRender,
  })
  const ask = () =>
    app.request('/first-view', {
      headers: { 'X-Showcase-Page': `/customers/${CUSTOMER}/earned`, 'X-Showcase-Framed': '1' },
    })
  // Many at the same moment: a page's few at once (16 before), the rest left to the browser (a
  // render that gave nothing answers as a refusal does: the counts are what tells them apart).
  await Promise.all(Array.from({ length: 40 }, ask))
  expect(count.most).toBe(DEMO_RENDERS_AT_ONCE)
  expect(count.started).toBe(DEMO_RENDERS_AT_ONCE)
  // One after another: the client's share a minute, which pages draw from too (65 of 65 before).
  while (count.started < DEMO_RENDERS_PER_MINUTE - 1) await ask()
  await app.request(`/customers/${CUSTOMER}/earned`)
  expect(count.started).toBe(DEMO_RENDERS_PER_MINUTE)
  await ask()
  const page = await (await app.request(`/customers/${CUSTOMER}/earned`)).text()
  expect(count.started).toBe(DEMO_RENDERS_PER_MINUTE)
  expect(page).toContain('id="first-view-data"')
})

test("GET config.json: the brand's file with the server's facts on top, revalidated by its ETag", async () => {
  const { app } = setUp({ config: { locale: 'fr', demo: false, proofs: true } })
  const answer = await app.request('/config.json')
  expect(answer.headers.get('Cache-Control')).toBe('no-cache')
  // Demo data stays marked; proof links are not on because a file says so (no proof key here).
  expect(await answer.json()).toEqual({ locale: 'fr', demo: true })
  const tag = answer.headers.get('ETag') ?? ''
  expect(tag).not.toBe('')
  expect((await app.request('/config.json', { headers: { 'If-None-Match': tag } })).status).toBe(
    304,
  )
})

test('brand.css makes a rule only of valid settings of the look', async () => {
  const { app } = setUp()
  for (const query of [
    'accent=red%3B%7Dbody%7Bdisplay%3Anone',
    'font=a%7D%3Aroot%7B',
    'radius=12px%3Bcolor%3Ared',
    'accent=%23fff&locale=ar',
    'accent=%23fff&accent=%23000',
    'accent=%23fff&v=%7Dbody%7B',
    'accent=%23fff&v=0123456789ab&v=0123456789ab',
    'v=0123456789ab',
    '',
  ]) {
    const response = await app.request(`/brand.css?${query}`)
    expect(response.status, query).toBe(400)
    expect(await response.text()).not.toContain('{')
  }
})

test("the first paint's wait names this very page, as the browser spells its address", async () => {
  const { app } = setUp()
  // An escaped path (62090013, its first digits escaped) and a query: the link must match the
  // page's own address exactly, or the browser ignores it.
  const address = '/customers/%36%32090013/earned?sort=last-earned&x=%7E%22'
  const html = await page(app, address)
  expect(html).toContain(
    '<link rel="expect" href="/customers/%36%32090013/earned?sort=last-earned&amp;x=%7E%22#view-end" blocking="render">',
  )
  expect(html).toContain('</div><template id="view-end"></template>')
})

test('a badge name cannot end the data block', async () => {
  const { app } = setUp()
  const html = await page(app, `/customers/${CUSTOMER}/earned`)
  const blocks = html.match(/<script type="application\/json"[^>]*>[\s\S]*?<\/script>/g) ?? []
  expect(blocks).toHaveLength(2)
  for (const block of blocks) {
    const inner = block.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, '')
    expect(inner).not.toContain('<')
    expect(() => JSON.parse(inner) as unknown).not.toThrow()
  }
})
