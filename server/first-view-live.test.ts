import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Hono } from 'hono'
import { expect, test } from 'vitest'
import { render } from '../src/entry-server.tsx'
import { type ServerRenderState } from '../src/server-render-state.ts'
import { createApi } from './api.ts'
import { VIP_MEMBER } from './emulator/vip-data.ts'
import { createApp } from './app.ts'
import { readConfig } from './config.ts'
import { builtApp, ENTRY } from './test/built-app.ts'
import { type PageRender, SERVER_ENTRY, serverRenderer } from './server-render.ts'

// Live mode: the server renders the first view for public/early.js, which has the member token
// (the URL fragment's, never sent with the page) and asks for it with the token in its
// Authorization header (GET first-view).

const CUSTOMER = '62090013'
const TOKEN = 'header.payload.signature'

function setUp(options: { signedIn?: boolean; withRender?: boolean } = {}) {
  const api = createApi()
  const inProcess: typeof fetch = (input, init) => Promise.resolve(api.request(String(input), init))
  const asked: Array<Parameters<PageRender>[0]> = []
  const pageRender: PageRender = (request) => {
    asked.push(request)
    return render({ ...request, now: Date.now(), fetch: inProcess, budgetMs: 5_000 })
  }
  const dist = builtApp()
  const app = createApp({
    api,
    distDir: dist,
    mode: 'live',
    log: () => undefined,
    serverRender: options.withRender === false ? null : pageRender,
    mayRender: async (authorization, customer) =>
      (options.signedIn ?? true) && authorization === `Bearer ${TOKEN}` && customer === CUSTOMER,
  })
  return { app, asked }
}

const firstView = (app: ReturnType<typeof createApp>, page: string, headers = {}) =>
  app.request('/first-view', {
    headers: { Authorization: `Bearer ${TOKEN}`, 'X-Showcase-Page': page, ...headers },
  })

test("a view's page names the app's code on early.js, which loads it; without the render, it carries it", async () => {
  const { app } = setUp()
  const own = await app.request(`/customers/${CUSTOMER}/earned`)
  const html = await own.text()
  expect(html).not.toContain(ENTRY)
  expect(html).not.toContain('modulepreload')
  expect(html).toContain(
    '<script defer fetchpriority="high" src="early.js" data-entry="./assets/index-1.js" ' +
      'data-chunks="./assets/earned-2.js ./assets/group-section-3.js" data-hydrate="hydrate.js"></script>',
  )
  // Rendering turned off (SHOWCASE_SSR=false): the page carries the app's script and the view's
  // code, and early.js only starts the view's requests.
  const plain = await (
    await setUp({ withRender: false }).app.request(`/customers/${CUSTOMER}/earned`)
  ).text()
  expect(plain).toContain(
    `<script defer fetchpriority="high" src="early.js"></script>\n    ${ENTRY}`,
  )
  expect(plain).toContain('<link rel="modulepreload" crossorigin href="./assets/earned-2.js" />')
  expect(plain).not.toContain('data-entry')
})

test("GET first-view: the member's view, in the browser's language and time zone, never stored", async () => {
  const { app, asked } = setUp()
  const response = await firstView(app, `/customers/${CUSTOMER}/earned?sort=last-earned`, {
    'X-Showcase-Settings': 'locale=fr&member_token=another.token.here',
    'X-Showcase-Time-Zone': 'Pacific/Kiritimati',
  })
  expect(response.status).toBe(200)
  expect(response.headers.get('Cache-Control')).toBe('no-store')
  const body = (await response.json()) as {
    html: string
    htmlAttributes: { lang: string }
    state: ServerRenderState
    chunks: string[]
  }
  expect(body.html).toContain('First Sip')
  expect(body.html).toContain('Trier')
  expect(body.htmlAttributes.lang).toBe('fr')
  expect(body.state.timeZone).toBe('Pacific/Kiritimati')
  // A zone's other name (as some browsers say it) is said back as the browser said it.
  const alias = await firstView(app, `/customers/${CUSTOMER}/earned`, {
    'X-Showcase-Time-Zone': 'Asia/Kolkata',
  })
  expect(((await alias.json()) as { state: ServerRenderState }).state.timeZone).toBe('Asia/Kolkata')
  expect(body.state.page).toBe(`/customers/${CUSTOMER}/earned?sort=last-earned`)
  expect(body.chunks).toEqual(['./assets/earned-2.js', './assets/group-section-3.js'])
  // The token goes to the API with each request the render makes, and nowhere into the page.
  expect(asked[0]?.authorization).toBe(`Bearer ${TOKEN}`)
  expect(body.state.config.memberToken).toBeNull()
  expect(JSON.stringify(body)).not.toContain('another.token.here')
  expect(JSON.stringify(body)).not.toContain(TOKEN)
})

