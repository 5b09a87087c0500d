import { type Context, Hono } from 'hono'
import { addSpan } from './calendar.ts'
import { type Clock } from '../clock.ts'
import { ownSiteJson } from '../own-site.ts'
import {
  type BadgeDef,
  type EarnRecord,
  type IssualRecord,
  type LimitDef,
  objectId,
} from './model.ts'
import { allEarns, isEarnActive, type Lookup, usedAgainst } from './state.ts'

// What changes a member's badges over time, on demand: the emulator's clock moves forward, a
// badge is issued to a member, awarded or revoked now. Only with SHOWCASE_EMULATOR_CONTROL=true in demo mode, so a
// test (or a sales demo) can show what a returning member sees. Mounted at /__emulator.

type Control = { lookup: Lookup; clock: Clock }

function problem(c: Context, status: 400 | 403 | 404 | 409 | 415, message: string) {
  return c.json({ error: message }, status)
}

/** The most one move may take the clock forward, and the furthest it may go in all. */
export const MAX_MOVE_DAYS = 3_650
export const MAX_OFFSET_DAYS = 36_500
const DAY_MS = 86_400_000

function numberField(body: unknown, name: string): number | null {
  const value =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null
}

/** An issue's open one, if the member has one now: ACTIVE, not revoked, not past its end. */
const openIssue = (issuals: IssualRecord[], at: number) =>
  issuals.find(
    (issual) =>
      issual.status === 'ACTIVE' &&
      issual.revokedAt === undefined &&
      (issual.expiresAt === null || issual.expiresAt > at),
  )

/** When an issue made now closes, by the badge's rule for its issues. */
function issueEndsAt(badge: BadgeDef, at: number): number | null {
  const rule = badge.issueExpiry
  if (rule === null || rule.kind === 'never') return null
  if (rule.kind === 'relative') return addSpan(at, { unit: rule.unit, length: rule.value })
  if (rule.kind === 'fixed-date') return rule.at
  return badge.expiresAt
}

/** Why Capillary would not let the member earn the badge now, or null. */
function earnRefusal(
  badge: BadgeDef,
  member: { customerId: string },
  own: EarnRecord[],
  everyone: EarnRecord[],
  at: number,
): string | null {
  if (badge.startsAt > at) return 'This badge has not started yet.'
  if (badge.expiresAt <= at) return 'This badge has ended.'
  if (badge.audience !== undefined && !badge.audience.includes(member.customerId))
    return 'This badge is not offered to the member.'
  const full = (limit: LimitDef, earns: EarnRecord[], scope: 'member' | 'badge') =>
    limit.kind !== 'none' && usedAgainst(limit, badge, earns, at, scope) >= limit.max
  if (badge.memberLimits.some((limit) => full(limit, own, 'member')))
    return 'The member has earned it as often as its limits allow for now.'
  if (badge.badgeLimits.some((limit) => full(limit, everyone, 'badge')))
    return 'Every one of this badge has been claimed.'
  return null
}

