import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { Agent, get } from 'node:http'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import path from 'node:path'
import { serve } from '@hono/node-server'
import react from '@vitejs/plugin-react'
import autocannon from 'autocannon'
import { SignJWT } from 'jose'
import lighthouse from 'lighthouse'
import { format, resolveConfig } from 'prettier'
import { chromium, type Page } from '@playwright/test'
import { build } from 'vite'
import { createApi } from '../server/api.ts'
import { createApp } from '../server/app.ts'
import { readManifest, viewChunks } from '../server/first-view.ts'
import { initialAssets, type Sizes, sizesOf } from '../scripts/bundle-size.ts'
import { findChromium, quietChromiumFlags } from '../scripts/find-chromium.ts'
import { precompressDir } from '../scripts/precompress.ts'
import { reactRouterProduction } from '../scripts/react-router-production.ts'
import { loadReport, proxyLoad } from './load.ts'
import { scale, type ScaleRow, taskBudget } from './scale.ts'

// npm run bench: the built showcase in demo mode, measured in real Chromium, next to its targets.
// Timings belong here, never in tests. Writes bench/results.json and bench/results.md.
// `npm run bench -- --only scale` builds the showcase and measures only the scale section, and
// `--only load` only the load through the live proxy; the other sections keep the figures of the
// last full run.

const root = path.resolve(import.meta.dirname, '..')
const PORT = Number(process.env.BENCH_PORT ?? 4290)
const base = `http://127.0.0.1:${PORT}`
const standInBase = `http://127.0.0.1:${PORT + 1}`
const liveBase = `http://127.0.0.1:${PORT + 2}`
const floorBase = `http://127.0.0.1:${PORT + 3}`
// The same demo app without the server render of the first view (SHOWCASE_SSR=false).
const noSsrBase = `http://127.0.0.1:${PORT + 4}`
// A brand's deployment of the demo: its accent, corners and font in config.json (PORT + 5 to 7
// are Lighthouse's).
const brandBase = `http://127.0.0.1:${PORT + 8}`
const BRAND = { accent: '#c2410c', radius: '12px', font: 'Georgia, serif' }
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
// `npm run bench -- --only wire,lighthouse`: just those sections, printed and kept out of
// bench/results.*, for a quick before/after of one change (the full run is the record).
const onlyArg = process.argv.indexOf('--only')
const ONLY =
  onlyArg === -1 ? null : new Set((process.argv[onlyArg + 1] ?? '').split(',').filter(Boolean))
const SECTIONS = ['wire', 'waterfall', 'lighthouse', 'network', 'scale', 'server', 'load']
if (ONLY !== null && (ONLY.size === 0 || [...ONLY].some((name) => !SECTIONS.includes(name)))) {
  throw new Error(`--only takes a comma-separated list of: ${SECTIONS.join(', ')}`)
}
const TOKEN_SECRET = 'bench-member-token-secret-0123456789abcdef'
const chrome = findChromium()
// Of the runs that saw the figure: a run without it (NaN) neither sorts nor counts; none, NaN.
const median = (values: number[]) => {
  const seen = values.filter(Number.isFinite).sort((a, b) => a - b)
  return seen[Math.floor(seen.length / 2)] ?? NaN
}
const log = (line: string) => console.log(`bench: ${line}`)
// Lighthouse's mobile device: what "the first badge on a phone" is measured on.
const PHONE = { width: 412, height: 823 }
// --only scale or --only load alone replaces that section of the record (see runScaleOnly).
const only =
  ONLY !== null && ONLY.size === 1 && (ONLY.has('scale') || ONLY.has('load'))
    ? ONLY.has('scale')
      ? 'scale'
      : 'load'
    : null

function start(
  command: string[],
  env: Record<string, string>,
  ready: string,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), ...command],
      {
        cwd: root,
        env: { ...process.env, HOST: '127.0.0.1', ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    const timer = setTimeout(() => reject(new Error(`${command.join(' ')} did not start`)), 60_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(ready)) {
        clearTimeout(timer)
        resolve(child)
      }
    })
  })
}

type ViewName = 'earned' | 'available' | 'detail'
const BADGE = '6650b1c00000000000000003'
const viewPaths: Record<ViewName, { path: string; ready: string; data: RegExp }> = {
  earned: { path: '/customers/62090013/earned', ready: 'First Sip', data: /badgeType=EARNED/ },
  available: {
    path: '/customers/62090013/available',
    ready: 'Night Owl',
    data: /badgeType=AVAILABLE/,
  },
  detail: {
    path: `/customers/62090013/badges/${BADGE}`,
    ready: "Barista's Favourite",
    data: /management\/|badgeMeta\//,
  },
}

/** What is measured: each view in demo and live mode, and the stack's floor served the same way. */
type Target = {
  name: string
  url: string
  view: ViewName | null
  ready: (page: Page) => Promise<void>
  data: RegExp
}

