import { Hono } from 'hono'
import { basicAuthorization } from './upstream-auth.ts'
import { API_BASE, errorBody, OAUTH_TOKEN_PATH } from '../contract.ts'
import { createEmulator, type EmulatorOptions } from '../emulator/emulator.ts'

// The emulator as a Capillary cluster: it answers only requests that carry valid machine
// credentials, and issues OAuth tokens. It stands in for the upstream in the live proxy's tests
// and its e2e run, over real HTTP on loopback.

export type StandInOptions = EmulatorOptions & {
  basic?: { username: string; password: string }
  oauth?: { key: string; secret: string; ttlSeconds?: number }
}

export function createStandInCluster({ basic, oauth, ...emulatorOptions }: StandInOptions) {
  const app = new Hono()
  const issued = new Map<string, number>()
  const now = emulatorOptions.now ?? Date.now
  let counter = 0

  app.post(OAUTH_TOKEN_PATH, async (c) => {
    const body: unknown = await c.req.json().catch(() => null)
    const given = typeof body === 'object' && body !== null ? body : {}
    if (
      !oauth ||
      !('key' in given) ||
      given.key !== oauth.key ||
      !('secret' in given) ||
      given.secret !== oauth.secret
    ) {
      return c.json({ data: null, errors: [errorBody(401, 'Invalid key or secret')] }, 401)
    }
    counter += 1
    const ttlSeconds = oauth.ttlSeconds ?? 300
    const accessToken = `stand-in-token-${counter}`
    issued.set(accessToken, now() + ttlSeconds * 1000)
    return c.json({ data: { accessToken, ttlSeconds }, errors: null })
  })

  app.use('/api_gateway/*', async (c, next) => {
    const token = c.req.header('X-CAP-API-OAUTH-TOKEN')
    if (token !== undefined) {
      const expiresAt = issued.get(token)
      if (expiresAt === undefined)
        return c.json({ data: null, errors: [errorBody(401, 'Invalid token')] }, 401)
      if (expiresAt <= now()) {
        return new Response(
          JSON.stringify({ data: null, errors: [errorBody(498, 'Token expired')] }),
          {
            status: 498,
            headers: { 'Content-Type': 'application/json' },
          },
        )
      }
      return next()
    }
    const expected = basic && basicAuthorization(basic.username, basic.password)
    if (expected && c.req.header('Authorization') === expected) return next()
    return c.json({ data: null, errors: [errorBody(401, 'Unauthorized')] }, 401)
  })
  app.route(API_BASE, createEmulator(emulatorOptions))
  return {
    app,
    /** Tokens issued so far. */
    tokensIssued: () => counter,
    /** Ends every issued token now, as if they had run out. */
    expireTokens: () => {
      for (const token of issued.keys()) issued.set(token, 0)
    },
  }
}
