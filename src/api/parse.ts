import * as v from 'valibot'
import { normalizeExpiry, type RawExpiry } from '../badges/expiry.ts'
import { normalizeLimits, type RawConstraint } from '../badges/limits.ts'
import { readBadgeStatus } from '../badges/status.ts'
import { timestamp } from '../badges/time.ts'
import {
  type BadgeGroup,
  type BadgeImage,
  type BadgeMeta,
  type BadgePage,
  type Benefit,
  type Earn,
  imageTags,
  type Issual,
  type MemberBadge,
} from '../badges/types.ts'
import { isEncodable } from '../badges/encode.ts'
import { ApiError } from './errors.ts'

// Tolerant per field: a missing key, a null or a value of the wrong type reads as null (or an
// empty list) and never costs the member the rest of the badge. Strict only about the envelope
// and the one thing a resource cannot do without (its list of badges, its id).

const text = v.fallback(v.nullable(v.string()), null)
const count = v.fallback(v.nullable(v.pipe(v.number(), v.finite())), null)
const flag = v.fallback(v.nullable(v.boolean()), null)
const raw = v.optional(v.unknown())
const identifier = v.fallback(
  v.nullable(
    v.union([
      v.pipe(v.string(), v.trim(), v.nonEmpty()),
      v.pipe(v.number(), v.finite(), v.transform(String)),
    ]),
  ),
  null,
)

function listOf<TSchema extends v.GenericSchema>(item: TSchema) {
  return v.fallback(
    v.pipe(
      v.array(v.unknown()),
      v.transform((items) =>
        items.flatMap((entry) => {
          const result = v.safeParse(item, entry)
          return result.success ? [result.output] : []
        }),
      ),
    ),
    [],
  )
}

function optionalObject<TSchema extends v.GenericSchema>(schema: TSchema) {
  return v.fallback(v.nullable(schema), null)
}

const customFields = v.fallback(
  v.pipe(
    v.union([
      v.record(v.string(), v.unknown()),
      // Some versions document custom fields as a list of name/value pairs.
      v.pipe(
        v.array(v.unknown()),
        v.transform((items) =>
          Object.fromEntries(
            items.flatMap((item) => {
              const pair = v.safeParse(
                v.looseObject({ name: v.string(), value: v.unknown() }),
                item,
              )
              return pair.success ? [[pair.output.name, pair.output.value]] : []
            }),
          ),
        ),
      ),
    ]),
    v.transform((fields) =>
      Object.entries(fields).flatMap(([name, value]): Array<[string, string]> =>
        typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
          ? [[name, String(value)]]
          : [],
      ),
    ),
  ),
  [],
)

const imageSchema = v.looseObject({ name: text, url: text, tag: text })

function toImages(images: Array<v.InferOutput<typeof imageSchema>>): BadgeImage[] {
  return images.map((image) => ({
    name: image.name,
    url: image.url,
    tag: imageTags.find((tag) => tag === image.tag?.trim().toUpperCase()) ?? null,
  }))
}

const cycleSchema = v.looseObject({
  startDate: raw,
  startDateISO: raw,
  endDate: raw,
  endDateISO: raw,
})

const constraintSchema = v.looseObject({
  constraintType: text,
  constraintLevel: text,
  maxEarnLimit: count,
  durationType: text,
  refreshRate: count,
  rollType: text,
  rollValue: count,
  maxEarnForDays: count,
  rollForDays: count,
  maxEarnForWeeks: count,
  rollForWeeks: count,
  maxEarnForMonths: count,
  rollForMonths: count,
  startDate: raw,
  startDateISO: raw,
  currentCycle: optionalObject(cycleSchema),
  fixedWindowCycle: optionalObject(cycleSchema),
  earnConstraintBlockStatistics: optionalObject(
    v.looseObject({
      currentEarnCount: count,
      currentEarnCountDays: count,
      currentEarnCountWeeks: count,
      currentEarnCountMonths: count,
    }),
  ),
})

function toRawConstraint(c: v.InferOutput<typeof constraintSchema>): RawConstraint {
  const cycle = c.currentCycle ?? c.fixedWindowCycle
  const stats = c.earnConstraintBlockStatistics
  return {
    constraintType: c.constraintType,
    constraintLevel: c.constraintLevel,
    maxEarnLimit: c.maxEarnLimit,
    durationType: c.durationType,
    refreshRate: c.refreshRate,
    rollType: c.rollType,
    rollValue: c.rollValue,
    rollingMaxima: [
      { unit: 'DAYS', max: c.maxEarnForDays, length: c.rollForDays },
      { unit: 'WEEKS', max: c.maxEarnForWeeks, length: c.rollForWeeks },
      { unit: 'MONTHS', max: c.maxEarnForMonths, length: c.rollForMonths },
    ],
    cycle: cycle && {
      start: timestamp(cycle.startDate, cycle.startDateISO),
      end: timestamp(cycle.endDate, cycle.endDateISO),
    },
    since: timestamp(c.startDate, c.startDateISO),
    statistics: stats && {
      current: stats.currentEarnCount,
      days: stats.currentEarnCountDays,
      weeks: stats.currentEarnCountWeeks,
      months: stats.currentEarnCountMonths,
    },
  }
}

