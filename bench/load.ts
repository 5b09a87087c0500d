import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { redisServerPath, startRedis, type TestRedis } from '../server/live/redis-for-tests.ts'

// The load section of npm run bench (or alone: npx tsx bench/load.ts): members opening badges
// through the live proxy in front of a counting stand-in cluster, without the shared cache, with
// it in one instance's memory, and with two instances sharing one Redis. For each: requests/s,
// p99, and how many upstream calls (OAuth token included) a thousand member page views cost.

const root = path.resolve(import.meta.dirname, '..')
// Clear of run.ts's servers (4290 to 4294), which are still up while this section runs.
const PORT = Number(process.env.BENCH_LOAD_PORT ?? 4300)
const STAND_IN = `http://127.0.0.1:${PORT}`
const WORKERS = 10
const DURATION_MS = 5_000
const MEMBERS = ['62090013', '565039504', '381921157']

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

/** The badges and unnamed groups of the demo organisation, read from the stand-in itself. */
async function catalogue() {
  const token = (await (
    await fetch(`${STAND_IN}/v3/oauth/token/generate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ key: 'bench', secret: 'bench' }),
    })
  ).json()) as { data: { accessToken: string } }
  const list = (await (
    await fetch(
      `${STAND_IN}/api_gateway/v1/badges/customer/565039504?badgeType=AVAILABLE&limit=100`,
      { headers: { 'X-CAP-API-OAUTH-TOKEN': token.data.accessToken } },
    )
  ).json()) as { data: { badges: Array<{ badgeMetaId: string; badgeGroupId: string | null }> } }
  const badges = list.data.badges.map((badge) => badge.badgeMetaId)
  const groups = [...new Set(list.data.badges.map((badge) => badge.badgeGroupId))].filter(
    (group): group is string => group !== null,
  )
  return { badges, groups }
}

/**
 * One member page view as the app makes it: the earned list and an unnamed group's name, then a
 * badge's detail for the member and its definition, each pair at once.
 */
function pageView(view: number, badges: string[], groups: string[]): string[][] {
  const member = MEMBERS[view % MEMBERS.length] ?? ''
  const badge = badges[(view * 7) % badges.length] ?? ''
  const group = groups[view % groups.length] ?? ''
  return [
    [`customer/${member}?badgeType=EARNED&sortOn=RANK&limit=50&page=0`, `group/${group}`],
    [`management/${member}/badge/${badge}?includeStatistics=false`, `badgeMeta/${badge}`],
  ]
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN

/** WORKERS members at a time, each opening page after page, for DURATION_MS. */
async function drive(instances: string[], badges: string[], groups: string[]) {
  const latencies: number[] = []
  let views = 0
  let failed = 0
  const until = performance.now() + DURATION_MS
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, worker) => {
      const base = instances[worker % instances.length] ?? ''
      for (let view = worker * 1_000; performance.now() < until; view += 1) {
        for (const step of pageView(view, badges, groups)) {
          await Promise.all(
            step.map(async (request) => {
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
    pageViews: views,
    failedRequests: failed,
  }
}

type Setup = { name: string; instances: number; env: Record<string, string> }

export async function proxyLoad() {
  const standIn = await start(
    'bench/counting-stand-in.ts',
    { STAND_IN_PORT: String(PORT) },
    'Counting stand-in',
  )
  const executable = redisServerPath()
  let redis: TestRedis | null = null
  const rows = []
  try {
    const { badges, groups } = await catalogue()
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
          badges,
          groups,
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
          upstreamCallsPer1000Views: Math.round((upstreamCalls / measured.pageViews) * 1000),
        })
        console.log(`bench: load, ${setup.name}: ${JSON.stringify(rows.at(-1))}`)
      } finally {
        for (const child of children) child.kill()
      }
    }
    return {
      workers: WORKERS,
      durationMs: DURATION_MS,
      requestsPerView: 4,
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
    `## Load through the live proxy (${load.workers} members at a time, ${load.durationMs / 1000} s each, ${load.requestsPerView} API requests per page view)`,
    '',
    '| | requests/s | p50 | p99 | page views | failed | upstream calls per 1,000 page views |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...load.rows.map(
      (row) =>
        `| ${row.setup} | ${row.requestsPerSecond} | ${row.p50Ms} ms | ${row.p99Ms} ms | ${row.pageViews} | ${row.failedRequests} | ${row.upstreamCallsPer1000Views} |`,
    ),
    '',
    `Redis: ${load.redis}. The counting stand-in cluster, the instances and the load all share this machine.`,
  ]
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const load = await proxyLoad()
  console.log(loadReport(load).join('\n'))
}
