import { type Context, Hono } from 'hono'
import QRCode from 'qrcode'
import { type IdentifierKind, identifierKinds } from '../contract.ts'
import { type Verdict, isSameMember } from '../live/member-token.ts'
import { type Holding, judgeHolding, type ReadMemberBadge } from './holding.ts'
import { type PageState, renderProofPage } from './proof-page.ts'
import { PROOF_CSS } from './proof-style.ts'
import {
  lifetimeMs,
  proofLifetimes,
  proofLocales,
  type Proof,
  type ProofSealer,
} from './proof-token.ts'
import { clientAddress } from '../client-address.ts'
import { ownSiteJson } from '../own-site.ts'
import { createRateLimit, dropOldest } from '../rate-limit.ts'

// Badge proof links: POST /proofs makes one for the member (who must hold the badge now), and
// GET /proof/<token> is the public page that checks it live; /proof/<token>/qr.svg draws the link
// for a counter. Mounted under the showcase's base path, outside /api_gateway (Capillary's).

export type ProofRoutesOptions = {
  sealer: ProofSealer
  shareDays: number
  /** Where the showcase is mounted, ending in "/". */
  basePath: string
  now: () => number
  read: ReadMemberBadge
  /** Live mode: who the member token says the caller is. Demo mode (null): the request names them. */
  verifyMember: ((authorization: string | undefined) => Promise<Verdict>) | null
  /**
   * Proofs made per member and per client address in each window, and proof pages (and QR codes)
   * opened per client address: each opening asks the badge service.
   */
  limits?: { perMember: number; perAddress: number; opensPerAddress: number; windowMs: number }
  /** A load balancer in front appends the client's address to X-Forwarded-For (see clientAddress). */
  trustProxy?: boolean
  /** The showcase's public origin for the links it makes; null: the request's. */
  publicOrigin?: string | null
}

const DEFAULT_LIMITS = { perMember: 10, perAddress: 30, opensPerAddress: 60, windowMs: 60_000 }
const MAX_SEGMENT = 320
/** How long one check of a badge answers every opening of its links, and how many are kept. */
const CHECK_MS = 30_000
const MAX_CHECKS = 1_000
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/

type Status = 400 | 401 | 403 | 404 | 409 | 415 | 429 | 503

function problem(c: Context, status: Status, message: string) {
  c.header('Cache-Control', 'no-store')
  return c.json({ error: message }, status)
}

/** A value that will travel as one path segment to the Badges API. */
function segment(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const ok =
    value !== '' &&
    value !== '.' &&
    value !== '..' &&
    value.length <= MAX_SEGMENT &&
    !value.includes('/') &&
    !value.includes('\\') &&
    !CONTROL.test(value)
  return ok ? value : null
}

type MintRequest = {
  badgeId: string
  lifetime: Proof['lifetime']
  locale: Proof['locale']
  customer: string | null
  idType: IdentifierKind | null
}

function readMintRequest(body: unknown): MintRequest | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'Send a JSON object: {"badgeId": "…", "lifetime": "counter" | "share"}.'
  const fields = body as Record<string, unknown>
  const badgeId = segment(fields.badgeId)
  if (badgeId === null) return 'badgeId must be a badge id.'
  const lifetime = proofLifetimes.find((kind) => kind === fields.lifetime)
  if (lifetime === undefined) return 'lifetime must be "counter" or "share".'
  const locale =
    fields.locale === undefined ? 'en' : proofLocales.find((kind) => kind === fields.locale)
  if (locale === undefined) return `locale must be one of ${proofLocales.join(', ')}.`
  const customer = fields.customer === undefined ? null : segment(fields.customer)
  if (customer === null && fields.customer !== undefined)
    return 'customer must be a member identifier.'
  const by = fields.by ?? null
  const idType = by === null ? null : (identifierKinds.find((kind) => kind === by) ?? undefined)
  if (idType === undefined) return `by must be one of ${identifierKinds.join(', ')}.`
  return { badgeId, lifetime, locale, customer, idType }
}

function requestOrigin(c: Context): string {
  const url = new URL(c.req.url)
  const https = url.protocol === 'https:' || c.req.header('X-Forwarded-Proto') === 'https'
  return `${https ? 'https' : url.protocol.replace(':', '')}://${url.host}`
}