const constraints = listOf(constraintSchema)

function toLimits(
  member: Array<v.InferOutput<typeof constraintSchema>>,
  badge: Array<v.InferOutput<typeof constraintSchema>>,
) {
  return [
    ...normalizeLimits(member.map(toRawConstraint), 'member'),
    ...normalizeLimits(badge.map(toRawConstraint), 'badge'),
  ]
}

const expirySchema = optionalObject(
  v.looseObject({
    expiryType: text,
    relativeExpirytype: text,
    value: count,
    type: text,
    expiresOn: raw,
    expiresOnISO: raw,
    expireWithBadgeMeta: flag,
  }),
)

function toExpiry(expiry: v.InferOutput<typeof expirySchema>) {
  const rawExpiry: RawExpiry | null = expiry && {
    ...expiry,
    expiresOn: timestamp(expiry.expiresOn, expiry.expiresOnISO),
  }
  return normalizeExpiry(rawExpiry)
}

const benefitSchema = v.looseObject({
  benefitType: text,
  seriesId: identifier,
  points: count,
  value: count,
  description: text,
})

function toBenefit(benefit: v.InferOutput<typeof benefitSchema>): Benefit {
  const type = benefit.benefitType?.trim().toUpperCase() ?? null
  const { description } = benefit
  if (type === 'COUPON') return { kind: 'coupon', seriesId: benefit.seriesId, description }
  if (type === 'POINTS' || type === 'LOYALTY_POINTS') {
    return { kind: 'points', points: benefit.points ?? benefit.value, description }
  }
  return { kind: 'other', type, description }
}

// Fields the three badge shapes share.
const badgeFields = {
  name: text,
  description: text,
  startOn: raw,
  startOnISO: raw,
  startsOn: raw,
  startsOnISO: raw,
  expiresOn: raw,
  expiresOnISO: raw,
  images: listOf(imageSchema),
  badgeGroupId: identifier,
  badgeGroupName: text,
  badgeRank: count,
  customerConstraints: constraints,
  badgeConstraints: constraints,
  customFields,
}

type SharedFields = v.InferOutput<v.LooseObjectSchema<typeof badgeFields, undefined>>

function sharedBadge(badge: SharedFields) {
  return {
    name: badge.name,
    description: badge.description,
    startsAt:
      timestamp(badge.startOn, badge.startOnISO) ?? timestamp(badge.startsOn, badge.startsOnISO),
    expiresAt: timestamp(badge.expiresOn, badge.expiresOnISO),
    images: toImages(badge.images),
    groupId: badge.badgeGroupId,
    groupName: badge.badgeGroupName?.trim() || null,
    rank: badge.badgeRank,
    limits: toLimits(badge.customerConstraints, badge.badgeConstraints),
    customFields: badge.customFields,
  }
}

const customerBadgeSchema = v.looseObject({
  ...badgeFields,
  badgeMetaId: identifier,
  earnType: text,
  benefits: listOf(benefitSchema),
  earnedCount: count,
  lastEarnedOnDate: raw,
  lastEarnedOnDateISO: raw,
  lastEarnEventDate: raw,
  lastEarnEventDateISO: raw,
  active: flag,
})

const pageSchema = v.looseObject({
  badges: v.array(v.unknown()),
  pagination: optionalObject(
    v.looseObject({ page: count, size: count, total: count, totalPages: count }),
  ),
})

function malformed(what: string, cause?: unknown): ApiError {
  return new ApiError({
    reason: 'malformed',
    status: null,
    code: null,
    message: `The Badges API sent ${what} that the showcase cannot read.`,
    cause,
  })
}

/**
 * A page of the customer badges list. Badges without an id, or with an id or group id that cannot
 * travel in a URL (a lone surrogate), cannot be shown or linked: they are left out and counted.
 */
export function parseBadgePage(data: unknown): BadgePage & { skipped: number } {
  const page = v.safeParse(pageSchema, data)
  if (!page.success) throw malformed('a badge list', page.issues)
  let skipped = 0
  const badges = page.output.badges.flatMap((entry) => {
    const result = v.safeParse(customerBadgeSchema, entry)
    const id = result.success ? result.output.badgeMetaId : null
    const groupId = result.success ? result.output.badgeGroupId : null
    if (!result.success || id === null || !isEncodable(id) || !isEncodable(groupId ?? '')) {
      skipped += 1
      return []
    }
    const badge = result.output
    return [
      {
        ...sharedBadge(badge),
        id,
        earnType: badge.earnType,
        benefits: badge.benefits.map(toBenefit),
        earnedCount: badge.earnedCount,
        lastEarnedAt: timestamp(badge.lastEarnedOnDate, badge.lastEarnedOnDateISO),
        lastEarnEventAt: timestamp(badge.lastEarnEventDate, badge.lastEarnEventDateISO),
        active: badge.active,
      },
    ]
  })
  const pagination = page.output.pagination
  const size = pagination?.size ?? page.output.badges.length
  const total = pagination?.total ?? page.output.badges.length
  return {
    badges,
    skipped,
    pagination: {
      page: pagination?.page ?? 0,
      size,
      total,
      totalPages:
        pagination?.totalPages ?? (pagination === null ? 1 : Math.ceil(total / Math.max(size, 1))),
    },
  }
}