test('a page in a frame is rendered as embedded, as the browser counts it, with or without the embed settings', async () => {
  const { app } = setUp()
  const render = async (headers: Record<string, string>) =>
    (await (await firstView(app, `/customers/${CUSTOMER}/earned`, headers)).json()) as {
      html: string
      state: ServerRenderState
    }
  // A page of its own fills the window; a frame is as tall as its content (the portal sizes it).
  const own = await render({})
  expect(own.state.config.embedded).toBe(false)
  expect(own.html).toContain('min-h-dvh')
  const framed = await render({ 'X-Showcase-Framed': '1' })
  expect(framed.state.config.embedded).toBe(true)
  expect(framed.html).not.toContain('min-h-dvh')
})

test("a portal's words (brand, member name, share address) are rendered only inside a frame", async () => {
  const { app } = setUp()
  const settings = 'brand_name=Call 0800 SCAM&member_name=Your card is locked&locale=fr'
  // A link opened in a tab: the browser leaves these settings out and says why, so the server
  // does not render them onto the brand's origin either (204: the browser draws the page).
  const tab = await firstView(app, `/customers/${CUSTOMER}/earned`, {
    'X-Showcase-Settings': settings,
  })
  expect(tab.status).toBe(204)
  expect(await tab.text()).not.toContain('SCAM')
  // In a portal's frame they are the portal's own words.
  const framed = await firstView(app, `/customers/${CUSTOMER}/earned`, {
    'X-Showcase-Settings': settings,
    'X-Showcase-Framed': '1',
  })
  expect(framed.status).toBe(200)
  expect(((await framed.json()) as { html: string }).html).toContain('Call 0800 SCAM')
})

test('no render for a request not signed in, a page that is not a view, or an unknown time zone', async () => {
  const { app, asked } = setUp()
  for (const page of ['/', '//evil.example/x', 'https://evil.example/', '/customers/x', '/other']) {
    expect((await firstView(app, page)).status).toBe(204)
  }
  const unsigned = await app.request('/first-view', {
    headers: { 'X-Showcase-Page': `/customers/${CUSTOMER}/earned` },
  })
  expect(unsigned.status).toBe(204)
  expect(
    (await firstView(app, `/customers/${CUSTOMER}/earned`, { Authorization: 'Bearer forged' }))
      .status,
  ).toBe(204)
  // Another member's page: the token is not theirs.
  expect((await firstView(app, `/customers/${VIP_MEMBER}/earned`)).status).toBe(204)
  // None of those cost a render.
  expect(asked).toEqual([])
  const zone = await firstView(app, `/customers/${CUSTOMER}/earned`, {
    'X-Showcase-Time-Zone': 'Mars/Olympus_Mons',
  })
  expect(zone.status).toBe(204)
  // Without the server's render (not built, or SHOWCASE_SSR=false) there is none.
  const demo = createApp({
    api: createApi(),
    distDir: mkdtempSync(path.join(tmpdir(), 'x-')),
    log: () => undefined,
  })
  expect((await demo.request('/first-view')).status).not.toBe(200)
})

/** A build whose server render is `source` (a module exporting `render`), for serverRenderer. */
function standInRender(source: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'showcase-render-entry-'))
  mkdirSync(path.join(root, path.dirname(SERVER_ENTRY)))
  writeFileSync(path.join(root, SERVER_ENTRY), source)
  return root
}

