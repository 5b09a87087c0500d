import { expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import { ConfigError, readConfig, SETTINGS, unknownSettings } from './config.ts'

const live = {
  CAPILLARY_API_URL: 'https://eu.api.capillarytech.com',
  CAPILLARY_USERNAME: 'till',
  CAPILLARY_PASSWORD: 'pw',
  SHOWCASE_TOKEN_SECRET: 'a-member-token-secret-of-32-chars!!',
}

test('no variables at all is demo mode', () => {
  expect(readConfig({})).toEqual({
    port: 4173,
    host: 'localhost',
    basePath: '/',
    imgSrc: ['https:'],
    frameAncestors: ["'self'"],
    shutdownTimeoutSeconds: 10,
    serveSourceMaps: false,
    emulatorControl: false,
    serverRender: true,
    trustProxy: false,
    rendersPerMinute: 60,
    metricsToken: null,
    renderBudgetMs: 1_000,
    proof: null,
    live: null,
  })
  expect(readConfig({ SHOWCASE_RENDER_RATE: '0' }).rendersPerMinute).toBe(0)
})

test('proof links are on with a long key, in demo and live mode, their lifetime bounded', () => {
  const key = 'a-proof-link-key-of-at-least-32-chars'
  expect(readConfig({ SHOWCASE_PROOF_KEY: key }).proof).toEqual({
    key,
    shareDays: 30,
    trustProxy: false,
    publicOrigin: null,
  })
  expect(
    readConfig({
      ...live,
      SHOWCASE_PROOF_KEY: key,
      SHOWCASE_PROOF_DAYS: '7',
      SHOWCASE_TRUST_PROXY: 'true',
    }).proof,
  ).toEqual({ key, shareDays: 7, trustProxy: true, publicOrigin: null })
  expect(
    readConfig({ SHOWCASE_PROOF_KEY: key, SHOWCASE_PUBLIC_URL: 'https://badges.example.com/' })
      .proof?.publicOrigin,
  ).toBe('https://badges.example.com')
  expect(() =>
    readConfig({ SHOWCASE_PROOF_KEY: key, SHOWCASE_PUBLIC_URL: 'https://example.com/badges/' }),
  ).toThrow(/^SHOWCASE_PUBLIC_URL: is the origin only/)
  expect(() =>
    readConfig({ SHOWCASE_PROOF_KEY: key, SHOWCASE_PUBLIC_URL: 'http://badges.example.com' }),
  ).toThrow(/^SHOWCASE_PUBLIC_URL: must be an https URL/)
  expect(() => readConfig({ SHOWCASE_PROOF_KEY: 'short' })).toThrow(
    /^SHOWCASE_PROOF_KEY: must be at least 32 characters/,
  )
  expect(() => readConfig({ SHOWCASE_PROOF_KEY: key, SHOWCASE_PROOF_DAYS: '366' })).toThrow(
    /^SHOWCASE_PROOF_DAYS: must be a whole number from 1 to 365/,
  )
  expect(() => readConfig({ SHOWCASE_PROOF_DAYS: '7' })).toThrow(
    /^SHOWCASE_PROOF_DAYS: is set, but proof links are off/,
  )
})

test('the emulator control is for demo mode only', () => {
  expect(readConfig({ SHOWCASE_EMULATOR_CONTROL: 'true' }).emulatorControl).toBe(true)
  expect(() => readConfig({ ...live, SHOWCASE_EMULATOR_CONTROL: 'true' })).toThrow(
    /SHOWCASE_EMULATOR_CONTROL: only applies to demo mode/,
  )
  expect(readConfig(live).emulatorControl).toBe(false)
})

test('SHOWCASE_SSR=false turns the server render of the first view off (the bench compares both)', () => {
  expect(readConfig({ SHOWCASE_SSR: 'false' }).serverRender).toBe(false)
  expect(readConfig({ SHOWCASE_SSR: 'true' }).serverRender).toBe(true)
  expect(() => readConfig({ SHOWCASE_SSR: 'off' })).toThrow(ConfigError)
})

test('the shutdown timeout is a whole number of seconds, checked at start', () => {
  expect(readConfig({ SHOWCASE_SHUTDOWN_TIMEOUT: '30' }).shutdownTimeoutSeconds).toBe(30)
  expect(readConfig({ ...live, SHOWCASE_SHUTDOWN_TIMEOUT: '2' }).shutdownTimeoutSeconds).toBe(2)
  for (const bad of ['0', '-1', '1.5', '10s', '601']) {
    expect(() => readConfig({ SHOWCASE_SHUTDOWN_TIMEOUT: bad })).toThrow(
      new ConfigError(
        'SHOWCASE_SHUTDOWN_TIMEOUT',
        `must be a whole number from 1 to 600, not "${bad}".`,
      ),
    )
  }
})

test('source maps are served only when asked for, with a clear message for a bad value', () => {
  expect(readConfig({ SHOWCASE_SERVE_SOURCEMAPS: 'true' }).serveSourceMaps).toBe(true)
  expect(readConfig({ SHOWCASE_SERVE_SOURCEMAPS: 'false' }).serveSourceMaps).toBe(false)
  expect(() => readConfig({ SHOWCASE_SERVE_SOURCEMAPS: 'yes' })).toThrow(
    /SHOWCASE_SERVE_SOURCEMAPS: must be "true" or "false"/,
  )
})

test('a complete live configuration, with Basic or OAuth', () => {
  expect(readConfig(live).live).toMatchObject({
    upstream: new URL('https://eu.api.capillarytech.com'),
    auth: { kind: 'basic', username: 'till' },
    member: { kind: 'secret' },
    timeoutMs: 10_000,
  })
  const oauth = {
    ...live,
    CAPILLARY_USERNAME: '',
    CAPILLARY_PASSWORD: '',
    CAPILLARY_OAUTH_KEY: 'k',
    CAPILLARY_OAUTH_SECRET: 's',
  }
  expect(readConfig(oauth).live?.auth).toEqual({ kind: 'oauth', key: 'k', secret: 's' })
  // Loopback may be plain http, for a local stand-in.
  expect(
    readConfig({ ...live, CAPILLARY_API_URL: 'http://127.0.0.1:9000' }).live?.upstream.port,
  ).toBe('9000')
})

test.each([
  [{ ...live, CAPILLARY_USERNAME: undefined, CAPILLARY_PASSWORD: undefined }, 'CAPILLARY_USERNAME'],
  [{ ...live, CAPILLARY_PASSWORD: undefined }, 'CAPILLARY_PASSWORD'],
  [{ ...live, CAPILLARY_OAUTH_KEY: 'k', CAPILLARY_OAUTH_SECRET: 's' }, 'CAPILLARY_OAUTH_KEY'],
  [{ ...live, CAPILLARY_OAUTH_KEY: 'k' }, 'CAPILLARY_OAUTH_SECRET'],
  [{ ...live, CAPILLARY_API_URL: 'http://eu.api.capillarytech.com' }, 'CAPILLARY_API_URL'],
  [{ ...live, CAPILLARY_API_URL: 'eu.api.capillarytech.com' }, 'CAPILLARY_API_URL'],
  [{ ...live, CAPILLARY_API_URL: 'https://user:pw@eu.api.capillarytech.com' }, 'CAPILLARY_API_URL'],
  [{ CAPILLARY_USERNAME: 'till', CAPILLARY_PASSWORD: 'pw' }, 'CAPILLARY_API_URL'],
  [{ ...live, SHOWCASE_TOKEN_SECRET: undefined }, 'SHOWCASE_TOKEN_SECRET'],
  [{ ...live, SHOWCASE_TOKEN_SECRET: 'short' }, 'SHOWCASE_TOKEN_SECRET'],
  [
    { ...live, SHOWCASE_TOKEN_JWKS_URL: 'https://portal.example.com/jwks.json' },
    'SHOWCASE_TOKEN_JWKS_URL',
  ],
  [
    {
      ...live,
      SHOWCASE_TOKEN_SECRET: undefined,
      SHOWCASE_TOKEN_JWKS_URL: 'http://portal.example.com/jwks',
    },
    'SHOWCASE_TOKEN_JWKS_URL',
  ],
  [{ ...live, SHOWCASE_ALLOW_ANY_MEMBER: 'yes' }, 'SHOWCASE_ALLOW_ANY_MEMBER'],
  [{ PORT: 'eighty' }, 'PORT'],
  [{ SHOWCASE_BASE_PATH: 'rewards' }, 'SHOWCASE_BASE_PATH'],
  [{ SHOWCASE_BASE_PATH: '/rewards/../admin/' }, 'SHOWCASE_BASE_PATH'],
  [{ PORT: '70000' }, 'PORT'],
  [{ ...live, SHOWCASE_UPSTREAM_TIMEOUT_MS: '5s' }, 'SHOWCASE_UPSTREAM_TIMEOUT_MS'],
  [{ SHOWCASE_FRAME_ANCESTORS: "'self'; script-src *" }, 'SHOWCASE_FRAME_ANCESTORS'],
  [{ SHOWCASE_IMG_SRC: 'https://cdn.example.com;' }, 'SHOWCASE_IMG_SRC'],
])('a bad configuration stops with a message naming %#: %s', (env, variable) => {
  let error: unknown
  try {
    readConfig(env)
  } catch (caught) {
    error = caught
  }
  expect(error).toBeInstanceOf(ConfigError)
  expect((error as ConfigError).variable).toBe(variable)
  expect((error as ConfigError).message.startsWith(`${variable}: `)).toBe(true)
})

test('an internal demo may allow any member, explicitly', () => {
  const config = readConfig({
    ...live,
    SHOWCASE_TOKEN_SECRET: undefined,
    SHOWCASE_ALLOW_ANY_MEMBER: 'true',
  })
  expect(config.live?.member).toEqual({ kind: 'any-member' })
})

test('image sources and framing portals are configurable', () => {
  const config = readConfig({
    SHOWCASE_IMG_SRC: 'https://cdn.brand.example https://*.content-cdn.io',
    SHOWCASE_FRAME_ANCESTORS: "'self' https://portal.brand.example",
  })
  expect(config.imgSrc).toEqual(['https://cdn.brand.example', 'https://*.content-cdn.io'])
  expect(config.frameAncestors).toEqual(["'self'", 'https://portal.brand.example'])
})

test('the production variables: Redis, upstream concurrency, member token claims', () => {
  expect(readConfig(live).live).toMatchObject({
    concurrency: 16,
    memberRatePerMinute: 120,
    redisUrl: null,
    tokenClaims: { audience: null, issuer: null, maxAgeSeconds: 86_400 },
  })
  expect(
    readConfig({
      ...live,
      SHOWCASE_REDIS_URL: 'rediss://user:pw@cache.internal:6380/2',
      SHOWCASE_UPSTREAM_CONCURRENCY: '64',
      SHOWCASE_MEMBER_RATE: '0',
      SHOWCASE_TOKEN_AUDIENCE: 'badge-showcase',
      SHOWCASE_TOKEN_ISSUER: 'https://portal.example',
      SHOWCASE_TOKEN_MAX_AGE: '3600',
    }).live,
  ).toMatchObject({
    concurrency: 64,
    memberRatePerMinute: 0,
    redisUrl: 'rediss://user:pw@cache.internal:6380/2',
    tokenClaims: {
      audience: 'badge-showcase',
      issuer: 'https://portal.example',
      maxAgeSeconds: 3600,
    },
  })
})

test.each([
  [{ SHOWCASE_REDIS_URL: 'cache.internal:6379' }, 'SHOWCASE_REDIS_URL'],
  [{ SHOWCASE_REDIS_URL: 'http://cache.internal:6379' }, 'SHOWCASE_REDIS_URL'],
  [{ SHOWCASE_UPSTREAM_CONCURRENCY: '0' }, 'SHOWCASE_UPSTREAM_CONCURRENCY'],
  [{ SHOWCASE_UPSTREAM_CONCURRENCY: 'many' }, 'SHOWCASE_UPSTREAM_CONCURRENCY'],
  [{ SHOWCASE_TOKEN_MAX_AGE: '1e9' }, 'SHOWCASE_TOKEN_MAX_AGE'],
  [{ SHOWCASE_TOKEN_MAX_AGE: '10' }, 'SHOWCASE_TOKEN_MAX_AGE'],
  [
    {
      SHOWCASE_TOKEN_SECRET: undefined,
      SHOWCASE_TOKEN_JWKS_URL: 'https://portal.example/jwks.json',
      SHOWCASE_TOKEN_ISSUER: 'https://portal.example',
    },
    'SHOWCASE_TOKEN_AUDIENCE',
  ],
  [
    {
      SHOWCASE_TOKEN_SECRET: undefined,
      SHOWCASE_TOKEN_JWKS_URL: 'https://portal.example/jwks.json',
      SHOWCASE_TOKEN_AUDIENCE: 'badge-showcase',
    },
    'SHOWCASE_TOKEN_ISSUER',
  ],
])('a bad production variable stops the start, naming it: %#: %s', (env, variable) => {
  let error: unknown
  try {
    readConfig({ ...live, ...env })
  } catch (caught) {
    error = caught
  }
  expect(error).toBeInstanceOf(ConfigError)
  expect((error as ConfigError).variable).toBe(variable)
})

test('a malformed SHOWCASE_REDIS_URL stops even a demo start', () => {
  expect(() => readConfig({ SHOWCASE_REDIS_URL: 'localhost' })).toThrow(ConfigError)
})

test('a member setting without a cluster stops the server: members would see demo badges', () => {
  // CAPILARY_API_URL (a typo) reads as unset: demo mode, with the portal's real tokens.
  const typo = {
    CAPILARY_API_URL: 'https://eu.api.capillarytech.com',
    SHOWCASE_TOKEN_SECRET: 'x'.repeat(40),
  }
  expect(() => readConfig(typo)).toThrow(
    /^CAPILLARY_API_URL: is not set, but SHOWCASE_TOKEN_SECRET is, which only live mode uses/,
  )
  expect(() => readConfig({ SHOWCASE_ALLOW_ANY_MEMBER: 'true' })).toThrow(/^CAPILLARY_API_URL: /)
  expect(unknownSettings(typo)).toEqual([{ name: 'CAPILARY_API_URL', meant: 'CAPILLARY_API_URL' }])
  expect(
    unknownSettings({ SHOWCASE_PROOF_DAY: '7', SHOWCASE_COLOUR: 'red', PATH: '/bin' }),
  ).toEqual([
    { name: 'SHOWCASE_PROOF_DAY', meant: 'SHOWCASE_PROOF_DAYS' },
    { name: 'SHOWCASE_COLOUR', meant: null },
  ])
  expect(unknownSettings({ ...live, SHOWCASE_PROOF_KEY: 'k' })).toEqual([])
})

test('malformed values stop the server in demo mode too', () => {
  expect(() => readConfig({ SHOWCASE_MEMBER_RATE: '-1' })).toThrow(/^SHOWCASE_MEMBER_RATE: /)
  expect(() => readConfig({ SHOWCASE_UPSTREAM_TIMEOUT_MS: 'abc' })).toThrow(
    /^SHOWCASE_UPSTREAM_TIMEOUT_MS: /,
  )
  expect(() => readConfig({ SHOWCASE_TOKEN_MAX_AGE: 'forever' })).toThrow(
    /^SHOWCASE_TOKEN_MAX_AGE: /,
  )
  expect(() => readConfig({ SHOWCASE_TRUST_PROXY: 'maybe' })).toThrow(/^SHOWCASE_TRUST_PROXY: /)
  expect(() => readConfig({ SHOWCASE_PUBLIC_URL: 'https://example.com/badges/' })).toThrow(
    /^SHOWCASE_PUBLIC_URL: is the origin only/,
  )
})

test("every setting the server reads is in the README's configuration, and nothing else is", () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const documented = new Set(
    [...readme.matchAll(/`((?:SHOWCASE|CAPILLARY)_[A-Z_]+|PORT|HOST)`/g)].map((match) => match[1]),
  )
  expect([...SETTINGS].filter((name) => !documented.has(name))).toEqual([])
  expect([...documented].filter((name) => !SETTINGS.has(name ?? ''))).toEqual([])
})