function targets(token: string): Target[] {
  const list: Target[] = []
  for (const mode of ['demo', 'demo, no SSR', 'live'] as const) {
    for (const [view, { path: viewPath, ready, data }] of Object.entries(viewPaths)) {
      const url = {
        demo: `${base}${viewPath}`,
        'demo, no SSR': `${noSsrBase}${viewPath}`,
        live: `${liveBase}${viewPath}#member_token=${token}`,
      }[mode]
      list.push({
        name: `${view}${mode === 'demo' ? '' : ` (${mode})`}`,
        url,
        view: view as ViewName,
        ready: (page) => page.getByRole('heading', { name: ready }).first().waitFor(),
        data,
      })
    }
  }
  // A brand's look once (it rendered nothing on the server until 2026-11-27): the earned view.
  list.push({
    name: "earned (demo, brand's look)",
    url: `${brandBase}${viewPaths.earned.path}`,
    view: 'earned',
    ready: (page) => page.getByRole('heading', { name: viewPaths.earned.ready }).first().waitFor(),
    data: viewPaths.earned.data,
  })
  list.push({
    name: 'floor',
    url: `${floorBase}/floor`,
    view: null,
    ready: (page) => page.locator('pre').waitFor(),
    data: /\/api_gateway\//,
  })
  return list
}

async function bundle() {
  log('building the showcase and the stack floor')
  await build({ root, logLevel: 'silent' })
  // The server's render of the first view, as `npm run build` makes it.
  await build({
    root,
    logLevel: 'silent',
    build: { ssr: 'src/entry-server.tsx', outDir: 'dist-server' },
  })
  const floorOut = mkdtempSync(path.join(tmpdir(), 'bench-floor-'))
  await build({
    root: path.join(root, 'bench/floor'),
    configFile: false,
    logLevel: 'silent',
    plugins: [react()],
    // Built as the showcase is: React Router's production files (scripts/react-router-production.ts).
    resolve: { alias: reactRouterProduction },
    build: { outDir: floorOut, emptyOutDir: true, target: 'es2022' },
  })
  // Served the same way as the showcase: the same precompression, the same server code.
  precompressDir(floorOut)
  const dist = path.join(root, 'dist')
  const views: Record<string, Sizes> = {}
  for (const file of readdirSync(path.join(dist, 'assets'))) {
    const view = /^(earned|available|badge-detail|fr|ar)-.*\.js$/.exec(file)?.[1]
    if (view) views[view] = sizesOf(dist, [`assets/${file}`])
  }
  return {
    floorOut,
    initialJs: initialAssets(dist, 'earned').js,
    initialCss: initialAssets(dist, 'earned').css,
    floorJs: initialAssets(floorOut, null).js,
    lazyChunks: views,
  }
}

/** The first view's own scripts (entry and view chunks); anything else is idle-time warm-up. */
function ownScripts(view: ViewName | null): Set<string> | null {
  if (view === null) return null
  const dist = path.join(root, 'dist')
  return new Set([...initialAssets(dist, null).js.files, ...viewChunks(readManifest(dist), view)])
}

type Wire = Record<'html' | 'js' | 'css' | 'api' | 'images' | 'other' | 'total', number>

