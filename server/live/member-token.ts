import { createRemoteJWKSet, customFetch, type JWTPayload, jwtVerify } from 'jose'
import { type MemberAuth, type TokenClaims } from '../config.ts'
import { type IdentifierKind, identifierKind, identifierKinds } from '../contract.ts'
import { readLimited } from './upstream-body.ts'

// The member a browser may see, from a short-lived JWT the member portal's backend signs:
// `sub` is the identifier's value, `idType` its kind (absent: Capillary's numeric customer id).

export type Member = { id: string; idType: IdentifierKind | null }

export type Verdict = { ok: true; member: Member | 'any' } | { ok: false; reason: string }

const CLOCK_TOLERANCE_S = 30
/**
 * A token whose signature and claims were checked is taken again without checking its signature,
 * for this long at most and never past the point it would be refused (its expiry, plus the clock
 * tolerance): a member's page sends the same token with every request, and the check was a fifth
 * of the proxy's own time. Not longer: a key dropped from a portal's JWKS still opens pages until
 * both jose's key cache (10 minutes) and this have let go of it.
 */
export const VERIFIED_REUSE_MS = 60_000
const VERIFIED_MAX = 5_000
/** A JWKS is a few keys; a portal that sends more is not read further. */
export const MAX_JWKS_BYTES = 256 * 1024

/** The portal's JWKS, read like every other outside answer: no further than a size limit. */
async function fetchJwksLimited(url: string, options: RequestInit): Promise<Response> {
  const response = await fetch(url, options)
  const text = await readLimited(response, MAX_JWKS_BYTES)
  if (text === null) throw new Error('the JWKS is too large')
  return new Response(text, {
    status: response.status,
    headers: { 'Content-Type': 'application/json' },
  })
}

const DEFAULT_CLAIMS: TokenClaims = { audience: null, issuer: null, maxAgeSeconds: 86_400 }

/** The names jose may quote in its words that are the standard's, not the token's own. */
const STANDARD_NAMES = new Set([
  'alg',
  'aud',
  'crit',
  'exp',
  'iat',
  'iss',
  'jti',
  'kid',
  'nbf',
  'sub',
  'typ',
])

/**
 * Why the check itself failed, for the operator's log: jose's code and words, never the token.
 * A name jose quotes from the token (an unknown `crit` header's) is the sender's to choose: it is
 * left out, or every made-up token would be a cause of its own and a log line past the once a
 * minute (main.ts).
 */
function failureDetail(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'unknown'
  const code = 'code' in error && typeof error.code === 'string' ? `${error.code}: ` : ''
  const message = 'message' in error && typeof error.message === 'string' ? error.message : ''
  const words = message.replace(/"([^"]*)"/g, (quoted, name: string) =>
    STANDARD_NAMES.has(name) ? quoted : '"…"',
  )
  return `${code}${words}`.slice(0, 200)
}

