import { normalizeExpiry } from '../badges/expiry.ts'
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
// Plain guards rather than a schema library: this runs before the first view can show anything,
// and the library cost the first view ~2 kB compressed for these few shapes.

type Fields = Record<string, unknown>

/** Anything JSON calls an object, a list included (as an object's fields are read from it). */
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null
const text = (value: unknown) => (typeof value === 'string' ? value : null)
const count = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : null
const flag = (value: unknown) => (typeof value === 'boolean' ? value : null)

/** An id: a string, trimmed and not empty, or a finite number as a string. */
function identifier(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null
  return count(value) === null ? null : String(value)
}

/** A list's objects, read one by one; anything else in it is left out. Not a list: none. */
function listOf<T>(value: unknown, read: (fields: Fields) => T): T[] {
  return Array.isArray(value) ? value.filter(isObject).map(read) : []
}

function optionalObject<T>(value: unknown, read: (fields: Fields) => T): T | null {
  return isObject(value) ? read(value) : null
}

/** Custom fields as name and text: an object's own fields that hold text, a number or a yes/no. */
function customFields(value: unknown): Array<[string, string]> {
  if (!isObject(value)) return []
  return Object.entries(value).flatMap(([name, field]): Array<[string, string]> =>
    name !== '__proto__' &&
    name !== 'prototype' &&
    name !== 'constructor' &&
    (typeof field === 'string' || typeof field === 'number' || typeof field === 'boolean')
      ? [[name, String(field)]]
      : [],
  )
}

function toImage(image: Fields): BadgeImage {
  const tag = text(image.tag)
  return {
    name: text(image.name),
    url: text(image.url),
    tag: imageTags.find((known) => known === tag?.trim().toUpperCase()) ?? null,
  }
}

function toCycle(cycle: Fields) {
  return {
    start: timestamp(cycle.startDate, cycle.startDateISO),
    end: timestamp(cycle.endDate, cycle.endDateISO),
  }
}

function toRawConstraint(c: Fields): RawConstraint {
  const cycle =
    optionalObject(c.currentCycle, toCycle) ?? optionalObject(c.fixedWindowCycle, toCycle)
  return {
    constraintType: text(c.constraintType),
    constraintLevel: text(c.constraintLevel),
    maxEarnLimit: count(c.maxEarnLimit),
    durationType: text(c.durationType),
    refreshRate: count(c.refreshRate),
    rollType: text(c.rollType),
    rollValue: count(c.rollValue),
    rollingMaxima: [
      { unit: 'DAYS', max: count(c.maxEarnForDays), length: count(c.rollForDays) },
      { unit: 'WEEKS', max: count(c.maxEarnForWeeks), length: count(c.rollForWeeks) },
      { unit: 'MONTHS', max: count(c.maxEarnForMonths), length: count(c.rollForMonths) },
    ],
    cycle,
    since: timestamp(c.startDate, c.startDateISO),
    statistics: optionalObject(c.earnConstraintBlockStatistics, (stats) => ({
      current: count(stats.currentEarnCount),
      days: count(stats.currentEarnCountDays),
      weeks: count(stats.currentEarnCountWeeks),
      months: count(stats.currentEarnCountMonths),
    })),
  }
}

function toExpiry(value: unknown) {
  return normalizeExpiry(
    optionalObject(value, (expiry) => ({
      expiryType: text(expiry.expiryType),
      relativeExpirytype: text(expiry.relativeExpirytype),
      value: count(expiry.value),
      type: text(expiry.type),
      expiresOn: timestamp(expiry.expiresOn, expiry.expiresOnISO),
      expireWithBadgeMeta: flag(expiry.expireWithBadgeMeta),
    })),
  )
}

function toBenefit(benefit: Fields): Benefit {
  const type = text(benefit.benefitType)?.trim().toUpperCase() ?? null
  const description = text(benefit.description)
  if (type === 'COUPON') {
    return { kind: 'coupon', seriesId: identifier(benefit.seriesId), description }
  }
  if (type === 'POINTS' || type === 'LOYALTY_POINTS') {
    return { kind: 'points', points: count(benefit.points) ?? count(benefit.value), description }
  }
  return { kind: 'other', type, description }
}

/** The fields the three badge shapes share. */
function sharedBadge(badge: Fields) {
  return {
    name: text(badge.name),
    description: text(badge.description),
    startsAt:
      timestamp(badge.startOn, badge.startOnISO) ?? timestamp(badge.startsOn, badge.startsOnISO),
    expiresAt: timestamp(badge.expiresOn, badge.expiresOnISO),
    images: listOf(badge.images, toImage),
    groupId: identifier(badge.badgeGroupId),
    groupName: text(badge.badgeGroupName)?.trim() || null,
    rank: count(badge.badgeRank),
    limits: [
      ...normalizeLimits(listOf(badge.customerConstraints, toRawConstraint), 'member'),
      ...normalizeLimits(listOf(badge.badgeConstraints, toRawConstraint), 'badge'),
    ],
    customFields: customFields(badge.customFields),
  }
}

function malformed(what: string): ApiError {
  return new ApiError({
    reason: 'malformed',
    status: null,
    code: null,
    message: `The Badges API sent ${what} that the showcase cannot read.`,
  })
}

