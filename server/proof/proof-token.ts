import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { type IdentifierKind, identifierKinds } from '../contract.ts'

// A proof link's token: who earned which badge, when the link was made and until when it holds,
// sealed with AES-256-GCM. Sealed rather than only signed because the link is shared publicly and
// must not carry the member's identifier (an email, a card number) in clear; GCM's tag also makes
// every change to any byte (member, badge, lifetime, expiry) fail to open.

export const proofLifetimes = ['counter', 'share'] as const
export type ProofLifetime = (typeof proofLifetimes)[number]

export const proofLocales = ['en', 'fr', 'ar'] as const
export type ProofLocale = (typeof proofLocales)[number]

/** A counter proof is shown once, to a person at a till: five minutes is enough. */
export const COUNTER_LIFETIME_MS = 5 * 60 * 1000
const DAY_MS = 86_400_000

export type Proof = {
  customer: string
  idType: IdentifierKind | null
  badgeId: string
  issuedAt: number
  expiresAt: number
  lifetime: ProofLifetime
  locale: ProofLocale
}

const VERSION = 1
const IV_BYTES = 12
const TAG_BYTES = 16

/** The key for proof links, derived from SHOWCASE_PROOF_KEY so that secret is used for nothing else. */
function deriveKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'badge-showcase', 'proof-link v1', 32))
}

/** How long a link of this kind may live at most (what opening checks the sealed times against). */
export function lifetimeMs(lifetime: ProofLifetime, shareDays: number): number {
  return lifetime === 'counter' ? COUNTER_LIFETIME_MS : shareDays * DAY_MS
}

export function createProofSealer({ secret, shareDays }: { secret: string; shareDays: number }) {
  const key = deriveKey(secret)

  function seal(proof: Proof): string {
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv('aes-256-gcm', key, iv)
    // Short field names: the token is a QR code's content and a link people paste.
    const plain = JSON.stringify({
      v: VERSION,
      c: proof.customer,
      k: proof.idType,
      b: proof.badgeId,
      i: proof.issuedAt,
      e: proof.expiresAt,
      l: proof.lifetime,
      g: proof.locale,
    })
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url')
  }

  /** The proof a token holds, or null when it is not one this server sealed, intact. */
  function open(token: string): Proof | null {
    if (!/^[\w-]{40,2000}$/.test(token)) return null
    const bytes = Buffer.from(token, 'base64url')
    if (bytes.length <= IV_BYTES + TAG_BYTES) return null
    let plain: string
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES))
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES))
      plain =
        decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES), undefined, 'utf8') +
        decipher.final('utf8')
    } catch {
      return null
    }
    let raw: Record<string, unknown>
    try {
      const parsed: unknown = JSON.parse(plain)
      if (typeof parsed !== 'object' || parsed === null) return null
      raw = parsed as Record<string, unknown>
    } catch {
      return null
    }
    const lifetime = proofLifetimes.find((kind) => kind === raw.l)
    const locale = proofLocales.find((kind) => kind === raw.g)
    const idType = raw.k === null ? null : identifierKinds.find((kind) => kind === raw.k)
    const { c: customer, b: badgeId, i: issuedAt, e: expiresAt } = raw
    if (
      raw.v !== VERSION ||
      lifetime === undefined ||
      locale === undefined ||
      idType === undefined ||
      typeof customer !== 'string' ||
      typeof badgeId !== 'string' ||
      typeof issuedAt !== 'number' ||
      typeof expiresAt !== 'number'
    ) {
      return null
    }
    // Even a sealed token never holds longer than its kind allows (with today's setting).
    if (expiresAt <= issuedAt || expiresAt - issuedAt > lifetimeMs(lifetime, shareDays)) return null
    return { customer, idType, badgeId, issuedAt, expiresAt, lifetime, locale }
  }

  return { seal, open }
}

export type ProofSealer = ReturnType<typeof createProofSealer>
