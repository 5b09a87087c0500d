import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import path from 'node:path'
import react from '@vitejs/plugin-react'
import autocannon from 'autocannon'
import lighthouse from 'lighthouse'
import { chromium, type Page } from '@playwright/test'
import { build } from 'vite'
import { BENCH_SIZES, benchMember } from '../server/emulator/bench-data.ts'
import { initialAssets, type Sizes, sizesOf } from '../scripts/bundle-size.ts'
import { findChromium, quietChromiumFlags } from '../scripts/find-chromium.ts'
import { loadReport, proxyLoad } from './load.ts'

// npm run bench: the built showcase in demo mode, measured in real Chromium, next to its targets.
// Timings belong here, never in tests. Writes bench/results.json and bench/results.md.

const root = path.resolve(import.meta.dirname, '..')
const PORT = 4290
const base = `http://127.0.0.1:${PORT}`
const chrome = findChromium()
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
const log = (line: string) => console.log(`bench: ${line}`)

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

async function bundle() {
  log('building the showcase and the stack floor')
  await build({ root, logLevel: 'silent' })
  const floorOut = mkdtempSync(path.join(tmpdir(), 'bench-floor-'))
  await build({
    root: path.join(root, 'bench/floor'),
    configFile: false,
    logLevel: 'silent',
    plugins: [react()],
    build: { outDir: floorOut, emptyOutDir: true, target: 'es2022' },
  })
  const dist = path.join(root, 'dist')
  const app = initialAssets(dist)
  const floor = initialAssets(floorOut)
  const views: Record<string, Sizes> = {}
  for (const file of readdirSync(path.join(dist, 'assets'))) {
    const view = /^(earned|available|badge-detail|fr|ar)-.*\.js$/.exec(file)?.[1]
    if (view) views[view] = sizesOf(dist, [`assets/${file}`])
  }
  return {
    initialJs: app.js,
    initialCss: app.css,
    floorJs: floor.js,
    ratio: app.js.gzip / floor.js.gzip,
    lazyChunks: views,
  }
}

async function lighthouseRuns() {
  const views = {
    earned: `${base}/customers/62090013/earned`,
    available: `${base}/customers/62090013/available`,
    detail: `${base}/customers/62090013/badges/6650b1c00000000000000003`,
  }
  const results: Record<string, Record<string, number>> = {}
  for (const [view, url] of Object.entries(views)) {
    const runs: Array<Record<string, number>> = []
    for (let run = 0; run < 3; run += 1) {
      const port = PORT + 10 + run
      const browser = await chromium.launch({
        executablePath: chrome.path,
        args: [...quietChromiumFlags, `--remote-debugging-port=${port}`],
      })
      try {
        const result = await lighthouse(url, {
          port,
          output: 'json',
          logLevel: 'error',
        })
        const lhr = result?.lhr
        if (!lhr) throw new Error('Lighthouse returned nothing')
        const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100)
        runs.push({
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          seo: score('seo'),
          lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
          tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
          cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
        })
      } finally {
        await browser.close()
      }
    }
    results[view] = Object.fromEntries(
      Object.keys(runs[0] ?? {}).map((key) => [
        key,
        median(runs.map((entry) => entry[key] ?? NaN)),
      ]),
    )
    log(`lighthouse ${view}: ${JSON.stringify(results[view])}`)
  }
  return results
}

async function withPage<T>(work: (page: Page) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({ executablePath: chrome.path, args: quietChromiumFlags })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    return await work(page)
  } finally {
    await browser.close()
  }
}