/** Bytes on the wire (compressed, headers included), by kind, for one load of a view on a phone. */
async function wireOnce(target: Target): Promise<Wire> {
  const own = ownScripts(target.view)
  return withPage(async (page) => {
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Network.enable')
    const requests = new Map<string, { url: string; type: string }>()
    const wire: Wire = { html: 0, js: 0, css: 0, api: 0, images: 0, other: 0, total: 0 }
    cdp.on('Network.requestWillBeSent', (event) =>
      requests.set(event.requestId, { url: event.request.url, type: event.type ?? 'Other' }),
    )
    cdp.on('Network.loadingFinished', (event) => {
      const request = requests.get(event.requestId)
      if (request === undefined) return
      const file = new URL(request.url).pathname.replace(/^\//, '')
      let kind: keyof Wire = 'other'
      if (request.type === 'Document') kind = 'html'
      else if (request.type === 'Script') {
        if (own !== null && !own.has(file)) return
        kind = 'js'
      } else if (request.type === 'Stylesheet') kind = 'css'
      // (Live mode's rendered first view is the view's data, rendered.)
      else if (request.url.includes('/api_gateway/') || /\/first-view$/.test(request.url))
        kind = 'api'
      else if (request.type === 'Image') kind = 'images'
      wire[kind] += event.encodedDataLength
      wire.total += event.encodedDataLength
    })
    await page.goto(target.url)
    await target.ready(page)
    await page.waitForLoadState('networkidle')
    return wire
  }, PHONE)
}

type Waterfall = { scriptEndMs: number; dataStartMs: number; lcpMs: number }

/**
 * When the view's first data request starts against when the entry script has arrived, on a
 * throttled connection (150 ms, 1.6 Mbps, 4x CPU): negative means the data did not wait for the
 * script. Data that came inside the page counts as starting with the page's response.
 */
async function waterfallOnce(target: Target): Promise<Waterfall> {
  return withPage(async (page) => {
    await page.addInitScript(() => {
      const lcp: number[] = []
      Object.assign(window, { __lcp: lcp })
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) lcp.push(entry.startTime)
      }).observe({ type: 'largest-contentful-paint', buffered: true })
    })
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await page.goto(target.url)
    await target.ready(page)
    await page.waitForLoadState('networkidle')
    // A server-rendered page asks for its code only once the badges are painted and the page is
    // idle (hydrate.js): on a slow run, after the network had gone quiet. Wait for the script, so a
    // run is not left without it (its median read "n/a").
    await page
      .waitForFunction(
        () =>
          performance
            .getEntriesByType('resource')
            .some(
              (r) =>
                /\/assets\/index-[^/]+\.js$/.test(r.name) &&
                (r as PerformanceResourceTiming).responseEnd > 0,
            ),
        null,
        { timeout: 15_000 },
      )
      .catch(() => undefined)
    return page.evaluate((dataSource) => {
      const data = new RegExp(dataSource)
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
      const entry = resources.find((r) => /\/assets\/index-[^/]+\.js$/.test(r.name))
      // The view's API requests, or live mode's request for the view rendered.
      const requests = resources.filter(
        (r) =>
          (r.name.includes('/api_gateway/') && data.test(r.name)) || /\/first-view$/.test(r.name),
      )
      const navigation = performance.getEntriesByType(
        'navigation',
      )[0] as PerformanceNavigationTiming
      const lcp = (window as unknown as { __lcp: number[] }).__lcp
      return {
        scriptEndMs: entry?.responseEnd ?? NaN,
        dataStartMs:
          requests.length > 0
            ? Math.min(...requests.map((r) => r.startTime))
            : navigation.responseStart,
        lcpMs: lcp[lcp.length - 1] ?? NaN,
      }
    }, target.data.source)
  }, PHONE)
}

type LighthouseFigures = Record<
  'performance' | 'accessibility' | 'bestPractices' | 'seo' | 'lcpMs' | 'tbtMs' | 'cls',
  number
>

async function lighthouseOnce(url: string, port: number): Promise<LighthouseFigures> {
  const browser = await chromium.launch({
    executablePath: chrome.path,
    args: [...quietChromiumFlags, `--remote-debugging-port=${port}`],
  })
  try {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' })
    const lhr = result?.lhr
    if (!lhr) throw new Error('Lighthouse returned nothing')
    // A run Lighthouse could not finish (NO_NAVSTART, say) has no score: not a 0 in the median.
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? NaN) * 100)
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
      tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
      cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
    }
  } finally {
    await browser.close()
  }
}

function medians<T extends Record<string, number>>(runs: T[]): T {
  return Object.fromEntries(
    Object.keys(runs[0] ?? {}).map((key) => [key, median(runs.map((run) => run[key] ?? NaN))]),
  ) as T
}

/** Every target once per round, rounds repeated: a noisy minute hits all of them alike. */
async function interleaved<T extends Record<string, number>>(
  name: string,
  list: Target[],
  once: (target: Target, round: number) => Promise<T>,
): Promise<Record<string, T & { runs: number }>> {
  const runs = new Map<string, T[]>()
  for (let round = 0; round < RUNS; round += 1) {
    for (const target of list) {
      const result = await once(target, round)
      runs.set(target.name, [...(runs.get(target.name) ?? []), result])
      log(`${name} ${target.name} #${round + 1}: ${JSON.stringify(result)}`)
    }
  }
  return Object.fromEntries(
    [...runs].map(([target, results]) => [target, { ...medians(results), runs: results.length }]),
  )
}

async function withPage<T>(
  work: (page: Page) => Promise<T>,
  viewport = { width: 1280, height: 900 },
): Promise<T> {
  const browser = await chromium.launch({ executablePath: chrome.path, args: quietChromiumFlags })
  try {
    const page = await browser.newPage({ viewport })
    return await work(page)
  } finally {
    await browser.close()
  }
}

