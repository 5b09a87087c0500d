// Metrics in Prometheus's text format (version 0.0.4): a small registry of counters, gauges and
// histograms with labels, and the showcase's own metrics on top of it, as plain functions any part
// of the server can call (`metrics.upstreamCall('badgeMeta', 200, 35)`).

export type Labels = Record<string, string | number>

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/
/** A metric stops growing past this many label sets, so no caller can exhaust memory through it. */
const MAX_SERIES = 1000

export const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8'

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
}

function escapeHelp(help: string): string {
  return help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return '+Inf'
  if (value === -Infinity) return '-Inf'
  return String(value)
}

function formatLabels(names: readonly string[], values: readonly string[], extra = ''): string {
  const pairs = names.map((name, index) => `${name}="${escapeLabelValue(values[index] ?? '')}"`)
  if (extra !== '') pairs.push(extra)
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`
}

type Definition = { name: string; help: string; labelNames?: readonly string[] }

/** Label values in the metric's label order; a missing label is the empty string, as Prometheus reads it. */
function seriesKey(labelNames: readonly string[], labels: Labels): string[] {
  for (const name of Object.keys(labels)) {
    if (!labelNames.includes(name)) throw new Error(`unknown label "${name}"`)
  }
  return labelNames.map((name) => String(labels[name] ?? ''))
}

abstract class Metric<Value> {
  readonly name: string
  readonly help: string
  readonly labelNames: readonly string[]
  protected readonly series = new Map<string, { values: string[]; value: Value }>()
  abstract readonly type: 'counter' | 'gauge' | 'histogram'

  constructor({ name, help, labelNames = [] }: Definition) {
    if (!METRIC_NAME.test(name)) throw new Error(`"${name}" is not a metric name`)
    for (const label of labelNames) {
      if (!LABEL_NAME.test(label) || label.startsWith('__') || label === 'le') {
        throw new Error(`"${label}" is not a label name for ${name}`)
      }
    }
    this.name = name
    this.help = help
    this.labelNames = labelNames
  }

  protected abstract initial(): Value

  protected at(labels: Labels): { value: Value } | null {
    const values = seriesKey(this.labelNames, labels)
    const key = JSON.stringify(values)
    let entry = this.series.get(key)
    if (entry === undefined) {
      if (this.series.size >= MAX_SERIES) return null
      entry = { values, value: this.initial() }
      this.series.set(key, entry)
    }
    return entry
  }

  protected abstract samples(values: string[], value: Value): string[]

  expose(): string {
    const lines = [
      `# HELP ${this.name} ${escapeHelp(this.help)}`,
      `# TYPE ${this.name} ${this.type}`,
    ]
    for (const { values, value } of this.series.values()) lines.push(...this.samples(values, value))
    return lines.join('\n')
  }
}

export class Counter extends Metric<number> {
  readonly type = 'counter'
  protected initial() {
    return 0
  }
  inc(labels: Labels = {}, by = 1): void {
    if (!(by >= 0)) throw new Error(`${this.name} can only go up`)
    const entry = this.at(labels)
    if (entry) entry.value += by
  }
  protected samples(values: string[], value: number) {
    return [`${this.name}${formatLabels(this.labelNames, values)} ${formatNumber(value)}`]
  }
}

export class Gauge extends Metric<number> {
  readonly type = 'gauge'
  protected initial() {
    return 0
  }
  set(labels: Labels, value: number): void {
    const entry = this.at(labels)
    if (entry) entry.value = value
  }
  inc(labels: Labels = {}, by = 1): void {
    const entry = this.at(labels)
    if (entry) entry.value += by
  }
  protected samples(values: string[], value: number) {
    return [`${this.name}${formatLabels(this.labelNames, values)} ${formatNumber(value)}`]
  }
}

type Buckets = { counts: number[]; sum: number; count: number }

export class Histogram extends Metric<Buckets> {
  readonly type = 'histogram'
  readonly buckets: readonly number[]