export function createEmulatorControl({ lookup, clock }: Control) {
  const app = new Hono()
  let awarded = 0
  let issued = 0

  const find = (c: Context) => {
    const member = lookup.dataset.members.find(
      (candidate) => candidate.customerId === c.req.param('customerId'),
    )
    const badge = lookup.badgeById.get(c.req.param('badgeId') ?? '')
    return { member, badge }
  }

  // Changes come from a script or a test, never from a page on another site: any page the demo's
  // visitor opened could otherwise move its clock or take badges away.
  app.post('*', ownSiteJson(problem, 'The emulator control'))

  app.get('/clock', (c) => c.json({ now: clock.now() }))

  /**
   * Body: {"days": n} or {"ms": n}; the clock only moves forward, at most ten years a move and a
   * hundred in all (the demo's data is laid out around now; far past it nothing is left to see).
   */
  app.post('/clock', async (c) => {
    const body: unknown = await c.req.json().catch(() => null)
    const days = numberField(body, 'days')
    const ms = days === null ? numberField(body, 'ms') : days * DAY_MS
    if (ms === null) return problem(c, 400, 'Send {"days": n} or {"ms": n}, n ≥ 0.')
    if (ms > MAX_MOVE_DAYS * DAY_MS)
      return problem(c, 400, `One move takes the clock at most ${MAX_MOVE_DAYS} days forward.`)
    if (clock.now() + ms - Date.now() > MAX_OFFSET_DAYS * DAY_MS)
      return problem(c, 409, `The clock goes at most ${MAX_OFFSET_DAYS} days past today.`)
    return c.json({ now: clock.advance(ms) })
  })

  /** The member earns the badge now (an earn record, as Capillary would add one). */
  app.post('/members/:customerId/badges/:badgeId/earn', (c) => {
    const { member, badge } = find(c)
    if (member === undefined) return problem(c, 404, 'No such member in the demo data.')
    if (badge === undefined) return problem(c, 404, 'No such badge in the demo data.')
    const at = clock.now()
    let record = member.badges.find((candidate) => candidate.badgeId === badge.id)
    if (record === undefined) {
      record = { badgeId: badge.id, earns: [], issuals: [] }
      member.badges.push(record)
    }
    // Only an earn Capillary would make: within the badge's dates, offered to the member, within
    // their limits and its supply (awarded regardless, the demo showed "Earned 2 of 1").
    const refusal = earnRefusal(badge, member, record.earns, allEarns(lookup, badge.id), at)
    if (refusal !== null) return problem(c, 409, refusal)
    // A badge the brand issues is earned on an open issue, which the earn uses up (the demo's
    // Birthday Treat: its issues read EARNED once earned).
    if (badge.earnType === 'ISSUE_EARN') {
      const open = openIssue(record.issuals, at)
      if (open === undefined)
        return problem(c, 409, 'This badge is earned on an open issue; the member has none.')
      open.status = 'EARNED'
    }
    awarded += 1
    const earn: EarnRecord = { id: objectId('c0e7a1', awarded), earnedAt: at, eventAt: at }
    record.earns.push(earn)
    return c.json({ earnedAt: at, id: earn.id })
  })

  /**
   * The brand opens a badge it issues to the member now (an issue record, ACTIVE, closing by the
   * badge's rule for its issues). Only for such badges, one open issue at a time, and not once the
   * badge's time for issues is over.
   */
  app.post('/members/:customerId/badges/:badgeId/issue', (c) => {
    const { member, badge } = find(c)
    if (member === undefined) return problem(c, 404, 'No such member in the demo data.')
    if (badge === undefined) return problem(c, 404, 'No such badge in the demo data.')
    if (badge.earnType !== 'ISSUE_EARN')
      return problem(c, 409, 'This badge is earned without an issue; there is nothing to issue.')
    const at = clock.now()
    if (badge.expiresAt <= at)
      return problem(c, 409, 'This badge has ended; it can no longer be issued.')
    let record = member.badges.find((candidate) => candidate.badgeId === badge.id)
    if (record === undefined) {
      record = { badgeId: badge.id, earns: [], issuals: [] }
      member.badges.push(record)
    }
    if (openIssue(record.issuals, at) !== undefined)
      return problem(c, 409, 'The member already has an open issue of this badge.')
    const ends = issueEndsAt(badge, at)
    // An issue never outlives its badge.
    const expiresAt = ends === null || ends > badge.expiresAt ? badge.expiresAt : ends
    if (expiresAt !== null && expiresAt <= at)
      return problem(c, 409, 'This badge can no longer be issued: its time for issues is over.')
    issued += 1
    const issual: IssualRecord = {
      id: objectId('15a0e1', issued),
      issuedAt: at,
      eventAt: at,
      status: 'ACTIVE',
      expiresAt,
    }
    record.issuals.push(issual)
    return c.json({ issuedAt: at, id: issual.id, expiresAt })
  })

  /** The member's active earns of the badge are revoked now. */
  app.post('/members/:customerId/badges/:badgeId/revoke', (c) => {
    const { member, badge } = find(c)
    if (member === undefined) return problem(c, 404, 'No such member in the demo data.')
    if (badge === undefined) return problem(c, 404, 'No such badge in the demo data.')
    const at = clock.now()
    const active = (
      member.badges.find((record) => record.badgeId === badge.id)?.earns ?? []
    ).filter((earn) => isEarnActive(badge, earn, at))
    if (active.length === 0)
      return problem(c, 404, 'The member holds no active earn of this badge.')
    for (const earn of active) earn.revokedAt = at
    return c.json({ revokedAt: at, revoked: active.length })
  })

  return app
}