async function network() {
  return withPage(async (page) => {
    const requests: Array<{ url: string; at: number }> = []
    let t0 = 0
    page.on('request', (request) => {
      if (request.url().includes('/api_gateway/'))
        requests.push({ url: new URL(request.url()).pathname, at: Date.now() - t0 })
    })
    const view = async (name: string, url: string, ready: string) => {
      requests.length = 0
      t0 = Date.now()
      await page.goto(url)
      await page.getByRole('heading', { name: ready }).first().waitFor()
      await page.waitForLoadState('networkidle')
      const starts = requests.map((request) => request.at)
      return {
        view: name,
        requests: requests.length,
        // No request at all (the page carried its data): no spread to speak of.
        startSpreadMs: starts.length === 0 ? null : Math.max(...starts) - Math.min(...starts),
        paths: requests.map((r) => r.url),
      }
    }
    const views = [
      await view('earned', `${base}/customers/62090013/earned`, 'First Sip'),
      await view('available', `${base}/customers/62090013/available`, 'Night Owl'),
      await view(
        'detail',
        `${base}/customers/62090013/badges/6650b1c00000000000000003`,
        "Barista's Favourite",
      ),
    ]
    // Back to a view within its fresh time, and a detail opened after its card was hovered.
    await page.goto(`${base}/customers/62090013/earned`)
    await page.getByRole('heading', { name: 'First Sip' }).waitFor()
    await page.getByRole('link', { name: /^Available/ }).click()
    await page.getByRole('heading', { name: 'Night Owl' }).waitFor()
    await page.waitForLoadState('networkidle')
    requests.length = 0
    await page.goBack()
    await page.getByRole('heading', { name: 'First Sip' }).waitFor()
    const backRequests = requests.length
    await page.getByRole('link', { name: 'Reviewer' }).hover()
    await page.waitForTimeout(800)
    requests.length = 0
    await page.getByRole('link', { name: 'Reviewer' }).click()
    await page.getByRole('heading', { level: 1, name: 'Reviewer' }).waitFor()
    return { views, backWithinFreshTime: backRequests, prefetchedDetail: requests.length }
  })
}

async function load(url: string, headers: Record<string, string> = {}, connections = 10) {
  const result = await autocannon({ url, connections, duration: 5, headers })
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  }
}

type Latency = { requestsPerSecond: number; p50Ms: number; p99Ms: number }

/** `count` requests one after another over one kept-alive connection, each timed on its own. */
async function oneAtATime(
  url: string,
  headers: Record<string, string>,
  count = 1_000,
): Promise<Latency> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now()
      get(url, { headers, agent }, (response) => {
        response.resume()
        // A response cut off halfway ends in 'aborted' and an error, never 'end'.
        response.on('error', reject)
        response.on('end', () =>
          response.statusCode === 200
            ? resolve(performance.now() - started)
            : reject(new Error(`${url} answered ${response.statusCode}`)),
        )
      }).on('error', reject)
    })
  const times: number[] = []
  try {
    for (let warm = 0; warm < 100; warm += 1) await once()
    for (let request = 0; request < count; request += 1) times.push(await once())
  } finally {
    agent.destroy()
  }
  const sorted = times.sort((a, b) => a - b)
  const at = (p: number) => Math.round((sorted[Math.floor((count * p) / 100)] ?? NaN) * 100) / 100
  const total = times.reduce((sum, time) => sum + time, 0)
  return { requestsPerSecond: (count / total) * 1000, p50Ms: at(50), p99Ms: at(99) }
}

