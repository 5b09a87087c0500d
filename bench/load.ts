import { type ChildProcess, spawn } from 'node:child_process'
import { loadavg } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from '@playwright/test'
import { demoDataset } from '../server/emulator/demo-data.ts'
import { redisServerPath, startRedis, type TestRedis } from '../server/live/redis-for-tests.ts'
import { findChromium, quietChromiumFlags } from '../scripts/find-chromium.ts'
import { memberCopy } from './load-members.ts'

// The load section of npm run bench (or alone: npx tsx bench/load.ts): members opening the
// showcase through the live proxy in front of a counting stand-in cluster, without the shared
// cache, with it in one instance's memory, and with two instances sharing one Redis. For each:
// requests/s, p99, and how many upstream calls (OAuth token included) a thousand first views cost.
// A first view is what the app really asks for: recorded in Chromium from the built app in live
// mode before the load, then replayed (no browser under load: the machine's two cores go to the
// proxy).

const root = path.resolve(import.meta.dirname, '..')
// Clear of run.ts's servers (4290 to 4294), which are still up while this section runs.
const PORT = Number(process.env.BENCH_LOAD_PORT ?? 4300)
const STAND_IN = `http://127.0.0.1:${PORT}`
const WORKERS = 10
const DURATION_MS = 5_000
// The demo members, in the dataset's order (copies of each stand for a brand's many members).
const MEMBERS = demoDataset(Date.now()).members.map((member) => member.customerId)
// Copies of each: enough that no member opens the showcase twice in one run (views are numbered
// across the workers, one member each, and wrap only past 3,000 first views in 5 s).
const COPIES = 1_000

function start(script: string, env: Record<string, string>, ready: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), script],
      {
        cwd: root,
        env: { ...process.env, HOST: '127.0.0.1', ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    const timer = setTimeout(() => reject(new Error(`${script} did not start`)), 60_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(ready)) {
        clearTimeout(timer)
        resolve(child)
      }
    })
  })
}

/** A member's first view: its API requests (below /api_gateway/v1/badges/), wave by wave. */
export type FirstView = { member: string; waves: string[][] }

/** The same first view for another member with the same badges (a copy, load-members.ts). */
export function asMember(view: FirstView, member: string): string[][] {
  const own = new RegExp(`^(customer|management)/${view.member}(?=[/?])`)
  return view.waves.map((wave) => wave.map((request) => request.replace(own, `$1/${member}`)))
}

/**
 * Each demo member's first view (the earned view, where `/` opens) as the built app asks for it in
 * Chromium, in live mode against the stand-in. The browser makes the requests itself (the server's
 * render is off here; with it on, the server makes the same ones for the page). A wave is what
 * starts before the view's first answer arrives (both lists), then what those answers name (a
 * group's name, the member's own record of badges the lists cannot settle).
 */
export async function recordFirstViews(standIn: string, port: number): Promise<FirstView[]> {
  const app = await start(
    'server/main.ts',
    {
      PORT: String(port),
      CAPILLARY_API_URL: standIn,
      CAPILLARY_OAUTH_KEY: 'bench',
      CAPILLARY_OAUTH_SECRET: 'bench',
      SHOWCASE_ALLOW_ANY_MEMBER: 'true',
      SHOWCASE_SSR: 'false',
      SHOWCASE_MEMBER_RATE: '0',
    },
    'Badge Showcase',
  )
  const browser = await chromium.launch({
    executablePath: findChromium().path,
    args: quietChromiumFlags,
  })
  try {
    const views: FirstView[] = []
    for (const member of MEMBERS) {
      const page = await browser.newPage()
      const asked: Array<{ request: unknown; path: string; at: number }> = []
      let firstAnswer = Infinity
      page.on('request', (request) => {
        const at = /\/api_gateway\/v1\/badges\/(.*)$/.exec(request.url())
        if (at?.[1]) asked.push({ request, path: at[1], at: performance.now() })
      })
      page.on('requestfinished', (request) => {
        if (asked.some((entry) => entry.request === request))
          firstAnswer = Math.min(firstAnswer, performance.now())
      })
      await page.goto(`http://127.0.0.1:${port}/customers/${member}/earned`)
      await page.waitForLoadState('networkidle')
      await page.close()
      const waves = [
        asked.filter((entry) => entry.at < firstAnswer).map((entry) => entry.path),
        asked.filter((entry) => entry.at >= firstAnswer).map((entry) => entry.path),
      ].filter((wave) => wave.length > 0)
      if (waves.length === 0) throw new Error(`member ${member}'s first view asked for nothing`)
      views.push({ member, waves })
    }
    return views
  } finally {
    await browser.close()
    app.kill()
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN

/** WORKERS members at a time, each opening page after page, for DURATION_MS. */
async function drive(instances: string[], firstViews: FirstView[]) {
  const latencies: number[] = []
  let views = 0
  let failed = 0
  const until = performance.now() + DURATION_MS
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, worker) => {
      const base = instances[worker % instances.length] ?? ''
      for (let view = worker; performance.now() < until; view += WORKERS) {
        const index = view % firstViews.length
        const firstView = firstViews[index]
        if (firstView === undefined) break
        const member = memberCopy(index, Math.floor(view / firstViews.length) % COPIES)
        for (const wave of asMember(firstView, member)) {
          await Promise.all(
            wave.map(async (request) => {
              const started = performance.now()
              const response = await fetch(`${base}/api_gateway/v1/badges/${request}`)
              await response.arrayBuffer()
              latencies.push(performance.now() - started)
              if (response.status !== 200) failed += 1
            }),
          )
        }
        views += 1
      }
    }),
  )
  const sorted = latencies.sort((a, b) => a - b)
  return {
    requestsPerSecond: Math.round(latencies.length / (DURATION_MS / 1000)),
    p50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
    p99Ms: Math.round(percentile(sorted, 99) * 10) / 10,
    firstViews: views,
    failedRequests: failed,
  }
}

