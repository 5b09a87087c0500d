import { Hono, type Context } from 'hono'
import { byBadgeRank } from './calendar.ts'
import {
  CUSTOMER_NOT_FOUND,
  errorBody,
  IDENTIFIER_HEADER,
  type IdentifierKind,
  identifierKinds,
  INVALID_IDENTIFIER_TYPE,
} from '../contract.ts'
import { demoDataset } from './demo-data.ts'
import { stringify } from './json.ts'
import { type BadgeDef, type Dataset, type MemberDef } from './model.ts'
import { badgeMeta, customerBadge, type ListEntry, managementBadge } from './shapes.ts'
import { indexDataset, isEarnActive, keptEarns, type Lookup } from './state.ts'

// The Capillary Badges API as the documents describe it, over a dataset: one implementation used
// by demo mode, `npm run dev`, unit tests and e2e. Mounted at /api_gateway/v1/badges.

export const DEFAULT_LIMIT = 10
export const MAX_LIMIT = 100

export type EmulatorOptions = {
  /** The clock; the demo dataset is laid out relative to the time the emulator starts. */
  now?: () => number
  dataset?: (now: number) => Dataset
  /** The showcase's base path, under which the demo artwork is served. */
  assetBase?: string
  /** The records to answer from, when someone else changes them too (control.ts). */
  lookup?: Lookup
}

type Status = 200 | 400 | 404 | 405 | 500

function envelope(c: Context, status: Status, data: unknown, errors: object[] = []) {
  return c.body(stringify({ data, errors, warnings: [] }), status, {
    'Content-Type': 'application/json; charset=utf-8',
  })
}

function fail(
  c: Context,
  status: Status,
  code: number,
  message: string,
  reference: string | null = null,
) {
  return envelope(c, status, null, [errorBody(code, message, reference)])
}

class BadParameter extends Error {
  constructor(
    readonly parameter: string,
    value: string,
  ) {
    super(`Invalid value '${value.slice(0, 100)}' for query parameter '${parameter}'`)
  }
}

function enumParam<T extends string>(
  c: Context,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = c.req.query(name)
  if (value === undefined) return undefined
  const match = allowed.find((option) => option === value.toUpperCase())
  if (match === undefined) throw new BadParameter(name, value)
  return match
}

function booleanParam(c: Context, name: string): boolean | undefined {
  const value = c.req.query(name)
  if (value === undefined) return undefined
  const lower = value.toLowerCase()
  if (lower !== 'true' && lower !== 'false') throw new BadParameter(name, value)
  return lower === 'true'
}

function integerParam(c: Context, name: string, min: number, max: number): number | undefined {
  const value = c.req.query(name)
  if (value === undefined) return undefined
  const n = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isInteger(n) || n < min || n > max) throw new BadParameter(name, value)
  return n
}

function normaliseMobile(value: string) {
  return value.replace(/[^\d]/g, '')
}

