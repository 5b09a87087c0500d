// The server's configuration, read once from the environment and checked before anything starts:
// a bad value stops the server with one message naming the variable. No variables at all is demo
// mode. Nothing here is ever sent to a browser.

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`)
  }
}

export type UpstreamAuth =
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'oauth'; key: string; secret: string }

export type MemberAuth =
  { kind: 'secret'; secret: string } | { kind: 'jwks'; url: URL } | { kind: 'any-member' }

export type Config = {
  port: number
  host: string
  basePath: string
  imgSrc: string[]
  frameAncestors: string[]
  /** How long a shutdown (SIGTERM, SIGINT) may take to finish the requests in flight. */
  shutdownTimeoutSeconds: number
  /** SHOWCASE_SERVE_SOURCEMAPS=true: the build's .map files are served (404 otherwise). */
  serveSourceMaps: boolean
  /**
   * SHOWCASE_EMULATOR_CONTROL=true (demo mode only): POST /__emulator/* moves the emulator's clock
   * and awards or revokes badges, for tests and demos of what changes over time.
   */
  emulatorControl: boolean
  /** SHOWCASE_SSR=false: demo pages are sent without the server's render of the first view. */
  serverRender: boolean
  /** SHOWCASE_TRUST_PROXY=true: a client is the last X-Forwarded-For entry (client-address.ts). */
  trustProxy: boolean
  /** SHOWCASE_RENDER_RATE: demo pages one client gets rendered by the server a minute (0: any). */
  rendersPerMinute: number
  /** SHOWCASE_RENDER_BUDGET_MS: how long a render's data may take before the page goes without it. */
  renderBudgetMs: number
  /**
   * SHOWCASE_METRICS_TOKEN: GET /metrics answers only a scraper that sends it as a bearer token.
   * null: /metrics answers anyone who can reach the port.
   */
  metricsToken: string | null
  /**
   * Badge proof links (server/proof/): the key that seals them and the share link's lifetime.
   * null (no SHOWCASE_PROOF_KEY): the feature is off and sharing falls back to the showcase link.
   */
  proof: ProofConfig | null
  live: null | {
    upstream: URL
    auth: UpstreamAuth
    member: MemberAuth
    /** Claims a member token must carry besides sub and exp, and its longest lifetime. */
    tokenClaims: TokenClaims
    timeoutMs: number
    /** Upstream requests at once on this instance; more wait in a bounded queue. */
    concurrency: number
    /** API requests one member may make a minute on this instance (0: no limit). */
    memberRatePerMinute: number
    /** A load balancer in front appends the client's address to X-Forwarded-For (client-address.ts). */
    trustProxy: boolean
    /** Where instances share definitions and the OAuth token; null: this instance's memory. */
    redisUrl: string | null
  }
}

export type ProofConfig = {
  key: string
  shareDays: number
  /** A load balancer in front appends the client's address to X-Forwarded-For (for the limits). */
  trustProxy: boolean
  /**
   * SHOWCASE_PUBLIC_URL: the origin members reach the showcase at, for the links it hands out.
   * null: taken from each request (its Host header, and X-Forwarded-Proto).
   */
  publicOrigin: string | null
}

export type TokenClaims = { audience: string | null; issuer: string | null; maxAgeSeconds: number }

type Env = Record<string, string | undefined>

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim()
  return raw === undefined || raw === '' ? undefined : raw
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname)
}

/** An http(s) URL, https unless it points at this machine. */
function secureUrl(env: Env, name: string): URL {
  const raw = value(env, name) ?? ''
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(
      name,
      `"${raw}" is not a URL (for example https://eu.api.capillarytech.com).`,
    )
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new ConfigError(name, 'must be an https URL (plain http is allowed only for localhost).')
  }
  if (url.username || url.password) {
    throw new ConfigError(name, 'must not carry credentials; use the credential variables instead.')
  }
  if (url.search || url.hash) throw new ConfigError(name, 'must not have a query or fragment.')
  return url
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = value(env, name)
  if (raw === undefined) return fallback
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, not "${raw}".`)
  }
  return Number(raw)
}

function flag(env: Env, name: string): boolean {
  const raw = value(env, name)
  if (raw === undefined) return false
  if (raw !== 'true' && raw !== 'false')
    throw new ConfigError(name, `must be "true" or "false", not "${raw}".`)
  return raw === 'true'
}

// A CSP source list: keywords, schemes and hosts only, so a value cannot add a directive.
function sources(env: Env, name: string, fallback: string[]): string[] {
  const raw = value(env, name)
  if (raw === undefined) return fallback
  const list = raw.split(/\s+/)
  const bad = list.find(
    (source) => !/^('self'|'none'|[a-z][a-z0-9+.-]*:|(https?:\/\/)?[\w*.-]+(:\d+)?)$/i.test(source),
  )
  if (bad !== undefined) {
    throw new ConfigError(
      name,
      `"${bad}" is not a source; use a space-separated list like "'self' https://cdn.example.com".`,
    )
  }
  return list
}

// A scraper's credential: long enough not to be guessed, and only characters a header carries.
function metricsToken(env: Env): string | null {
  const token = value(env, 'SHOWCASE_METRICS_TOKEN')
  if (token === undefined) return null
  if (token.length < 24 || !/^[\x21-\x7e]+$/.test(token)) {
    throw new ConfigError(
      'SHOWCASE_METRICS_TOKEN',
      'must be at least 24 printable characters without spaces (e.g. `openssl rand -hex 24`).',
    )
  }
  return token
}

function redisUrl(env: Env): string | null {
  const raw = value(env, 'SHOWCASE_REDIS_URL')
  if (raw === undefined) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(
      'SHOWCASE_REDIS_URL',
      'is not a URL; use redis://host:6379 or rediss://user:password@host:6380/0.',
    )
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError('SHOWCASE_REDIS_URL', 'must start with redis:// or rediss:// (TLS).')
  }
  if (url.hostname === '') throw new ConfigError('SHOWCASE_REDIS_URL', 'names no host.')
  return raw
}

// The key seals proof links that strangers hold for weeks: long enough not to be guessed, and
// required before anyone may configure their lifetime.
function proofConfig(env: Env): ProofConfig | null {
  const key = value(env, 'SHOWCASE_PROOF_KEY')
  if (key === undefined) {
    if (value(env, 'SHOWCASE_PROOF_DAYS') !== undefined) {
      throw new ConfigError(
        'SHOWCASE_PROOF_DAYS',
        'is set, but proof links are off: set SHOWCASE_PROOF_KEY to turn them on.',
      )
    }
    return null
  }
  if (key.length < 32) {
    throw new ConfigError(
      'SHOWCASE_PROOF_KEY',
      'must be at least 32 characters (a long random secret, e.g. `openssl rand -base64 32`).',
    )
  }
  return {
    key,
    shareDays: integer(env, 'SHOWCASE_PROOF_DAYS', 30, 1, 365),
    trustProxy: flag(env, 'SHOWCASE_TRUST_PROXY'),
    publicOrigin: publicOrigin(env),
  }
}

// Behind a proxy that rewrites Host (nginx sends its upstream's name by default), a link made from
// the request would point at an address no member can open; and the Host header is the caller's.
function publicOrigin(env: Env): string | null {
  if (value(env, 'SHOWCASE_PUBLIC_URL') === undefined) return null
  const url = secureUrl(env, 'SHOWCASE_PUBLIC_URL')
  if (url.pathname !== '/') {
    throw new ConfigError(
      'SHOWCASE_PUBLIC_URL',
      'is the origin only (https://badges.example.com); the path is SHOWCASE_BASE_PATH.',
    )
  }
  return url.origin
}

function tokenClaims(env: Env, member: MemberAuth): TokenClaims {
  const audience = value(env, 'SHOWCASE_TOKEN_AUDIENCE') ?? null
  const issuer = value(env, 'SHOWCASE_TOKEN_ISSUER') ?? null
  // A portal's signing keys may sign other tokens too: only those meant for the showcase count.
  if (member.kind === 'jwks') {
    if (audience === null) {
      throw new ConfigError(
        'SHOWCASE_TOKEN_AUDIENCE',
        'is required with SHOWCASE_TOKEN_JWKS_URL: the aud your portal puts in member tokens for the showcase.',
      )
    }
    if (issuer === null) {
      throw new ConfigError(
        'SHOWCASE_TOKEN_ISSUER',
        "is required with SHOWCASE_TOKEN_JWKS_URL: the iss of your portal's member tokens.",
      )
    }
  }
  return {
    audience,
    issuer,
    maxAgeSeconds: integer(env, 'SHOWCASE_TOKEN_MAX_AGE', 86_400, 60, 2_592_000),
  }
}

function pair(env: Env, first: string, second: string): [string, string] | null {
  const a = value(env, first)
  const b = value(env, second)
  if (a === undefined && b === undefined) return null
  if (a === undefined) throw new ConfigError(first, `is missing; it goes together with ${second}.`)
  if (b === undefined) throw new ConfigError(second, `is missing; it goes together with ${first}.`)
  return [a, b]
}

function memberAuth(env: Env): MemberAuth {
  const secret = value(env, 'SHOWCASE_TOKEN_SECRET')
  const jwks = value(env, 'SHOWCASE_TOKEN_JWKS_URL')
  const anyMember = flag(env, 'SHOWCASE_ALLOW_ANY_MEMBER')
  if (secret !== undefined && jwks !== undefined) {
    throw new ConfigError(
      'SHOWCASE_TOKEN_JWKS_URL',
      'set either it or SHOWCASE_TOKEN_SECRET, not both.',
    )
  }
  if (secret !== undefined) {
    if (secret.length < 32) {
      throw new ConfigError(
        'SHOWCASE_TOKEN_SECRET',
        'must be at least 32 characters (HS256 needs a long random secret).',
      )
    }
    return { kind: 'secret', secret }
  }
  if (jwks !== undefined) return { kind: 'jwks', url: secureUrl(env, 'SHOWCASE_TOKEN_JWKS_URL') }
  if (anyMember) return { kind: 'any-member' }
  throw new ConfigError(
    'SHOWCASE_TOKEN_SECRET',
    'live mode needs member tokens: set SHOWCASE_TOKEN_SECRET or SHOWCASE_TOKEN_JWKS_URL, or SHOWCASE_ALLOW_ANY_MEMBER=true for an internal demo.',
  )
}

/** Every setting the server reads (the README's configuration table). */
export const SETTINGS: ReadonlySet<string> = new Set([
  'PORT',
  'HOST',
  'CAPILLARY_API_URL',
  'CAPILLARY_USERNAME',
  'CAPILLARY_PASSWORD',
  'CAPILLARY_OAUTH_KEY',
  'CAPILLARY_OAUTH_SECRET',
  'SHOWCASE_ALLOW_ANY_MEMBER',
  'SHOWCASE_BASE_PATH',
  'SHOWCASE_EMULATOR_CONTROL',
  'SHOWCASE_FRAME_ANCESTORS',
  'SHOWCASE_IMG_SRC',
  'SHOWCASE_MEMBER_RATE',
  'SHOWCASE_METRICS_TOKEN',
  'SHOWCASE_PROOF_DAYS',
  'SHOWCASE_PROOF_KEY',
  'SHOWCASE_PUBLIC_URL',
  'SHOWCASE_REDIS_URL',
  'SHOWCASE_RENDER_BUDGET_MS',
  'SHOWCASE_RENDER_RATE',
  'SHOWCASE_SERVE_SOURCEMAPS',
  'SHOWCASE_SHUTDOWN_TIMEOUT',
  'SHOWCASE_SSR',
  'SHOWCASE_TOKEN_AUDIENCE',
  'SHOWCASE_TOKEN_ISSUER',
  'SHOWCASE_TOKEN_JWKS_URL',
  'SHOWCASE_TOKEN_MAX_AGE',
  'SHOWCASE_TOKEN_SECRET',
  'SHOWCASE_TRUST_PROXY',
  'SHOWCASE_UPSTREAM_CONCURRENCY',
  'SHOWCASE_UPSTREAM_TIMEOUT_MS',
])

// Settings only live mode uses, for its members: set without a cluster, someone meant live mode,
// and demo mode would show their members the demo's made-up badges.
const MEMBER_SETTINGS = [
  'SHOWCASE_TOKEN_SECRET',
  'SHOWCASE_TOKEN_JWKS_URL',
  'SHOWCASE_ALLOW_ANY_MEMBER',
]

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(
        (row[j] ?? 0) + 1,
        (next[j - 1] ?? 0) + 1,
        (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    }
    row = next
  }
  return row[b.length] ?? 0
}

/**
 * Names in the environment that look like the showcase's settings but are none of them: a typo
 * reads as unset (CAPILARY_API_URL would start demo mode). Each with the setting it is closest to.
 */
export function unknownSettings(env: Env): Array<{ name: string; meant: string | null }> {
  return Object.keys(env)
    .filter((name) => /^(SHOWCASE|CAPILL?I?ARY)_/.test(name) && !SETTINGS.has(name))
    .map((name) => {
      const [meant] = [...SETTINGS]
        .map((known) => ({ known, away: distance(name, known) }))
        .filter(({ away }) => away <= 3)
        .sort((a, b) => a.away - b.away)
      return { name, meant: meant?.known ?? null }
    })
}

export function readConfig(env: Env): Config {
  const port = integer(env, 'PORT', 4173, 1, 65535)
  const host = value(env, 'HOST') ?? 'localhost'
  const rawBase = value(env, 'SHOWCASE_BASE_PATH') ?? '/'
  if (!/^\/([\w.~-]+\/?)*$/.test(rawBase) || rawBase.includes('..')) {
    throw new ConfigError(
      'SHOWCASE_BASE_PATH',
      `must be a path like /rewards/badges/, not "${rawBase}".`,
    )
  }
  const basePath = rawBase.endsWith('/') ? rawBase : `${rawBase}/`
  const imgSrc = sources(env, 'SHOWCASE_IMG_SRC', ['https:'])
  const frameAncestors = sources(env, 'SHOWCASE_FRAME_ANCESTORS', ["'self'"])
  const shutdownTimeoutSeconds = integer(env, 'SHOWCASE_SHUTDOWN_TIMEOUT', 10, 1, 600)
  const serveSourceMaps = flag(env, 'SHOWCASE_SERVE_SOURCEMAPS')
  const emulatorControl = flag(env, 'SHOWCASE_EMULATOR_CONTROL')
  const serverRender = value(env, 'SHOWCASE_SSR') === undefined || flag(env, 'SHOWCASE_SSR')
  const proof = proofConfig(env)
  const metrics = metricsToken(env)
  const renderBudgetMs = integer(env, 'SHOWCASE_RENDER_BUDGET_MS', 1_000, 100, 10_000)
  const basic = pair(env, 'CAPILLARY_USERNAME', 'CAPILLARY_PASSWORD')
  const oauth = pair(env, 'CAPILLARY_OAUTH_KEY', 'CAPILLARY_OAUTH_SECRET')
  const apiUrl = value(env, 'CAPILLARY_API_URL')
  // Checked in demo mode too, so a typo is found before the day it matters.
  const redis = redisUrl(env)
  const concurrency = integer(env, 'SHOWCASE_UPSTREAM_CONCURRENCY', 16, 1, 1_000)

  // Read in demo mode too: a malformed value stops the server whatever the mode. (The others are
  // read where they are used; these are checked here, for the modes that do not use them.)
  const timeoutMs = integer(env, 'SHOWCASE_UPSTREAM_TIMEOUT_MS', 10_000, 100, 120_000)
  const memberRatePerMinute = integer(env, 'SHOWCASE_MEMBER_RATE', 120, 0, 100_000)
  integer(env, 'SHOWCASE_TOKEN_MAX_AGE', 86_400, 60, 2_592_000)
  flag(env, 'SHOWCASE_TRUST_PROXY')
  flag(env, 'SHOWCASE_ALLOW_ANY_MEMBER')
  publicOrigin(env)

  if (apiUrl === undefined) {
    const memberSetting = MEMBER_SETTINGS.find((name) => value(env, name) !== undefined)
    if (memberSetting !== undefined) {
      throw new ConfigError(
        'CAPILLARY_API_URL',
        `is not set, but ${memberSetting} is, which only live mode uses: without a cluster the showcase would show your members demo badges. Set CAPILLARY_API_URL and its credentials, or unset ${memberSetting} for demo mode.`,
      )
    }
    if (basic || oauth) {
      throw new ConfigError(
        'CAPILLARY_API_URL',
        'is missing, but Capillary credentials are set: name the cluster to use them.',
      )
    }
    return {
      port,
      host,
      basePath,
      imgSrc,
      frameAncestors,
      shutdownTimeoutSeconds,
      serveSourceMaps,
      emulatorControl,
      serverRender,
      trustProxy: flag(env, 'SHOWCASE_TRUST_PROXY'),
      rendersPerMinute: integer(env, 'SHOWCASE_RENDER_RATE', 60, 0, 100_000),
      metricsToken: metrics,
      renderBudgetMs,
      proof,
      live: null,
    }
  }
  if (emulatorControl) {
    throw new ConfigError(
      'SHOWCASE_EMULATOR_CONTROL',
      'only applies to demo mode: there is no emulator to control in front of a real cluster.',
    )
  }
  const upstream = secureUrl(env, 'CAPILLARY_API_URL')
  if (basic && oauth) {
    throw new ConfigError(
      'CAPILLARY_OAUTH_KEY',
      'set either Basic (CAPILLARY_USERNAME/PASSWORD) or OAuth credentials, not both.',
    )
  }
  let auth: UpstreamAuth
  if (basic) auth = { kind: 'basic', username: basic[0], password: basic[1] }
  else if (oauth) auth = { kind: 'oauth', key: oauth[0], secret: oauth[1] }
  else {
    throw new ConfigError(
      'CAPILLARY_USERNAME',
      'live mode needs credentials: CAPILLARY_USERNAME and CAPILLARY_PASSWORD, or CAPILLARY_OAUTH_KEY and CAPILLARY_OAUTH_SECRET.',
    )
  }
  const member = memberAuth(env)
  return {
    port,
    host,
    basePath,
    imgSrc,
    frameAncestors,
    shutdownTimeoutSeconds,
    serveSourceMaps,
    emulatorControl: false,
    serverRender,
    trustProxy: flag(env, 'SHOWCASE_TRUST_PROXY'),
    rendersPerMinute: integer(env, 'SHOWCASE_RENDER_RATE', 60, 0, 100_000),
    metricsToken: metrics,
    renderBudgetMs,
    proof,
    live: {
      upstream,
      auth,
      member,
      tokenClaims: tokenClaims(env, member),
      timeoutMs,
      concurrency,
      memberRatePerMinute,
      trustProxy: flag(env, 'SHOWCASE_TRUST_PROXY'),
      redisUrl: redis,
    },
  }
}