async function scale() {
  const results: Array<Record<string, number>> = []
  for (const size of BENCH_SIZES) {
    results.push(
      await withPage(async (page) => {
        await page.addInitScript(() => {
          const tasks: number[] = []
          Object.assign(window, { __tasks: tasks })
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) tasks.push(entry.duration)
          }).observe({ type: 'longtask', buffered: true })
        })
        const started = Date.now()
        await page.goto(`${base}/customers/${benchMember(size)}/earned`)
        await page.getByRole('heading', { level: 2 }).first().waitFor()
        const firstSections = Date.now() - started
        const more = page.getByRole('button', { name: 'Show more badges' })
        while (await more.isVisible()) {
          const before = await page.getByText(/^Showing [\d,]+ of/).textContent()
          await more.click()
          await page.waitForFunction(
            (text) => !document.body.innerText.includes(text ?? ''),
            before,
            { timeout: 30_000 },
          )
        }
        await page
          .getByText(`Showing ${size.toLocaleString('en')} of ${size.toLocaleString('en')}`)
          .waitFor()
        const allSections = Date.now() - started
        const tasks = await page.evaluate(
          () => (window as unknown as { __tasks: number[] }).__tasks,
        )
        const session = await page.context().newCDPSession(page)
        await session.send('Performance.enable')
        const { metrics } = await session.send('Performance.getMetrics')
        const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN
        const row = {
          badges: size,
          firstSectionsMs: firstSections,
          allSectionsMs: allSections,
          longestTaskMs: Math.max(0, ...tasks),
          heapMB: heap / 1e6,
        }
        log(`scale ${size}: ${JSON.stringify(row)}`)
        return row
      }),
    )
  }
  return results
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
        startSpreadMs: Math.max(...starts) - Math.min(...starts),
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