  constructor(definition: Definition & { buckets: readonly number[] }) {
    super(definition)
    const sorted = [...definition.buckets].sort((a, b) => a - b)
    if (sorted.some((bound, index) => !Number.isFinite(bound) || bound === sorted[index - 1])) {
      throw new Error(`${definition.name}: buckets must be distinct finite numbers`)
    }
    this.buckets = sorted
  }
  protected initial() {
    return { counts: this.buckets.map(() => 0), sum: 0, count: 0 }
  }
  observe(labels: Labels, value: number): void {
    const entry = this.at(labels)
    if (entry === null || Number.isNaN(value)) return
    this.buckets.forEach((bound, index) => {
      if (value <= bound) entry.value.counts[index] = (entry.value.counts[index] ?? 0) + 1
    })
    entry.value.sum += value
    entry.value.count += 1
  }
  protected samples(values: string[], { counts, sum, count }: Buckets) {
    const labels = (le?: string) =>
      formatLabels(this.labelNames, values, le === undefined ? '' : `le="${le}"`)
    return [
      ...this.buckets.map(
        (bound, index) =>
          `${this.name}_bucket${labels(formatNumber(bound))} ${formatNumber(counts[index] ?? 0)}`,
      ),
      `${this.name}_bucket${labels('+Inf')} ${formatNumber(count)}`,
      `${this.name}_sum${labels()} ${formatNumber(sum)}`,
      `${this.name}_count${labels()} ${formatNumber(count)}`,
    ]
  }
}

export function createRegistry() {
  const metrics = new Map<string, { expose(): string }>()
  const collectors: (() => void)[] = []
  function add<M extends { name: string; expose(): string }>(metric: M): M {
    if (metrics.has(metric.name)) throw new Error(`${metric.name} is already registered`)
    metrics.set(metric.name, metric)
    return metric
  }
  return {
    counter: (definition: Definition) => add(new Counter(definition)),
    gauge: (definition: Definition) => add(new Gauge(definition)),
    histogram: (definition: Definition & { buckets: readonly number[] }) =>
      add(new Histogram(definition)),
    /** Runs before every exposition: for values read at scrape time (memory, uptime). */
    onCollect: (collect: () => void) => void collectors.push(collect),
    /** Every metric in the text format, ending with a line feed as the format asks. */
    expose(): string {
      for (const collect of collectors) collect()
      return `${[...metrics.values()].map((metric) => metric.expose()).join('\n')}\n`
    },
  }
}

export type Registry = ReturnType<typeof createRegistry>

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
const UPSTREAM_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

export type CacheResult = 'hit' | 'miss' | 'stale'