export function createEmulator({
  now = Date.now,
  dataset = demoDataset,
  assetBase = '/',
  lookup = indexDataset(dataset(now()), assetBase),
}: EmulatorOptions = {}) {
  const app = new Hono()

  /** The member a request is about, by numeric id or by the kind the identifier header names. */
  function findMember(c: Context, customerId: string): MemberDef | { error: Response } {
    const header = c.req.header(IDENTIFIER_HEADER)?.trim()
    let kind: IdentifierKind | null = null
    if (header) {
      kind = identifierKinds.find((option) => option.toLowerCase() === header.toLowerCase()) ?? null
      if (kind === null) {
        return { error: fail(c, 400, INVALID_IDENTIFIER_TYPE, 'Invalid Customer Identifier type') }
      }
    }
    const wanted = customerId.trim()
    const member = lookup.dataset.members.find((candidate) => {
      if (kind === null) return candidate.customerId === wanted
      const value = candidate.identities[kind]
      if (value === undefined) return false
      if (kind === 'email') return value.toLowerCase() === wanted.toLowerCase()
      if (kind === 'mobile')
        return normaliseMobile(value) === normaliseMobile(wanted) && wanted !== ''
      return value === wanted
    })
    if (member === undefined) {
      return {
        error: fail(
          c,
          404,
          CUSTOMER_NOT_FOUND,
          'Customer with the specified ID is not found.',
          'customerId',
        ),
      }
    }
    return member
  }

  function offeredTo(badge: BadgeDef, member: MemberDef) {
    return badge.audience === undefined || badge.audience.includes(member.customerId)
  }

  /** The badges a member has earned (active, or all with `includeExpired`). */
  function earnedEntries(member: MemberDef, at: number, includeExpired: boolean): ListEntry[] {
    return member.badges.flatMap((record) => {
      const badge = lookup.badgeById.get(record.badgeId)
      // "Include expired" adds the badges whose copy ran out, not the ones the brand took back.
      const earns = keptEarns(member, record.badgeId)
      if (badge === undefined || earns.length === 0) return []
      const active = earns.some((earn) => isEarnActive(badge, earn, at))
      return active || includeExpired ? [{ badge, earned: true }] : []
    })
  }

  /** Badges the member can still earn: offered to them, not over their lifetime limit, not over. */
  function availableEntries(member: MemberDef, at: number, includeExpired: boolean): ListEntry[] {
    return lookup.dataset.badges.flatMap((badge) => {
      if (!offeredTo(badge, member)) return []
      if (badge.expiresAt <= at && !includeExpired) return []
      const earned = keptEarns(member, badge.id).length
      const reachedTotal = badge.memberLimits.some(
        (limit) => limit.kind === 'total' && earned >= limit.max,
      )
      return reachedTotal ? [] : [{ badge, earned: false }]
    })
  }

  function groupRank(badge: BadgeDef) {
    if (badge.groupId === null) return Number.POSITIVE_INFINITY
    return lookup.groupById.get(badge.groupId)?.rank ?? Number.MAX_SAFE_INTEGER
  }

  // Capillary's RANK: groups by group rank (ungrouped last), then badges by rank, then expiry.
  function byRank(a: ListEntry, b: ListEntry) {
    return (
      groupRank(a.badge) - groupRank(b.badge) ||
      (a.badge.groupId ?? '').localeCompare(b.badge.groupId ?? '') ||
      byBadgeRank(
        { rank: a.badge.rank, expiresAt: a.badge.expiresAt },
        { rank: b.badge.rank, expiresAt: b.badge.expiresAt },
      )
    )
  }

  function byLatest(member: MemberDef, pick: 'earnedAt' | 'eventAt') {
    const latest = (entry: ListEntry) =>
      Math.max(-Infinity, ...keptEarns(member, entry.badge.id).map((earn) => earn[pick]))
    return (a: ListEntry, b: ListEntry) => latest(b) - latest(a) || byRank(a, b)
  }

  app.get('/customer/:customerId', (c) => {
    const found = findMember(c, c.req.param('customerId'))
    if ('error' in found) return found.error
    const member = found
    const badgeType = enumParam(c, 'badgeType', ['EARNED', 'AVAILABLE'] as const)
    const sortOn =
      enumParam(c, 'sortOn', ['RANK', 'LAST_EARNED_ON_DATE', 'LAST_EARNED_EVENT_DATE'] as const) ??
      'RANK'
    const includeExpired = booleanParam(c, 'includeExpired') ?? false
    const limit = integerParam(c, 'limit', 1, MAX_LIMIT) ?? DEFAULT_LIMIT
    const page = integerParam(c, 'page', 0, 1_000_000) ?? 0
    const groupId = c.req.query('groupId')

    const at = now()
    const earned = badgeType === 'AVAILABLE' ? [] : earnedEntries(member, at, includeExpired)
    const available =
      badgeType === 'EARNED'
        ? []
        : availableEntries(member, at, includeExpired).filter(
            // Without a badgeType both lists are answered; a badge appears once.
            (entry) =>
              badgeType === 'AVAILABLE' || !earned.some((e) => e.badge.id === entry.badge.id),
          )
    const compare =
      sortOn === 'RANK'
        ? byRank
        : byLatest(member, sortOn === 'LAST_EARNED_ON_DATE' ? 'earnedAt' : 'eventAt')
    const entries = [...earned, ...available]
      .filter((entry) => groupId === undefined || entry.badge.groupId === groupId)
      .sort(compare)
    const total = entries.length
    return envelope(c, 200, {
      badges: entries
        .slice(page * limit, page * limit + limit)
        .map((entry) => customerBadge(entry, member, lookup, at)),
      pagination: { page, size: limit, total, totalPages: Math.ceil(total / limit) },
    })
  })

  app.get('/management/:customerId/badge/:badgeId', (c) => {
    const found = findMember(c, c.req.param('customerId'))
    if ('error' in found) return found.error
    const withStatistics = booleanParam(c, 'includeStatistics') ?? false
    const badge = lookup.badgeById.get(c.req.param('badgeId'))
    if (badge === undefined) return fail(c, 404, 404, 'Passed badge is not found', 'badgeId')
    return envelope(c, 200, managementBadge(badge, found, lookup, now(), withStatistics))
  })

  app.get('/badgeMeta/:badgeId', (c) => {
    const withStatistics = booleanParam(c, 'includeStatistics') ?? false
    const badge = lookup.badgeById.get(c.req.param('badgeId'))
    if (badge === undefined) return fail(c, 404, 404, 'Passed badge is not found', 'badgeId')
    return envelope(c, 200, badgeMeta(badge, lookup, now(), withStatistics))
  })

  app.get('/group/:groupId', (c) => {
    const group = lookup.groupById.get(c.req.param('groupId'))
    if (group === undefined) return fail(c, 404, 404, 'Badge group not found', 'groupId')
    return envelope(c, 200, { ...group, isActive: true })
  })

  app.all('*', (c) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      c.header('Allow', 'GET, HEAD')
      return fail(c, 405, 405, `Method ${c.req.method} is not allowed`)
    }
    return fail(c, 404, 404, 'No such resource in the Badges API')
  })

  app.onError((error, c) => {
    if (error instanceof BadParameter) return fail(c, 400, 400, error.message, error.parameter)
    console.error(error)
    return fail(c, 500, 500, 'Internal error in the Badges emulator')
  })

  return app
}
