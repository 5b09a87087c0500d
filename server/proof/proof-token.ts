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
const TIME_BYTES = 6

// Packed as bytes, not JSON: the token is a QR code's content, and a shorter one draws a coarser
// code a till's scanner reads at a glance. version, kinds (lifetime, locale, identifier kind in
// one byte), issued and expiry times in ms, then the badge id and the member, each length-prefixed.
function pack(proof: Proof): Buffer {
  const kinds =
    proofLifetimes.indexOf(proof.lifetime) |
    (proofLocales.indexOf(proof.locale) << 1) |
    ((proof.idType === null ? 0 : identifierKinds.indexOf(proof.idType) + 1) << 3)
  const text = (value: string) => {
    const bytes = Buffer.from(value, 'utf8')
    const length = Buffer.alloc(2)
    length.writeUInt16BE(bytes.length)
    return [length, bytes]
  }
  const times = Buffer.alloc(2 * TIME_BYTES)
  times.writeUIntBE(proof.issuedAt, 0, TIME_BYTES)
  times.writeUIntBE(proof.expiresAt, TIME_BYTES, TIME_BYTES)
  return Buffer.concat([
    Buffer.from([VERSION, kinds]),
    times,
    ...text(proof.badgeId),
    ...text(proof.customer),
  ])
}

function unpack(plain: Buffer): Proof | null {
  let offset = 0
  const take = (length: number): Buffer | null => {
    if (offset + length > plain.length) return null
    const part = plain.subarray(offset, offset + length)
    offset += length
    return part
  }
  const text = (): string | null => {
    const length = take(2)
    const bytes = length && take(length.readUInt16BE())
    return bytes ? bytes.toString('utf8') : null
  }
  const head = take(2)
  const times = take(2 * TIME_BYTES)
  const badgeId = text()
  const customer = text()
  if (head === null || times === null || badgeId === null || customer === null) return null
  if (offset !== plain.length || head[0] !== VERSION) return null
  const kinds = head[1] ?? 0
  const lifetime = proofLifetimes[kinds & 1]
  const locale = proofLocales[(kinds >> 1) & 3]
  const kind = kinds >> 3
  const idType = kind === 0 ? null : identifierKinds[kind - 1]
  if (lifetime === undefined || locale === undefined || idType === undefined) return null
  return {
    customer,
    idType,
    badgeId,
    issuedAt: times.readUIntBE(0, TIME_BYTES),
    expiresAt: times.readUIntBE(TIME_BYTES, TIME_BYTES),
    lifetime,
    locale,
  }
}

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
    const sealed = Buffer.concat([cipher.update(pack(proof)), cipher.final()])
    return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url')
  }

  /** The proof a token holds, or null when it is not one this server sealed, intact. */
  function open(token: string): Proof | null {
    if (!/^[\w-]{40,3000}$/.test(token)) return null
    const bytes = Buffer.from(token, 'base64url')
    if (bytes.length <= IV_BYTES + TAG_BYTES) return null
    let plain: Buffer
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES))
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES))
      plain = Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
        decipher.final(),
      ])
    } catch {
      return null
    }
    const proof = unpack(plain)
    if (proof === null) return null
    const { issuedAt, expiresAt, lifetime } = proof
    // Even a sealed token never holds longer than its kind allows (with today's setting).
    if (expiresAt <= issuedAt || expiresAt - issuedAt > lifetimeMs(lifetime, shareDays)) return null
    return proof
  }

  return { seal, open }
}

export type ProofSealer = ReturnType<typeof createProofSealer>