type Setup = { name: string; instances: number; env: Record<string, string> }

export async function proxyLoad() {
  const date = new Date().toISOString()
  const loadAtStart = loadavg()
  const standIn = await start(
    'bench/counting-stand-in.ts',
    { STAND_IN_PORT: String(PORT), BENCH_MEMBER_COPIES: String(COPIES) },
    'Counting stand-in',
  )
  const executable = redisServerPath()
  let redis: TestRedis | null = null
  const rows = []
  try {
    const firstViews = await recordFirstViews(STAND_IN, PORT + 9)
    if (executable !== null) redis = await startRedis(executable)
    const setups: Setup[] = [
      { name: 'without the shared cache', instances: 1, env: { BENCH_NO_CACHE: 'true' } },
      { name: 'shared cache in memory, 1 instance', instances: 1, env: {} },
      ...(redis === null
        ? []
        : [
            {
              name: 'shared cache in Redis, 2 instances',
              instances: 2,
              env: { SHOWCASE_REDIS_URL: redis.url },
            },
          ]),
    ]
    for (const setup of setups) {
      const ports = Array.from({ length: setup.instances }, (_, index) => PORT + 1 + index)
      const children = await Promise.all(
        ports.map((port) =>
          start(
            'bench/proxy-instance.ts',
            {
              PORT: String(port),
              CAPILLARY_API_URL: STAND_IN,
              CAPILLARY_OAUTH_KEY: 'bench',
              CAPILLARY_OAUTH_SECRET: 'bench',
              SHOWCASE_ALLOW_ANY_MEMBER: 'true',
              // The load is a few members asking thousands of times a minute: no per-member cap.
              SHOWCASE_MEMBER_RATE: '0',
              ...setup.env,
            },
            'Bench proxy',
          ),
        ),
      )
      try {
        await fetch(`${STAND_IN}/__counts`, { method: 'POST' })
        const measured = await drive(
          ports.map((port) => `http://127.0.0.1:${port}`),
          firstViews,
        )
        const counts = (await (await fetch(`${STAND_IN}/__counts`)).json()) as {
          token: number
          api: number
        }
        const upstreamCalls = counts.token + counts.api
        rows.push({
          setup: setup.name,
          ...measured,
          upstreamCalls,
          upstreamCallsPer1000Views: Math.round((upstreamCalls / measured.firstViews) * 1000),
        })
        console.log(`bench: load, ${setup.name}: ${JSON.stringify(rows.at(-1))}`)
      } finally {
        for (const child of children) child.kill()
      }
    }
    return {
      date,
      load: { start: loadAtStart, end: loadavg() },
      workers: WORKERS,
      durationMs: DURATION_MS,
      firstViews: firstViews.map((view) => ({
        member: view.member,
        requests: view.waves.flat().length,
      })),
      redis: redis === null ? 'redis-server not installed: the Redis row is missing' : 'real',
      rows,
    }
  } finally {
    standIn.kill()
    await redis?.stop()
  }
}

export function loadReport(load: Awaited<ReturnType<typeof proxyLoad>>): string[] {
  return [
    `## Load through the live proxy (${load.workers} members at a time, ${load.durationMs / 1000} s each, opening the showcase again and again)`,
    '',
    `A member's first view, recorded in Chromium from the built app: ${load.firstViews.map((view) => `${view.member} ${view.requests}`).join(', ')} API requests, both lists first, then what they name.`,
    '',
    '| | requests/s | p50 | p99 | first views | failed | upstream calls per 1,000 first views |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...load.rows.map(
      (row) =>
        `| ${row.setup} | ${row.requestsPerSecond} | ${row.p50Ms} ms | ${row.p99Ms} ms | ${row.firstViews} | ${row.failedRequests} | ${row.upstreamCallsPer1000Views} |`,
    ),
    '',
    `Redis: ${load.redis}. The counting stand-in cluster, the instances and the load all share this machine. Measured at ${load.date}; load average (1/5/15 min) ${load.load.start.map((value) => value.toFixed(2)).join(' / ')} at the start, ${load.load.end.map((value) => value.toFixed(2)).join(' / ')} at the end.`,
  ]
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const load = await proxyLoad()
  console.log(loadReport(load).join('\n'))
}