const PAGE = {
  url: `http://localhost/customers/${CUSTOMER}/earned`,
  basename: '',
  configJson: {},
  acceptLanguage: null,
}

test("the render's requests to the API carry the member's token", async () => {
  // A stand-in render that asks the API once, as the real one asks it for the view's data.
  const root = standInRender(
    "export async function render(input) { await input.fetch('/api_gateway/v1/badges/x', { headers: { Accept: 'application/json' } }); return null }",
  )
  const seen: Array<string | undefined> = []
  const api = new Hono().get('/api_gateway/v1/badges/x', (c) => {
    seen.push(c.req.header('Authorization'))
    return c.json({})
  })
  const renderPage = serverRenderer(root, api)
  await renderPage?.({ ...PAGE, authorization: `Bearer ${TOKEN}` })
  // The member's render asks with their token. The warm-up render at start asks the API nothing:
  // in live mode that is the brand's cluster, and no member is looked up before one comes.
  expect(seen).toEqual([`Bearer ${TOKEN}`])
})

test("a render's data may take the budget the server was started with (SHOWCASE_RENDER_BUDGET_MS)", async () => {
  // A stand-in render that says the budget it was given.
  const root = standInRender(
    'export async function render(input) { return { budget: input.budgetMs } }',
  )
  const given = async (renderPage: ReturnType<typeof serverRenderer>) =>
    ((await renderPage?.(PAGE)) as unknown as { budget: number } | null)?.budget
  expect(await given(serverRenderer(root, new Hono()))).toBe(1_000)
  expect(await given(serverRenderer(root, new Hono(), Date.now, false, 4_000))).toBe(4_000)
  expect(readConfig({}).renderBudgetMs).toBe(1_000)
  expect(readConfig({ SHOWCASE_RENDER_BUDGET_MS: '4000' }).renderBudgetMs).toBe(4_000)
  expect(() => readConfig({ SHOWCASE_RENDER_BUDGET_MS: '50' })).toThrow(/SHOWCASE_RENDER_BUDGET_MS/)
})

test("two members' renders at once: each one's requests go out with that member's own credentials", async () => {
  const api = createApi()
  // Each member's render tags its requests; the API in process notes which member's path each
  // tag asked for.
  const asked: Array<{ by: string; path: string }> = []
  const asMember =
    (member: string): typeof fetch =>
    (input, init) => {
      asked.push({ by: member, path: String(input) })
      return Promise.resolve(api.request(String(input), init))
    }
  const renderFor = (member: string, view: string) =>
    render({
      url: `http://localhost/customers/${member}/${view}`,
      basename: '',
      configJson: {},
      acceptLanguage: null,
      fragment: '',
      now: Date.now(),
      fetch: asMember(member),
      budgetMs: 5_000,
    })
  const [typical, vip] = await Promise.all([
    renderFor(CUSTOMER, 'available'),
    renderFor(VIP_MEMBER, 'available'),
  ])
  expect(typical).not.toBeNull()
  expect(vip).not.toBeNull()
  // Every member-specific request went through the fetch of the render it belongs to.
  const memberPaths = asked.filter(({ path }) => /\/(customer|management)\//.test(path))
  expect(memberPaths.length).toBeGreaterThan(4)
  for (const { by, path } of memberPaths) expect(path).toContain(`/${by}`)
  // And the member records each render needed (asked after its first pass) are among them.
  expect(memberPaths.some(({ path }) => path.includes('/management/'))).toBe(true)
})

test("the render's API requests go with the browser's own connection, for its limits", async () => {
  const { app, asked } = setUp()
  // Node's server hands each request its connection here (Hono's env); app.request stands in.
  const connection = { incoming: { socket: { remoteAddress: '203.0.113.7' } } }
  const response = await app.request(
    '/first-view',
    {
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        'X-Showcase-Page': `/customers/${CUSTOMER}/earned`,
      },
    },
    connection,
  )
  expect(response.status).toBe(200)
  expect(asked.at(-1)?.env).toBe(connection)
})
