// Readiness for load balancers (GET /readyz): whether this instance can serve members now. In live
// mode that needs the Capillary cluster to answer at all; the check is cheap (one GET without
// credentials, any HTTP answer counts), bounded by a short timeout and remembered for a few
// seconds, so probes from many balancers never become load on the cluster.

export type RedisState = 'off' | 'ok' | 'down'
export type UpstreamState = 'ok' | 'unreachable' | 'not used'
export type ReadyStatus = 'ready' | 'degraded' | 'not ready'

/** Whether Capillary took the showcase's credentials when last asked (live mode; not yet: unknown). */
export type SignInState = 'ok' | 'refused' | 'not yet' | 'not used'

export type ReadyReport = {
  status: ReadyStatus
  mode: 'demo' | 'live'
  upstream: UpstreamState
  signIn: SignInState
  redis: RedisState
  draining?: true
}

type ReadinessOptions = {
  mode: 'demo' | 'live'
  /** Live mode: the cluster to probe. */
  upstream?: URL
  fetch?: typeof fetch
  /** Live mode: what Capillary last said to the credentials (from the proxy's calls). */
  signIn?: () => SignInState
  /** Whether the shared cache's Redis answers; 'off' when none is configured. */
  redis?: () => Promise<RedisState>
  timeoutMs?: number
  /** How long one result is reused. */
  cacheMs?: number
  now?: () => number
}

async function probe(url: URL, fetchImpl: typeof fetch, timeoutMs: number): Promise<UpstreamState> {
  try {
    const response = await fetchImpl(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    await response.body?.cancel()
    return 'ok'
  } catch {
    return 'unreachable'
  }
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), timeoutMs)
  })
  return Promise.race([work.catch(() => fallback), late]).finally(() => clearTimeout(timer))
}

export function createReadiness({
  mode,
  upstream,
  fetch: fetchImpl = globalThis.fetch,
  redis = async () => 'off',
  signIn = () => (mode === 'live' ? 'not yet' : 'not used'),
  timeoutMs = 2000,
  cacheMs = 5000,
  now = Date.now,
}: ReadinessOptions) {
  let draining = false
  let last: { report: ReadyReport; at: number } | null = null
  let pending: Promise<ReadyReport> | null = null

  async function measure(): Promise<ReadyReport> {
    const [upstreamState, redisState] = await Promise.all([
      mode === 'live' && upstream !== undefined
        ? probe(upstream, fetchImpl, timeoutMs)
        : Promise.resolve<UpstreamState>('not used'),
      withTimeout(redis(), timeoutMs, 'down' as const),
    ])
    // Without Redis the instance still serves, from its own memory: degraded, not out of rotation,
    // or a Redis outage would take every instance out of the balancer at once.
    // Refused credentials serve no member: out of rotation (a rolling deploy with a wrong secret
    // stops at its first instance, the old ones serving on).
    const signInState = signIn()
    const status: ReadyStatus =
      upstreamState === 'unreachable' || signInState === 'refused'
        ? 'not ready'
        : redisState === 'down'
          ? 'degraded'
          : 'ready'
    return { status, mode, upstream: upstreamState, signIn: signInState, redis: redisState }
  }

  return {
    async check(): Promise<ReadyReport> {
      if (draining) {
        // What was last known of the upstream and Redis, for whoever reads it during shutdown.
        const known = last?.report ?? {
          upstream: 'not used' as const,
          signIn: 'not used' as const,
          redis: 'off' as const,
        }
        return {
          status: 'not ready',
          mode,
          upstream: known.upstream,
          signIn: known.signIn,
          redis: known.redis,
          draining: true,
        }
      }
      if (last !== null && now() - last.at < cacheMs) return last.report
      // Concurrent probes share one measurement.
      pending ??= measure()
        .then((report) => {
          last = { report, at: now() }
          return report
        })
        .finally(() => {
          pending = null
        })
      return pending
    },
    /** From now on not ready: the server is shutting down and balancers should stop sending. */
    drain(): void {
      draining = true
    },
  }
}

export type Readiness = ReturnType<typeof createReadiness>
