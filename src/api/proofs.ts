import { type Customer } from '../badges/member.ts'
import { memberToken } from '../config/member-token.ts'
import { withFreshToken } from './badges-api.ts'

// Badge proof links, made by the showcase's own server (server/proof/) for the member: the same
// member addressing and token as the Badges API requests, sent to POST <base>/proofs.

export type ProofLifetime = 'counter' | 'share'

export type ProofLink = {
  /** The public page anyone can open. */
  url: string
  /** The same address drawn as a QR code (an SVG image). */
  qr: string
  expiresAt: number
}

export class ProofError extends Error {
  override readonly name = 'ProofError'
  constructor(
    readonly status: number | null,
    message: string,
  ) {
    super(message)
  }
}

type MintRequest = {
  customer: Customer
  badgeId: string
  lifetime: ProofLifetime
  locale: string
}

/** A link made with the member's token; refused for an expired one, once more with a fresh one. */
export function mintProof(request: MintRequest): Promise<ProofLink> {
  return withFreshToken(
    () => mintOnce(request),
    (error) => error instanceof ProofError && error.status === 401,
  )
}

async function mintOnce({ customer, badgeId, lifetime, locale }: MintRequest): Promise<ProofLink> {
  const token = memberToken()
  let response: Response
  try {
    response = await fetch(new URL('proofs', document.baseURI), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        ...(token && { Authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({
        badgeId,
        lifetime,
        locale,
        customer: customer.id,
        ...(customer.by && { by: customer.by }),
      }),
      signal: AbortSignal.timeout(15_000),
    })
  } catch {
    throw new ProofError(null, 'The showcase could not be reached.')
  }
  const body: unknown = await response.json().catch(() => null)
  const field = (name: string) =>
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined
  const url = field('url')
  const qr = field('qr')
  const expiresAt = Date.parse(String(field('expiresAt')))
  if (response.status !== 201 || typeof url !== 'string' || typeof qr !== 'string') {
    const error = field('error')
    throw new ProofError(
      response.status,
      typeof error === 'string' ? error : `HTTP ${response.status}`,
    )
  }
  // Only a link to this showcase's own proof pages is ever shown or shared.
  const own = new URL('proof/', document.baseURI).href
  if (!url.startsWith(own) || !qr.startsWith(own) || Number.isNaN(expiresAt)) {
    throw new ProofError(response.status, 'The showcase sent an unexpected proof link.')
  }
  return { url, qr, expiresAt }
}