async function server(token: string) {
  const path_ = '/api_gateway/v1/badges/customer/62090013?badgeType=EARNED&limit=10'
  const emulator = await load(`${base}${path_}`)
  const upstreamToken = (await (
    await fetch(`${standInBase}/v3/oauth/token/generate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ key: 'bench', secret: 'bench' }),
    })
  ).json()) as { data: { accessToken: string } }
  // One request at a time: at ten connections, on two cores, p50 measures the queue behind the
  // load generator. Timed here rather than by autocannon, whose percentiles are whole
  // milliseconds: the difference of two could be a millisecond off either way.
  const directHeaders = { 'X-CAP-API-OAUTH-TOKEN': upstreamToken.data.accessToken }
  const proxiedHeaders = { Authorization: `Bearer ${token}` }
  const directRuns: Latency[] = []
  const proxiedRuns: Latency[] = []
  for (let round = 0; round < 3; round += 1) {
    directRuns.push(await oneAtATime(`${standInBase}${path_}`, directHeaders))
    proxiedRuns.push(await oneAtATime(`${liveBase}${path_}`, proxiedHeaders))
  }
  const direct = medians(directRuns)
  const proxied = medians(proxiedRuns)

  // What compression costs the server: the same responses with and without, rounds interleaved.
  const entry = initialAssets(path.join(root, 'dist'), null).js.files[0] ?? ''
  const list =
    '/api_gateway/v1/badges/customer/62090013?badgeType=EARNED&sortOn=RANK&limit=50&page=0'
  const cases = [
    { name: 'badge list (50), as it is', url: list, encoding: null },
    { name: 'badge list (50), brotli 4 per request', url: list, encoding: 'br' },
    { name: 'badge list (50), gzip 5 per request', url: list, encoding: 'gzip' },
    { name: 'entry script, as it is', url: `/${entry}`, encoding: null },
    { name: 'entry script, brotli made at build', url: `/${entry}`, encoding: 'br' },
  ] as const
  const compressionRuns = new Map<string, Array<Record<string, number>>>()
  for (let round = 0; round < 2; round += 1) {
    for (const { name, url, encoding } of cases) {
      // Explicit both ways: Node's fetch would otherwise ask for gzip by itself.
      const headers = { 'Accept-Encoding': encoding ?? 'identity' }
      // Request by request, as the proxy's overhead: autocannon's own parser reads a binary body
      // (the brotli twin) slower than text, and made the stored file look 3x dearer than the raw.
      const result = await oneAtATime(`${base}${url}`, headers, 500)
      const sample = await fetch(`${base}${url}`, { headers })
      const bytes = Number(sample.headers.get('content-length') ?? NaN)
      await sample.arrayBuffer()
      compressionRuns.set(name, [
        ...(compressionRuns.get(name) ?? []),
        { requestsPerSecond: result.requestsPerSecond, p50Ms: result.p50Ms, bytes },
      ])
    }
  }
  const compression = Object.fromEntries(
    [...compressionRuns].map(([name, runs]) => [name, medians(runs)]),
  )
  log(`compression: ${JSON.stringify(compression)}`)
  return {
    emulator,
    upstreamDirect: direct,
    throughProxy: proxied,
    proxyOverheadP50Ms: Math.round((proxied.p50Ms - direct.p50Ms) * 100) / 100,
    compression,
  }
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`
const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a')
const mark = (ok: boolean, text: string) => `${ok ? '✅' : '❌'} ${text}`

const TARGETS = {
  jsRatio: 1.1,
  cssBytes: 15_000,
  performance: 98,
  lcpMs: 1500,
  tbtMs: 50,
  bestPractices: 100,
}

type ScaleRun = { date: string; load: { start: number[]; end: number[] }; runs: number }

function scaleReport(rows: Array<ScaleRow & { runs: number }>, run: ScaleRun | undefined) {
  const load = (figures: number[]) => figures.map((n) => n.toFixed(2)).join(' / ')
  const task = (value: number, budget: number) =>
    mark(value <= budget, value > 0 ? ms(value) : 'none over 50 ms')
  // Long tasks are reported from 50 ms, events from 16 ms: 0 means none that long.
  const under = (value: number, floor: number) => (value > 0 ? ms(value) : `< ${floor} ms`)
  const smallest = rows[0]
  return [
    '## Scale (earned view of the bench members, every page loaded through "Show more")',
    '',
    ...(run
      ? [
          `Measured ${run.date}, medians of ${run.runs} interleaved runs; load average (1/5/15 min) ${load(run.load.start)} at the start, ${load(run.load.end)} at the end.`,
          '',
        ]
      : []),
    '| badges | first sections | all badges | per badge | longest task, first view | longest task, loading the rest | "Show more" first / last: longest task | "Show more" first / last: event | "Show more" first / last: main thread busy (not a target) | back from a badge: longest task | back: badge on screen | "See all" (cards): longest task | JS heap |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => {
      const budget = taskBudget(row.badges)
      const longest = Math.max(row.firstMoreTaskMs, row.lastMoreTaskMs)
      const event = Math.max(row.firstMoreEventMs, row.lastMoreEventMs)
      return `| ${row.badges} | ${ms(row.firstSectionsMs)} | ${ms(row.allBadgesMs)} | ${row.perBadgeMs.toFixed(1)} ms | ${task(row.firstViewTaskMs, budget)} | ${task(row.longestLoadTaskMs, budget)} | ${mark(longest <= budget, `${under(row.firstMoreTaskMs, 50)} / ${under(row.lastMoreTaskMs, 50)}`)} | ${mark(event <= budget, `${under(row.firstMoreEventMs, 16)} / ${under(row.lastMoreEventMs, 16)}`)} | ${ms(row.firstMoreBusyMs)} / ${ms(row.lastMoreBusyMs)} | ${task(row.backTaskMs, budget)} | ${ms(row.backMs)} | ${row.seeAllCards > 0 ? `${task(row.seeAllTaskMs, budget)} (${row.seeAllCards})` : 'no group to open'} | ${row.heapMB.toFixed(1)} MB |`
    }),
    '',
    `Targets: no task over 100 ms up to 1,000 badges, none over 200 ms at 5,000; the time to reach every badge linear in their number (a flat "per badge"${smallest ? ', the 10-badge figure being mostly the fixed cost of the first view' : ''}). Long tasks are those over 50 ms; events are the Event Timing durations from the press to the next paint (16 ms and up). Only "✅" figures meet their target.`,
    '',
  ]
}

type FullRun = Exclude<Awaited<ReturnType<typeof run>>, { only: unknown } | { ssrOnly: unknown }>

function report(results: FullRun & { scaleRun?: ScaleRun }) {
  const { bundle: b, wire, waterfall, lighthouse: lh, scale: sc, network: nw, server: sv } = results
  const floorWire = wire.floor
  const wireRows = Object.entries(wire).map(([name, w]) => {
    const ratio = floorWire ? w.js / floorWire.js : NaN
    const js =
      name === 'floor'
        ? kB(w.js)
        : mark(ratio <= TARGETS.jsRatio, `${kB(w.js)} (${ratio.toFixed(2)}× floor)`)
    const css = name === 'floor' ? kB(w.css) : mark(w.css <= TARGETS.cssBytes, kB(w.css))
    return `| ${name} | ${kB(w.html)} | ${js} | ${css} | ${kB(w.api)} | ${kB(w.images)} | ${kB(w.other)} | ${kB(w.total)} |`
  })
  const waterfallRows = Object.entries(waterfall).map(([name, w]) => {
    const lead = w.dataStartMs - w.scriptEndMs
    const text = `${lead > 0 ? '+' : ''}${Math.round(lead)} ms`
    // A figure no run saw is no figure: no mark either way.
    const verdict = !Number.isFinite(lead) ? 'n/a' : name === 'floor' ? text : mark(lead <= 0, text)
    return `| ${name} | ${ms(w.scriptEndMs)} | ${ms(w.dataStartMs)} | ${verdict} | ${ms(w.lcpMs)} |`
  })
  const lhRows = Object.entries(lh).map(([name, m]) => {
    const floor = name === 'floor'
    const figure = (ok: boolean, text: string) => (floor ? text : mark(ok, text))
    return `| ${name} | ${figure(m.performance >= TARGETS.performance, String(m.performance))} | ${m.accessibility} | ${figure(m.bestPractices >= TARGETS.bestPractices, String(m.bestPractices))} | ${m.seo} | ${figure(m.lcpMs <= TARGETS.lcpMs, ms(m.lcpMs))} | ${figure(m.tbtMs <= TARGETS.tbtMs, ms(m.tbtMs))} | ${figure(m.cls === 0, m.cls.toFixed(3))} |`
  })
  const lines = [
    `# Benchmark (${results.date})`,
    '',
    `Machine: ${results.machine}. Load average (1/5/15 min) at the start ${results.load.start.map((n) => n.toFixed(2)).join(' / ')}, at the end ${results.load.end.map((n) => n.toFixed(2)).join(' / ')}. Medians of ${RUNS} interleaved runs. Reproduce with \`npm run bench\`.`,
    '',
    '## Bytes on the wire (a phone loading each first view: compressed, headers included)',
    '',
    '| view | HTML | JS | CSS | API | images | other | total |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...wireRows,
    '',
    `Targets: JS (the entry, the view's chunk and the chunks it imports; idle-time warm-up of the other views left out) ≤ ${TARGETS.jsRatio}× the floor's; CSS ≤ 15 kB. From the files: the earned view's JS is ${kB(b.initialJs.brotli)} brotli (${kB(b.initialJs.gzip)} gzip), the floor's ${kB(b.floorJs.brotli)} (${kB(b.floorJs.gzip)}).`,
    '',
    '| lazy chunk | gzip | brotli |',
    '| --- | --- | --- |',
    ...Object.entries(b.lazyChunks).map(
      ([view, size]) => `| ${view} | ${kB(size.gzip)} | ${kB(size.brotli)} |`,
    ),
    '',
    '## Waterfall (150 ms latency, 1.6 Mbps, 4× CPU, phone)',
    '',
    '| view | entry script arrived | first data request starts | data vs script | LCP (in page) |',
    '| --- | --- | --- | --- | --- |',
    ...waterfallRows,
    '',
    "Target: the view's data does not wait for the script (≤ 0). Data inside the page counts as starting with the page's first byte.",
    '',
    '## Lighthouse 12 (mobile, simulated slow 4G, 4× CPU)',
    '',
    '| view | performance | accessibility | best practices | SEO | LCP | TBT | CLS |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...lhRows,
    '',
    `Targets: performance ≥ ${TARGETS.performance}, LCP ≤ ${TARGETS.lcpMs} ms, TBT ≤ ${TARGETS.tbtMs} ms, CLS 0, best practices 100.`,
    '',
    ...scaleReport(sc, results.scaleRun),
    '## Network (requests the page makes itself)',
    '',
    '| view | API requests | spread of their start times |',
    '| --- | --- | --- |',
    ...nw.views.map(
      (view) =>
        `| ${view.view} | ${view.requests} | ${view.startSpreadMs === null ? 'none made' : `${view.startSpreadMs} ms`} |`,
    ),
    '',
    `Back to a view within its fresh time: ${mark(nw.backWithinFreshTime === 0, `${nw.backWithinFreshTime} requests`)}. A detail opened after hovering its card: ${mark(nw.prefetchedDetail === 0, `${nw.prefetchedDetail} requests`)}.`,
    '',
    '## Server',
    '',
    '| | requests/s | p50 | p99 |',
    '| --- | --- | --- | --- |',
    `| emulator badge list (autocannon, 10 connections) | ${Math.round(sv.emulator.requestsPerSecond)} | ${sv.emulator.p50Ms} ms | ${sv.emulator.p99Ms} ms |`,
    `| stand-in upstream, direct (one request at a time) | ${Math.round(sv.upstreamDirect.requestsPerSecond)} | ${sv.upstreamDirect.p50Ms} ms | ${sv.upstreamDirect.p99Ms} ms |`,
    `| through the live proxy (one request at a time) | ${Math.round(sv.throughProxy.requestsPerSecond)} | ${sv.throughProxy.p50Ms} ms | ${sv.throughProxy.p99Ms} ms |`,
    '',
    `Proxy overhead at p50: ${mark(sv.proxyOverheadP50Ms < 2, `${sv.proxyOverheadP50Ms.toFixed(2)} ms (target < 2 ms)`)}. One request at a time, 1,000 after 100 to warm up, timed each; median of 3 interleaved rounds.`,
    '',
    'Compression (one request at a time, 500 after 100 to warm up, timed each; median of 2 interleaved rounds):',
    '',
    '| response | body sent | requests/s | p50 |',
    '| --- | --- | --- | --- |',
    ...Object.entries(sv.compression).map(
      ([name, c]) =>
        `| ${name} | ${kB(c.bytes ?? NaN)} | ${Math.round(c.requestsPerSecond ?? NaN)} | ${c.p50Ms} ms |`,
    ),
    '',
    ...(results.proxyLoad ? loadReport(results.proxyLoad) : []),
  ]
  return `${lines.join('\n')}\n`
}

async function run() {
  const loadStart = loadavg()
  const bundleResult = await bundle()
  const token = await new SignJWT({ sub: '62090013' })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(TOKEN_SECRET))
  const app = await start(['bench/serve.ts'], { PORT: String(PORT) }, 'Badge Showcase')
  const noSsrApp = await start(
    ['bench/serve.ts'],
    { PORT: String(PORT + 4), SHOWCASE_SSR: 'false' },
    'Badge Showcase',
  )
  const brandApp = await start(
    ['bench/serve.ts'],
    { PORT: String(PORT + 8), BENCH_BRAND: JSON.stringify(BRAND) },
    'Badge Showcase',
  )
  const standIn = await start(
    ['server/live/stand-in-main.ts'],
    {
      STAND_IN_PORT: String(PORT + 1),
      STAND_IN_OAUTH_KEY: 'bench',
      STAND_IN_OAUTH_SECRET: 'bench',
    },
    'Stand-in',
  )
  const liveApp = await start(
    ['server/main.ts'],
    {
      PORT: String(PORT + 2),
      CAPILLARY_API_URL: standInBase,
      CAPILLARY_OAUTH_KEY: 'bench',
      CAPILLARY_OAUTH_SECRET: 'bench',
      SHOWCASE_TOKEN_SECRET: TOKEN_SECRET,
      // Lighthouse's runs and the proxy's timing ask for one member hundreds of times a minute.
      SHOWCASE_MEMBER_RATE: '0',
    },
    'Badge Showcase',
  )
  // The floor, served by the same server code (precompressed, negotiated, same headers).
  const floorServer = serve({
    fetch: createApp({
      api: createApi(),
      distDir: bundleResult.floorOut,
      log: () => undefined,
    }).fetch,
    port: PORT + 3,
    hostname: '127.0.0.1',
  })
  try {
    const list = targets(token)
    if (process.env.BENCH_ONLY === 'ssr') return { ssrOnly: await ssrComparison(list) }
    if (ONLY !== null) {
      const sections: Record<string, unknown> = {}
      if (ONLY.has('wire')) sections.wire = await interleaved('wire', list, wireOnce)
      if (ONLY.has('waterfall'))
        sections.waterfall = await interleaved('waterfall', list, waterfallOnce)
      if (ONLY.has('lighthouse')) {
        sections.lighthouse = await interleaved('lighthouse', list, (target, round) =>
          lighthouseOnce(target.url, PORT + 5 + (round % 3)),
        )
      }
      if (ONLY.has('network')) sections.network = await network()
      if (ONLY.has('scale')) sections.scale = await scaleWithBrowser()
      if (ONLY.has('server')) sections.server = await server(token)
      if (ONLY.has('load')) sections.proxyLoad = await proxyLoad()
      return { only: sections, load: { start: loadStart, end: loadavg() } }
    }
    const wire = await interleaved('wire', list, (target) => wireOnce(target))
    const waterfall = await interleaved('waterfall', list, (target) => waterfallOnce(target))
    const lighthouse_ = await interleaved('lighthouse', list, (target, round) =>
      lighthouseOnce(target.url, PORT + 5 + (round % 3)),
    )
    const network_ = await network()
    log(
      `network: ${JSON.stringify(network_.views.map((view) => [view.view, view.requests, view.startSpreadMs]))}`,
    )
    const scaleRun = {
      date: new Date().toISOString(),
      load: { start: loadavg(), end: [] as number[] },
    }
    const scale_ = await scaleWithBrowser()
    const scaleLoad = { ...scaleRun, load: { ...scaleRun.load, end: loadavg() }, runs: RUNS }
    const server_ = await server(token)
    const load_ = await proxyLoad()
    return {
      proxyLoad: load_,
      date: new Date().toISOString(),
      machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${chrome.source}`,
      load: { start: loadStart, end: loadavg() },
      bundle: {
        initialJs: bundleResult.initialJs,
        initialCss: bundleResult.initialCss,
        floorJs: bundleResult.floorJs,
        lazyChunks: bundleResult.lazyChunks,
      },
      wire,
      waterfall,
      lighthouse: lighthouse_,
      scale: scale_,
      scaleRun: scaleLoad,
      network: network_,
      server: server_,
    }
  } finally {
    app.kill()
    noSsrApp.kill()
    brandApp.kill()
    standIn.kill()
    liveApp.kill()
    floorServer.close()
  }
}

async function scaleWithBrowser() {
  const browser = await chromium.launch({ executablePath: chrome.path, args: quietChromiumFlags })
  try {
    return await scale(browser, base, { runs: RUNS, log, profileDir: process.env.BENCH_PROFILE })
  } finally {
    await browser.close()
  }
}

/** The scale section alone, merged into the last full run's results. */
async function runScaleOnly() {
  log('building the showcase')
  await build({ root, logLevel: 'silent' })
  const app = await start(['bench/serve.ts'], { PORT: String(PORT) }, 'Badge Showcase')
  try {
    const start_ = loadavg()
    const date = new Date().toISOString()
    const rows = await scaleWithBrowser()
    const previous = JSON.parse(
      readFileSync(path.join(root, 'bench/results.json'), 'utf8'),
    ) as FullRun
    return {
      ...previous,
      scale: rows,
      scaleRun: { date, load: { start: start_, end: loadavg() }, runs: RUNS },
    }
  } finally {
    app.kill()
  }
}

/**
 * BENCH_ONLY=ssr: the demo views with and without the server render, Lighthouse and waterfall.
 * Every port it uses is within BENCH_PORT to BENCH_PORT + 8.
 */
async function ssrComparison(all: Target[]) {
  const list = all.filter((target) => !target.name.includes('live') && target.name !== 'floor')
  const waterfall = await interleaved('waterfall', list, (target) => waterfallOnce(target))
  const lh = await interleaved('lighthouse', list, (target, round) =>
    lighthouseOnce(target.url, PORT + 5 + (round % 3)),
  )
  return { waterfall, lighthouse: lh }
}

/** --only load: the load section measured again (it starts its own servers), the rest kept. */
async function runLoadOnly() {
  const previous = JSON.parse(
    readFileSync(path.join(root, 'bench/results.json'), 'utf8'),
  ) as FullRun
  return { ...previous, proxyLoad: await proxyLoad() }
}

const results =
  only === 'scale' ? await runScaleOnly() : only === 'load' ? await runLoadOnly() : await run()
if ('only' in results) {
  console.log(JSON.stringify(results, null, 2))
  process.exit(0)
}
if ('ssrOnly' in results && results.ssrOnly !== undefined) {
  // A quick look, printed only: results.md stays the full run's.
  const { waterfall, lighthouse: lh } = results.ssrOnly
  console.log('| view | performance | LCP | TBT | CLS | LCP in page (waterfall) |')
  console.log('| --- | --- | --- | --- | --- | --- |')
  for (const [name, m] of Object.entries(lh)) {
    console.log(
      `| ${name} | ${m.performance} | ${ms(m.lcpMs)} | ${ms(m.tbtMs)} | ${m.cls.toFixed(3)} | ${ms(waterfall[name]?.lcpMs ?? NaN)} |`,
    )
  }
  process.exit(0)
}
// Written as the project formats them, so \`npm run lint\` stays clean after a run.
const write = async (file: string, text: string) => {
  const full = path.join(root, file)
  const options = (await resolveConfig(full)) ?? {}
  writeFileSync(full, await format(text, { ...options, filepath: full }))
}
/** The markdown with one section (from its heading to the next) replaced. */
function replaceSection(markdown: string, heading: string, section: string) {
  const from = markdown.indexOf(`\n${heading}`)
  if (from === -1) return `${markdown.trimEnd()}\n\n${section}`
  const to = markdown.indexOf('\n## ', from + 1)
  return `${markdown.slice(0, from + 1)}${section}${to === -1 ? '' : markdown.slice(to)}`
}

await write('bench/results.json', JSON.stringify(results, null, 2))
const recorded = () => readFileSync(path.join(root, 'bench/results.md'), 'utf8')
const markdown =
  only === 'scale'
    ? replaceSection(
        recorded(),
        '## Scale',
        scaleReport(results.scale, results.scaleRun).join('\n'),
      )
    : only === 'load' && results.proxyLoad
      ? replaceSection(
          recorded(),
          '## Load through the live proxy',
          loadReport(results.proxyLoad).join('\n'),
        )
      : report(results)
await write('bench/results.md', markdown)
console.log(markdown)