const metaSchema = v.looseObject({
  ...badgeFields,
  id: identifier,
  status: text,
  earnType: text,
  benefits: listOf(benefitSchema),
  earnedBadgeExpiry: expirySchema,
  issuedBadgeExpiry: expirySchema,
  active: flag,
})

export function parseBadgeMeta(data: unknown): BadgeMeta {
  const result = v.safeParse(metaSchema, data)
  const id = result.success ? result.output.id : null
  if (!result.success || id === null) throw malformed('a badge definition')
  const meta = result.output
  return {
    ...sharedBadge(meta),
    id,
    status: readBadgeStatus(meta.status),
    earnType: meta.earnType,
    benefits: meta.benefits.map(toBenefit),
    earnExpiry: toExpiry(meta.earnedBadgeExpiry),
    issueExpiry: toExpiry(meta.issuedBadgeExpiry),
    active: meta.active,
  }
}

const issualSchema = v.looseObject({
  issueId: identifier,
  issuedStatus: text,
  issuedOn: raw,
  issueExpiresOn: raw,
  revokedOn: raw,
  issueEventDate: raw,
})

// The documents show no example of an earn record; these names mirror the issual record's.
const earnSchema = v.looseObject({
  earnId: identifier,
  earnedStatus: text,
  earnStatus: text,
  earnedOn: raw,
  earnExpiresOn: raw,
  revokedOn: raw,
  earnEventDate: raw,
})

const memberBadgeSchema = v.looseObject({
  ...badgeFields,
  id: identifier,
  badgeStatus: text,
  badgeType: text,
  earnExpiry: expirySchema,
  issueExpiry: expirySchema,
  issualDetails: optionalObject(v.looseObject({ issuals: listOf(issualSchema) })),
  earnDetails: optionalObject(v.looseObject({ earns: listOf(earnSchema) })),
  activeEarnedCount: count,
  lastEarnedOn: raw,
})

export function parseMemberBadge(data: unknown): MemberBadge {
  const result = v.safeParse(memberBadgeSchema, data)
  const id = result.success ? result.output.id : null
  if (!result.success || id === null) throw malformed("a member's badge")
  const badge = result.output
  const issuals: Issual[] = (badge.issualDetails?.issuals ?? []).map((issual) => ({
    id: issual.issueId,
    status: issual.issuedStatus,
    issuedAt: timestamp(issual.issuedOn),
    expiresAt: timestamp(issual.issueExpiresOn),
    revokedAt: timestamp(issual.revokedOn),
    eventAt: timestamp(issual.issueEventDate),
  }))
  const earns: Earn[] = (badge.earnDetails?.earns ?? []).map((earn) => ({
    id: earn.earnId,
    status: earn.earnedStatus ?? earn.earnStatus,
    earnedAt: timestamp(earn.earnedOn),
    expiresAt: timestamp(earn.earnExpiresOn),
    revokedAt: timestamp(earn.revokedOn),
    eventAt: timestamp(earn.earnEventDate),
  }))
  return {
    ...sharedBadge(badge),
    id,
    status: readBadgeStatus(badge.badgeStatus),
    earnType: badge.badgeType,
    earnExpiry: toExpiry(badge.earnExpiry),
    issueExpiry: toExpiry(badge.issueExpiry),
    issuals,
    earns,
    activeEarnedCount: badge.activeEarnedCount,
    lastEarnedAt: timestamp(badge.lastEarnedOn),
  }
}

const groupSchema = v.looseObject({ id: identifier, name: text, rank: count })

export function parseGroup(data: unknown): BadgeGroup {
  const result = v.safeParse(groupSchema, data)
  if (!result.success || result.output.id === null) throw malformed('a badge group')
  return {
    id: result.output.id,
    name: result.output.name?.trim() || null,
    rank: result.output.rank,
  }
}

const errorEntry = v.looseObject({
  code: v.fallback(
    v.nullable(v.union([v.number(), v.pipe(v.string(), v.toNumber(), v.integer())])),
    null,
  ),
  message: text,
})

const envelopeSchema = v.looseObject({
  data: v.optional(v.unknown()),
  errors: v.optional(v.nullable(v.array(v.unknown()))),
  warnings: v.optional(v.nullable(v.array(v.unknown()))),
})

export type Envelope = {
  data: unknown
  errors: Array<{ code: number | null; message: string | null }>
}

/** The `{data, errors, warnings}` envelope, read strictly: anything else is a malformed response. */
export function parseEnvelope(json: unknown): Envelope {
  const result = v.safeParse(envelopeSchema, json)
  if (!result.success || Array.isArray(json)) throw malformed('a response')
  const errors = (result.output.errors ?? []).map((entry) => {
    const parsed = v.safeParse(errorEntry, entry)
    return parsed.success ? parsed.output : { code: null, message: null }
  })
  return { data: result.output.data ?? null, errors }
}