async function server() {
  const path_ = '/api_gateway/v1/badges/customer/62090013?badgeType=EARNED&limit=10'
  const emulator = await load(`${base}${path_}`)
  const standIn = await start(
    ['server/emulator/stand-in-main.ts'],
    {
      STAND_IN_PORT: String(PORT + 1),
      STAND_IN_OAUTH_KEY: 'bench',
      STAND_IN_OAUTH_SECRET: 'bench',
    },
    'Stand-in',
  )
  const proxy = await start(
    ['server/main.ts'],
    {
      PORT: String(PORT + 2),
      CAPILLARY_API_URL: `http://127.0.0.1:${PORT + 1}`,
      CAPILLARY_OAUTH_KEY: 'bench',
      CAPILLARY_OAUTH_SECRET: 'bench',
      SHOWCASE_ALLOW_ANY_MEMBER: 'true',
    },
    'Badge Showcase',
  )
  try {
    const token = (await (
      await fetch(`http://127.0.0.1:${PORT + 1}/v3/oauth/token/generate`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ key: 'bench', secret: 'bench' }),
      })
    ).json()) as { data: { accessToken: string } }
    // One connection: at ten, on two cores, p50 measures the queue behind the load generator.
    const direct = await load(
      `http://127.0.0.1:${PORT + 1}${path_}`,
      { 'X-CAP-API-OAUTH-TOKEN': token.data.accessToken },
      1,
    )
    const proxied = await load(`http://127.0.0.1:${PORT + 2}${path_}`, {}, 1)
    return {
      emulator,
      upstreamDirect: direct,
      throughProxy: proxied,
      proxyOverheadP50Ms: proxied.p50Ms - direct.p50Ms,
    }
  } finally {
    standIn.kill()
    proxy.kill()
  }
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`

function report(results: Awaited<ReturnType<typeof run>>) {
  const { bundle: b, lighthouse: lh, scale: sc, network: nw, server: sv } = results
  const target = (ok: boolean, text: string) => `${ok ? '✅' : '❌'} ${text}`
  const lines = [
    `# Benchmark (${results.date})`,
    '',
    `Machine: ${results.machine}. Reproduce with \`npm run bench\`.`,
    '',
    '## Bundle',
    '',
    '| | gzip | brotli | target |',
    '| --- | --- | --- | --- |',
    `| initial JS | ${kB(b.initialJs.gzip)} | ${kB(b.initialJs.brotli)} | ${target(b.ratio <= 1.15, `≤ 1.15× floor: ${b.ratio.toFixed(3)}×`)} |`,
    `| stack floor JS | ${kB(b.floorJs.gzip)} | ${kB(b.floorJs.brotli)} | |`,
    `| initial CSS | ${kB(b.initialCss.gzip)} | ${kB(b.initialCss.brotli)} | ${target(b.initialCss.gzip <= 15_000, '≤ 15 kB')} |`,
    ...Object.entries(b.lazyChunks).map(
      ([view, size]) => `| ${view} chunk (lazy) | ${kB(size.gzip)} | ${kB(size.brotli)} | |`,
    ),
    '',
    '## Lighthouse (mobile, simulated throttling, median of 3)',
    '',
    '| view | performance | accessibility | best practices | SEO | LCP | TBT | CLS |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...Object.entries(lh).map(
      ([view, m]) =>
        `| ${view} | ${m.performance} | ${m.accessibility} | ${m.bestPractices} | ${m.seo} | ${Math.round(m.lcpMs ?? 0)} ms | ${Math.round(m.tbtMs ?? 0)} ms | ${(m.cls ?? 0).toFixed(3)} |`,
    ),
    '',
    'Target: 100 in every category, CLS 0.',
    '',
    '## Scale (earned view, every page loaded through "Show more")',
    '',
    '| badges | first sections | all sections | longest task | JS heap |',
    '| --- | --- | --- | --- | --- |',
    ...sc.map(
      (row) =>
        `| ${row.badges} | ${row.firstSectionsMs} ms | ${row.allSectionsMs} ms | ${target((row.badges ?? 0) > 1000 || (row.longestTaskMs ?? 0) <= 100, row.longestTaskMs ? `${Math.round(row.longestTaskMs)} ms` : 'none over 50 ms')} | ${(row.heapMB ?? 0).toFixed(1)} MB |`,
    ),
    '',
    '## Network',
    '',
    '| view | API requests | spread of their start times |',
    '| --- | --- | --- |',
    ...nw.views.map((view) => `| ${view.view} | ${view.requests} | ${view.startSpreadMs} ms |`),
    '',
    `Back to a view within its fresh time: ${target(nw.backWithinFreshTime === 0, `${nw.backWithinFreshTime} requests`)}. A detail opened after hovering its card: ${target(nw.prefetchedDetail === 0, `${nw.prefetchedDetail} requests`)}.`,
    '',
    '## Server (autocannon, 10 connections, 5 s)',
    '',
    '| | requests/s | p50 | p99 |',
    '| --- | --- | --- | --- |',
    `| emulator badge list | ${Math.round(sv.emulator.requestsPerSecond)} | ${sv.emulator.p50Ms} ms | ${sv.emulator.p99Ms} ms |`,
    `| stand-in upstream, direct (1 connection) | ${Math.round(sv.upstreamDirect.requestsPerSecond)} | ${sv.upstreamDirect.p50Ms} ms | ${sv.upstreamDirect.p99Ms} ms |`,
    `| through the live proxy (1 connection) | ${Math.round(sv.throughProxy.requestsPerSecond)} | ${sv.throughProxy.p50Ms} ms | ${sv.throughProxy.p99Ms} ms |`,
    '',
    `Proxy overhead at p50: ${target(sv.proxyOverheadP50Ms < 2, `${sv.proxyOverheadP50Ms.toFixed(1)} ms (target < 2 ms)`)}.`,
    '',
    ...loadReport(results.load),
  ]
  return `${lines.join('\n')}\n`
}

async function run() {
  const bundleResult = await bundle()
  log(
    `initial JS ${kB(bundleResult.initialJs.gzip)} gzip, ${bundleResult.ratio.toFixed(3)}× the floor`,
  )
  const app = await start(
    ['server/main.ts'],
    { PORT: String(PORT), SHOWCASE_BENCH_MEMBERS: 'true' },
    'Badge Showcase',
  )
  try {
    const network_ = await network()
    log(
      `network: ${JSON.stringify(network_.views.map((view) => [view.view, view.requests, view.startSpreadMs]))}`,
    )
    const scale_ = await scale()
    const lighthouse_ = await lighthouseRuns()
    const server_ = await server()
    const load_ = await proxyLoad()
    return {
      date: new Date().toISOString(),
      machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${chrome.source}`,
      bundle: bundleResult,
      lighthouse: lighthouse_,
      scale: scale_,
      network: network_,
      server: server_,
      load: load_,
    }
  } finally {
    app.kill()
  }
}

const results = await run()
writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)
writeFileSync(path.join(root, 'bench/results.md'), report(results))
console.log(report(results))