export function createProofRoutes({
  sealer,
  shareDays,
  basePath,
  now,
  read,
  verifyMember,
  limits = DEFAULT_LIMITS,
  trustProxy = false,
  publicOrigin = null,
}: ProofRoutesOptions) {
  const app = new Hono()
  const perMember = createRateLimit({ limit: limits.perMember, windowMs: limits.windowMs, now })
  const perAddress = createRateLimit({ limit: limits.perAddress, windowMs: limits.windowMs, now })
  const opens = createRateLimit({ limit: limits.opensPerAddress, windowMs: limits.windowMs, now })
  const originOf = (c: Context) => publicOrigin ?? requestOrigin(c)
  const pageUrl = (c: Context, token: string) => `${originOf(c)}${basePath}proof/${token}`
  // What the badge service said of a member's badge, for a few seconds: a link posted where many
  // open it asks once per CHECK_MS, not once per viewer (each asking spends the brand's quota).
  const recent = new Map<string, { at: number; holding: Holding }>()
  const check = async (proof: Proof, at: number) => {
    const key = JSON.stringify([proof.customer, proof.idType, proof.badgeId])
    const known = recent.get(key)
    if (known && at - known.at < CHECK_MS) return known
    const answer = {
      at,
      holding: judgeHolding(await read(proof.customer, proof.idType, proof.badgeId), at),
    }
    recent.delete(key)
    // A failure is not kept: the next viewer asks again.
    if (answer.holding.kind !== 'unavailable') recent.set(key, answer)
    dropOldest(recent, MAX_CHECKS, (kept) => at - kept.at < CHECK_MS)
    return answer
  }

  // A link in the member's name, made by their own page (or a portal's server): not by another
  // site's page they happen to open, which in demo mode (no token) could spend their share.
  app.post('/proofs', ownSiteJson(problem, 'Making a proof link'), async (c) => {
    const body: unknown = await c.req.json().catch(() => null)
    const request = readMintRequest(body)
    if (typeof request === 'string') return problem(c, 400, request)
    let customer = request.customer
    let idType = request.idType
    if (verifyMember !== null) {
      // Live mode: the member is who their token says, whatever the request claims.
      const verdict = await verifyMember(c.req.header('Authorization'))
      if (!verdict.ok) return problem(c, 401, `Not signed in: ${verdict.reason}`)
      if (verdict.member !== 'any') {
        if (customer !== null && !isSameMember(verdict.member, customer, idType))
          return problem(c, 403, 'This member token does not allow proofs for that member.')
        customer = verdict.member.id
        idType = verdict.member.idType
      }
    }
    if (customer === null) return problem(c, 400, 'customer must name the member.')

    const memberWait = perMember(`${idType ?? ''}:${customer}`)
    const addressWait = perAddress(clientAddress(c, trustProxy))
    const wait = Math.max(memberWait, addressWait)
    if (wait > 0) {
      c.header('Retry-After', String(wait))
      return problem(c, 429, 'Too many proof links made in a short time; try again in a minute.')
    }

    const at = now()
    const holding = judgeHolding(await read(customer, idType, request.badgeId), at)
    if (holding.kind === 'unavailable')
      return problem(c, 503, 'The badges service could not be reached; try again shortly.')
    if (holding.kind === 'gone') return problem(c, 404, 'No such member or badge.')
    if (holding.kind !== 'held')
      return problem(c, 409, 'The member does not hold this badge now, so it cannot be proved.')

    const expiresAt = at + lifetimeMs(request.lifetime, shareDays)
    const token = sealer.seal({
      customer,
      idType,
      badgeId: request.badgeId,
      issuedAt: at,
      expiresAt,
      lifetime: request.lifetime,
      locale: request.locale,
    })
    const url = pageUrl(c, token)
    c.header('Cache-Control', 'no-store')
    return c.json(
      { url, qr: `${url}/qr.svg`, lifetime: request.lifetime, expiresAt: new Date(expiresAt) },
      201,
    )
  })

  app.get('/proof/style.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600')
    return c.body(PROOF_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' })
  })

  app.get('/proof/:token', async (c) => {
    const token = c.req.param('token')
    const proof = sealer.open(token)
    const at = now()
    let state: PageState
    let status: 200 | 400 | 410 | 429 | 503 = 200
    let checked = at
    // Only a real link's opening counts (and may ask the badge service): junk costs nothing.
    const wait = proof === null ? 0 : opens(clientAddress(c, trustProxy))
    if (proof === null) {
      state = { kind: 'invalid' }
      status = 400
    } else if (wait > 0) {
      state = { kind: 'busy', proof }
      status = 429
      c.header('Retry-After', String(wait))
    } else if (proof.expiresAt <= at) {
      // Nothing is asked of the badge service for a link that no longer proves anything.
      state = { kind: 'expired', proof }
      status = 410
    } else {
      const { holding, at: checkedAt } = await check(proof, at)
      checked = checkedAt
      if (holding.kind === 'unavailable') {
        state = { kind: 'unavailable', proof }
        status = 503
        c.header('Retry-After', '30')
      } else state = { kind: 'checked', proof, holding }
    }
    c.header('Cache-Control', 'no-store')
    return c.html(
      renderProofPage(state, {
        url: pageUrl(c, token),
        origin: originOf(c),
        stylesheet: `${basePath}proof/style.css`,
        // When the badge service was asked: the page says so, to the second.
        now: checked,
      }),
      status,
    )
  })

  app.get('/proof/:token/qr.svg', async (c) => {
    const token = c.req.param('token')
    const proof = sealer.open(token)
    if (proof === null || proof.expiresAt <= now()) return c.text('No such proof link', 404)
    const wait = opens(clientAddress(c, trustProxy))
    if (wait > 0) {
      c.header('Retry-After', String(wait))
      return c.text('Too many requests; try again in a minute.', 429)
    }
    c.header('Cache-Control', 'no-store')
    let svg: string
    try {
      svg = await QRCode.toString(pageUrl(c, token), {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 4,
      })
    } catch {
      // An address too long for a code (a made-up Host header, without SHOWCASE_PUBLIC_URL).
      return c.text('This address is too long for a QR code', 400)
    }
    return c.body(svg, 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' })
  })

  return app
}

/** Without SHOWCASE_PROOF_KEY: proof links are off, and say so rather than fall into the app. */
export function proofsOff() {
  const app = new Hono()
  app.post('/proofs', (c) =>
    problem(c, 404, 'Proof links are off on this server (no SHOWCASE_PROOF_KEY).'),
  )
  app.get('/proof/*', (c) => c.text('Proof links are off on this server.', 404))
  return app
}