export function createMemberVerifier(
  auth: MemberAuth,
  claims: TokenClaims = DEFAULT_CLAIMS,
  now: () => number = Date.now,
  /**
   * Each refusal with its cause (an expired token, a signature that does not match, a JWKS that
   * cannot be fetched…): the member is only told the token is invalid or expired.
   */
  onRefused?: (detail: string) => void,
) {
  if (auth.kind === 'any-member') return async (): Promise<Verdict> => ({ ok: true, member: 'any' })
  // Exactly the algorithms the configuration implies: never `none`, never HS256 with a public key.
  const options = {
    algorithms: auth.kind === 'secret' ? ['HS256'] : ['RS256', 'ES256'],
    requiredClaims: ['sub', 'exp'],
    clockTolerance: CLOCK_TOLERANCE_S,
    ...(claims.audience !== null && { audience: claims.audience }),
    ...(claims.issuer !== null && { issuer: claims.issuer }),
  }
  let verify: (jwt: string) => Promise<{ payload: JWTPayload }>
  if (auth.kind === 'secret') {
    const secret = new TextEncoder().encode(auth.secret)
    verify = (jwt) => jwtVerify(jwt, secret, { ...options, currentDate: new Date(now()) })
  } else {
    const keys = createRemoteJWKSet(auth.url, {
      timeoutDuration: 5_000,
      [customFetch]: fetchJwksLimited,
    })
    verify = (jwt) => jwtVerify(jwt, keys, { ...options, currentDate: new Date(now()) })
  }

  // The exact token text, so only the very token that was checked is taken again.
  const verified = new Map<string, { payload: JWTPayload; until: number }>()
  const checked = async (jwt: string): Promise<JWTPayload> => {
    const known = verified.get(jwt)
    if (known !== undefined && now() < known.until) return known.payload
    verified.delete(jwt)
    const { payload } = await verify(jwt)
    // (Bounded: the oldest goes first.)
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value ?? '')
    const expires = ((payload.exp ?? 0) + CLOCK_TOLERANCE_S) * 1000
    verified.set(jwt, { payload, until: Math.min(now() + VERIFIED_REUSE_MS, expires) })
    return payload
  }

  const refuse = (reason: string, detail = reason): Verdict => {
    onRefused?.(detail)
    return { ok: false, reason }
  }
  return async (authorization: string | undefined): Promise<Verdict> => {
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/.exec(authorization?.trim() ?? '')
    if (match?.[1] === undefined) return { ok: false, reason: 'a member token is required' }
    let payload: JWTPayload
    try {
      payload = await checked(match[1])
    } catch (error) {
      return refuse('the member token is invalid or expired', failureDetail(error))
    }
    // A token that lives for years is as good as a password: a lifetime is bounded, whether the
    // token says when it was issued or not, and it cannot claim to be issued in the future.
    const nowS = now() / 1000
    const exp = payload.exp ?? 0
    if (payload.iat !== undefined) {
      if (typeof payload.iat !== 'number' || !Number.isFinite(payload.iat))
        return refuse('the member token has an invalid iat')
      if (payload.iat > nowS + CLOCK_TOLERANCE_S)
        return refuse('the member token is issued in the future')
      if (exp - payload.iat > claims.maxAgeSeconds)
        return refuse('the member token lives longer than allowed')
    }
    if (exp - nowS > claims.maxAgeSeconds + CLOCK_TOLERANCE_S)
      return refuse('the member token lives longer than allowed')
    const idType = payload.idType
    if (idType !== undefined && !identifierKinds.some((kind) => kind === idType)) {
      return refuse(
        `the member token names an unknown idType (one of ${identifierKinds.join(', ')}, or none for the customer id)`,
      )
    }
    const kind = identifierKinds.find((candidate) => candidate === idType) ?? null
    if (typeof payload.sub !== 'string' || payload.sub === '')
      return refuse('the member token has no sub, or one that is not a string')
    return { ok: true, member: { id: payload.sub, idType: kind } }
  }
}

/**
 * One per process (server/main.ts): the proxy, the first view's gate and the proof routes ask the
 * same one, so a token is checked by one rule, its signature once, and the portal's keys are
 * fetched once.
 */
export type MemberVerifier = ReturnType<typeof createMemberVerifier>

/**
 * For the first view's render (GET first-view): whether the Authorization is a valid token of the
 * member the page is about, checked before the render costs anything. (The proxy checks the token
 * on each of the render's requests again: its claims every time, its signature once a minute.)
 */
export function mayRenderFor(verify: MemberVerifier) {
  return async (
    authorization: string | undefined,
    customer: string,
    by: string | null,
  ): Promise<boolean> => {
    const verdict = await verify(authorization)
    if (!verdict.ok) return false
    if (verdict.member === 'any') return true
    const kind = by === null ? null : identifierKind(by)
    return (by === null || kind !== null) && isSameMember(verdict.member, customer, kind)
  }
}

/** Whether a request about (`segment`, identifier kind) is about the token's member. */
export function isSameMember(
  member: Member,
  segment: string,
  idType: IdentifierKind | null,
): boolean {
  if (member.idType !== idType) return false
  const own = memberKey(member.id, idType)
  return own !== null && own === memberKey(segment, idType)
}

/**
 * An identifier as it is compared: as written (the proxy sends the upstream exactly what was
 * checked), ASCII case aside for an email; null for one with space around it, which is no one's:
 * the emulator trims it (Capillary's documents do not say whether Capillary does), so a token for
 * "62090013 " read 62090013's badges there, to a portal that had not cleaned what it signed. (Nothing more is folded: a mobile number read by its digits let a
 * token for one pass for another the upstream may read differently, "+5550100001" for "5550100001".)
 */
function memberKey(id: string, idType: IdentifierKind | null): string | null {
  if (id === '' || id.trim() !== id) return null
  return idType === 'email' ? asciiLowerCase(id) : id
}

/**
 * A-Z to a-z and nothing else. Unicode lower-casing folds other letters onto ASCII ones (the
 * Kelvin sign U+212A becomes "k"), which would let one address pass for another.
 */
export function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase())
}