/** The showcase's metrics. Every name is prefixed `showcase_`; durations are in seconds. */
export function createMetrics(registry: Registry = createRegistry()) {
  const requests = registry.counter({
    name: 'showcase_http_requests_total',
    help: 'Requests answered, by method, templated route and status.',
    labelNames: ['method', 'route', 'status'],
  })
  const requestSeconds = registry.histogram({
    name: 'showcase_http_request_duration_seconds',
    help: 'Time to answer a request, by method and templated route.',
    labelNames: ['method', 'route'],
    buckets: HTTP_BUCKETS,
  })
  const inFlight = registry.gauge({
    name: 'showcase_http_requests_in_flight',
    help: 'Requests being answered now.',
  })
  const upstreamCalls = registry.counter({
    name: 'showcase_upstream_requests_total',
    help: 'Requests to the Capillary cluster, by endpoint and status (a number, or timeout or error when none came).',
    labelNames: ['endpoint', 'status'],
  })
  const upstreamSeconds = registry.histogram({
    name: 'showcase_upstream_request_duration_seconds',
    help: "Time to the Capillary cluster's response headers, by endpoint and status.",
    labelNames: ['endpoint', 'status'],
    buckets: UPSTREAM_BUCKETS,
  })
  const cacheLookups = registry.counter({
    name: 'showcase_cache_lookups_total',
    help: 'Shared cache lookups, by kind of entry and result (hit, miss, stale).',
    labelNames: ['kind', 'result'],
  })
  const tokenRefreshes = registry.counter({
    name: 'showcase_upstream_token_refreshes_total',
    help: 'OAuth token refreshes, by outcome.',
    labelNames: ['outcome'],
  })
  const queueLength = registry.gauge({
    name: 'showcase_upstream_queue_length',
    help: 'Upstream requests waiting for a free slot under the concurrency cap.',
  })
  const upstreamActive = registry.gauge({
    name: 'showcase_upstream_requests_active',
    help: 'Upstream requests under way now.',
  })
  const circuitOpen = registry.gauge({
    name: 'showcase_upstream_circuit_open',
    help: '1 while the circuit to the Capillary cluster is open (not calling it), else 0.',
  })
  const residentMemory = registry.gauge({
    name: 'process_resident_memory_bytes',
    help: 'Resident memory size in bytes.',
  })
  const startTime = registry.gauge({
    name: 'process_start_time_seconds',
    help: 'Start time of the process since the Unix epoch, in seconds.',
  })
  const started = Date.now() / 1000 - process.uptime()
  registry.onCollect(() => {
    residentMemory.set({}, process.memoryUsage.rss())
    startTime.set({}, Math.round(started))
  })
  queueLength.set({}, 0)
  upstreamActive.set({}, 0)
  circuitOpen.set({}, 0)
  inFlight.set({}, 0)

  return {
    registry,
    expose: () => registry.expose(),
    /** A request answered; `route` is a templated route (see route-label.ts), never a raw path. */
    request(method: string, route: string, status: number, ms: number) {
      const verb = METHODS.has(method) ? method : 'other'
      requests.inc({ method: verb, route, status })
      requestSeconds.observe({ method: verb, route }, ms / 1000)
    },
    requestStarted: () => inFlight.inc({}, 1),
    requestEnded: () => inFlight.inc({}, -1),
    /** One call to the cluster: `endpoint` as in upstreamEndpoint(), `status` the HTTP status or why there was none. */
    upstreamCall(endpoint: string, status: number | 'timeout' | 'error', ms: number) {
      upstreamCalls.inc({ endpoint, status })
      upstreamSeconds.observe({ endpoint, status }, ms / 1000)
    },
    cache: (kind: string, result: CacheResult) => cacheLookups.inc({ kind, result }),
    tokenRefresh: (outcome: string) => tokenRefreshes.inc({ outcome }),
    queueLength: (waiting: number) => queueLength.set({}, waiting),
    upstreamActive: (active: number) => upstreamActive.set({}, active),
    circuitOpen: (open: boolean) => circuitOpen.set({}, open ? 1 : 0),
  }
}

export type Metrics = ReturnType<typeof createMetrics>

/** The process's metrics, for code that has no other way to reach them. */
export const metrics: Metrics = createMetrics()

/** The endpoint label for an upstream URL's path: the Badges API resource, the token, or other. */
export function upstreamEndpoint(pathname: string): string {
  if (pathname.endsWith('/v3/oauth/token/generate')) return 'token'
  const resource = /\/api_gateway\/v1\/badges\/(customer|management|badgeMeta|group)\//.exec(
    pathname,
  )
  return resource?.[1] ?? 'other'
}

/**
 * A fetch that counts every upstream call and its latency (to the response headers). Given to the
 * proxy and the upstream auth, it meters them without either knowing.
 */
export function meteredFetch(inner: typeof fetch, into: Metrics = metrics): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const endpoint = upstreamEndpoint(url.pathname)
    const started = performance.now()
    try {
      const response = await inner(input, init)
      into.upstreamCall(endpoint, response.status, performance.now() - started)
      return response
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError'
      into.upstreamCall(endpoint, timedOut ? 'timeout' : 'error', performance.now() - started)
      throw error
    }
  }
}