/**
 * A page of the customer badges list. Badges without an id, or with an id or group id that cannot
 * travel in a URL (a lone surrogate), cannot be shown or linked: they are left out and counted.
 */
export function parseBadgePage(data: unknown): BadgePage & { skipped: number } {
  if (!isObject(data) || !Array.isArray(data.badges)) throw malformed('a badge list')
  const entries: unknown[] = data.badges
  let skipped = 0
  const badges = entries.flatMap((badge) => {
    const id = isObject(badge) ? identifier(badge.badgeMetaId) : null
    const groupId = isObject(badge) ? identifier(badge.badgeGroupId) : null
    if (!isObject(badge) || id === null || !isEncodable(id) || !isEncodable(groupId ?? '')) {
      skipped += 1
      return []
    }
    return [
      {
        ...sharedBadge(badge),
        id,
        earnType: text(badge.earnType),
        benefits: listOf(badge.benefits, toBenefit),
        earnedCount: count(badge.earnedCount),
        lastEarnedAt: timestamp(badge.lastEarnedOnDate, badge.lastEarnedOnDateISO),
        lastEarnEventAt: timestamp(badge.lastEarnEventDate, badge.lastEarnEventDateISO),
        active: flag(badge.active),
      },
    ]
  })
  const pagination = optionalObject(data.pagination, (fields) => ({
    page: count(fields.page),
    size: count(fields.size),
    total: count(fields.total),
    totalPages: count(fields.totalPages),
  }))
  const size = pagination?.size ?? entries.length
  const total = pagination?.total ?? entries.length
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

export function parseBadgeMeta(data: unknown): BadgeMeta {
  const id = isObject(data) ? identifier(data.id) : null
  if (!isObject(data) || id === null) throw malformed('a badge definition')
  return {
    ...sharedBadge(data),
    id,
    status: readBadgeStatus(text(data.status)),
    earnType: text(data.earnType),
    benefits: listOf(data.benefits, toBenefit),
    earnExpiry: toExpiry(data.earnedBadgeExpiry),
    issueExpiry: toExpiry(data.issuedBadgeExpiry),
    active: flag(data.active),
  }
}

function toIssual(issual: Fields): Issual {
  return {
    id: identifier(issual.issueId),
    status: text(issual.issuedStatus),
    issuedAt: timestamp(issual.issuedOn),
    expiresAt: timestamp(issual.issueExpiresOn),
    revokedAt: timestamp(issual.revokedOn),
    eventAt: timestamp(issual.issueEventDate),
  }
}

// The documents show no example of an earn record; these names mirror the issual record's.
function toEarn(earn: Fields): Earn {
  return {
    id: identifier(earn.earnId),
    status: text(earn.earnedStatus) ?? text(earn.earnStatus),
    earnedAt: timestamp(earn.earnedOn),
    expiresAt: timestamp(earn.earnExpiresOn),
    revokedAt: timestamp(earn.revokedOn),
    eventAt: timestamp(earn.earnEventDate),
  }
}

export function parseMemberBadge(data: unknown): MemberBadge {
  const id = isObject(data) ? identifier(data.id) : null
  if (!isObject(data) || id === null) throw malformed("a member's badge")
  return {
    ...sharedBadge(data),
    id,
    status: readBadgeStatus(text(data.badgeStatus)),
    earnType: text(data.badgeType),
    earnExpiry: toExpiry(data.earnExpiry),
    issueExpiry: toExpiry(data.issueExpiry),
    issuals:
      optionalObject(data.issualDetails, (details) => listOf(details.issuals, toIssual)) ?? [],
    earns: optionalObject(data.earnDetails, (details) => listOf(details.earns, toEarn)) ?? [],
    activeEarnedCount: count(data.activeEarnedCount),
    lastEarnedAt: timestamp(data.lastEarnedOn),
  }
}

export function parseGroup(data: unknown): BadgeGroup {
  const id = isObject(data) ? identifier(data.id) : null
  if (!isObject(data) || id === null) throw malformed('a badge group')
  return { id, name: text(data.name)?.trim() || null, rank: count(data.rank) }
}

/** An error's code: a number, or a string that reads as a whole number. */
function errorCode(code: unknown): number | null {
  if (typeof code === 'number') return Number.isNaN(code) ? null : code
  if (typeof code !== 'string') return null
  const number = Number(code)
  return Number.isInteger(number) ? number : null
}

const optionalList = (value: unknown) =>
  value === undefined || value === null || Array.isArray(value)

export type Envelope = {
  data: unknown
  errors: Array<{ code: number | null; message: string | null }>
}

/** The `{data, errors, warnings}` envelope, read strictly: anything else is a malformed response. */
export function parseEnvelope(json: unknown): Envelope {
  if (
    !isObject(json) ||
    Array.isArray(json) ||
    !optionalList(json.errors) ||
    !optionalList(json.warnings)
  ) {
    throw malformed('a response')
  }
  const errors = ((json.errors as unknown[] | null | undefined) ?? []).map((entry) =>
    isObject(entry)
      ? { code: errorCode(entry.code), message: text(entry.message) }
      : { code: null, message: null },
  )
  return { data: json.data ?? null, errors }
}
