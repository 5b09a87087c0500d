import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose'
import { type MemberAuth } from '../config.ts'
import { type IdentifierKind, identifierKinds } from '../contract.ts'

// The member a browser may see, from a short-lived JWT the member portal's backend signs:
// `sub` is the identifier's value, `idType` its kind (absent: Capillary's numeric customer id).

export type Member = { id: string; idType: IdentifierKind | null }

export type Verdict = { ok: true; member: Member | 'any' } | { ok: false; reason: string }

const CLOCK_TOLERANCE_S = 30

export function createMemberVerifier(auth: MemberAuth) {
  if (auth.kind === 'any-member') return async (): Promise<Verdict> => ({ ok: true, member: 'any' })
  // Exactly the algorithms the configuration implies: never `none`, never HS256 with a public key.
  const options = {
    algorithms: auth.kind === 'secret' ? ['HS256'] : ['RS256', 'ES256'],
    requiredClaims: ['sub', 'exp'],
    clockTolerance: CLOCK_TOLERANCE_S,
  }
  let verify: (jwt: string) => Promise<{ payload: JWTPayload }>
  if (auth.kind === 'secret') {
    const secret = new TextEncoder().encode(auth.secret)
    verify = (jwt) => jwtVerify(jwt, secret, options)
  } else {
    const keys = createRemoteJWKSet(auth.url, { timeoutDuration: 5_000 })
    verify = (jwt) => jwtVerify(jwt, keys, options)
  }

  return async (authorization: string | undefined): Promise<Verdict> => {
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/.exec(authorization?.trim() ?? '')
    if (match?.[1] === undefined) return { ok: false, reason: 'a member token is required' }
    let payload: JWTPayload
    try {
      ;({ payload } = await verify(match[1]))
    } catch {
      return { ok: false, reason: 'the member token is invalid or expired' }
    }
    const idType = payload.idType
    if (idType !== undefined && !identifierKinds.some((kind) => kind === idType)) {
      return { ok: false, reason: 'the member token names an unknown idType' }
    }
    const kind = identifierKinds.find((candidate) => candidate === idType) ?? null
    if (typeof payload.sub !== 'string' || payload.sub === '')
      return { ok: false, reason: 'the member token has no sub' }
    return { ok: true, member: { id: payload.sub, idType: kind } }
  }
}

/** Whether a request about (`segment`, identifier kind) is about the token's member. */
export function isSameMember(
  member: Member,
  segment: string,
  idType: IdentifierKind | null,
): boolean {
  if (member.idType !== idType) return false
  if (idType === 'email') return member.id.toLowerCase() === segment.toLowerCase()
  return member.id === segment
}
