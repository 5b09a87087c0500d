import { epoch9, epochShort, iso } from './json.ts'
import { type BadgeDef, type ExpiryDef, type LimitDef, type MemberDef, type Unit } from './model.ts'
import {
  allEarns,
  currentCycle,
  earnExpiresAt,
  isEarnActive,
  type Lookup,
  keptEarns,
  memberRecord,
  usedAgainst,
} from './state.ts'

// The response bodies, shaped as the documents in shared/api-docs/ show them, quirks included:
// the list endpoints describe limits as CUSTOMER_BADGE_* / BADGE_* constraints, the statistics
// endpoint as constraintLevel + OVERALL | FIXED_WINDOW | ROLLING_WINDOW; the management endpoint
// spells the start `startsOn`, the others `startOn`; keys go missing and values are null.

const ORG_ID = 100737
const OWNERS = ['Loyalty', 'Milestones', 'Audience_Campaigns']

function images(badge: BadgeDef, { assetBase }: Lookup) {
  return badge.images.map((image) => ({
    name: image.tag === 'EARNED' ? 'Earned' : '',
    fileSvcHandle: `${badge.id}-${image.tag}`,
    // The demo's own artwork lives under the showcase's base path.
    url: image.url.startsWith('/') ? `${assetBase}${image.url.slice(1)}` : image.url,
    tag: image.tag,
  }))
}

function ownership(badge: BadgeDef) {
  return {
    restrictedToOwners: OWNERS,
    claims: [
      { ownerType: 'Loyalty', referenceId: `${badge.id.slice(-4)}_TransactionAdd`, isActive: true },
    ],
  }
}

function status(badge: BadgeDef, now: number) {
  if (badge.expiresAt <= now) return 'EXPIRED'
  return badge.startsAt > now ? 'UPCOMING' : 'LIVE'
}

function groupName(badge: BadgeDef, lookup: Lookup) {
  if (badge.groupId === null) return { badgeGroupName: null }
  if (badge.omitGroupName) return {}
  return { badgeGroupName: lookup.groupById.get(badge.groupId)?.name ?? null }
}

function referenceId(badge: BadgeDef, scope: string) {
  return `${badge.id.slice(0, 8)}-${scope}-${badge.id.slice(-4)}`
}

/** The list-endpoint shape (customer badges and badgeMeta). */
function listConstraints(
  badge: BadgeDef,
  scope: 'member' | 'badge',
  now: number,
  withIso: boolean,
) {
  const limits = scope === 'member' ? badge.memberLimits : badge.badgeLimits
  const prefix = scope === 'member' ? 'CUSTOMER_BADGE' : 'BADGE'
  const isoOf = (key: string, ms: number) => (withIso ? { [`${key}ISO`]: iso(ms) } : {})
  const rolling = limits.filter((limit) => limit.kind === 'rolling-window')
  const out: object[] = []
  for (const limit of limits) {
    if (limit.kind === 'total')
      out.push({ constraintType: `${prefix}_FIXED_VALUE`, maxEarnLimit: limit.max })
    if (limit.kind === 'none') out.push({ constraintType: `${prefix}_NO_LIMIT` })
    if (limit.kind === 'fixed-window') {
      const cycle = currentCycle(badge, limit.unit, limit.every, now)
      out.push({
        constraintType: `${prefix}_FIXED_WINDOW`,
        referenceId: referenceId(badge, scope),
        durationType: limit.unit,
        // Capillary leaves out a refresh rate of one.
        ...(limit.every === 1 ? {} : { refreshRate: limit.every }),
        maxEarnLimit: limit.max,
        cycleStatus: 'ACTIVE',
        startDate: epoch9(badge.startsAt),
        ...isoOf('startDate', badge.startsAt),
        endDate: epoch9(badge.expiresAt),
        ...isoOf('endDate', badge.expiresAt),
        ...(withIso
          ? {
              currentCycle: {
                startDate: epoch9(cycle.start),
                startDateISO: iso(cycle.start),
                endDate: epoch9(cycle.end),
                endDateISO: iso(cycle.end),
              },
            }
          : {}),
      })
    }
    if (limit.kind === 'rolling-window' && scope === 'badge') {
      out.push({
        constraintType: 'BADGE_ROLLING_WINDOW',
        rollType: limit.unit,
        rollValue: limit.length,
        maxEarnLimit: limit.max,
      })
    }
  }
  // A member's rolling limits travel together, one pair of fields per unit.
  if (scope === 'member' && rolling.length > 0) {
    const pair = (unit: Unit) => {
      const limit = rolling.find((entry) => entry.kind === 'rolling-window' && entry.unit === unit)
      return limit?.kind === 'rolling-window' ? [limit.max, limit.length] : [null, null]
    }
    const [maxDays, days] = pair('DAYS')
    const [maxWeeks, weeks] = pair('WEEKS')
    const [maxMonths, months] = pair('MONTHS')
    out.push({
      constraintType: 'CUSTOMER_BADGE_ROLLING_WINDOW',
      maxEarnForDays: maxDays,
      rollForDays: days,
      maxEarnForWeeks: maxWeeks,
      rollForWeeks: weeks,
      maxEarnForMonths: maxMonths,
      rollForMonths: months,
    })
  }
  return out
}

/** The statistics shape of the management endpoint, with the use counted now. */
function statisticsConstraints(
  badge: BadgeDef,
  scope: 'member' | 'badge',
  member: MemberDef,
  lookup: Lookup,
  now: number,
) {
  const limits = scope === 'member' ? badge.memberLimits : badge.badgeLimits
  const earns =
    scope === 'member' ? memberRecord(member, badge.id).earns : allEarns(lookup, badge.id)
  return limits.map((limit: LimitDef) => {
    const used = usedAgainst(limit, badge, earns, now, scope)
    const cycle =
      limit.kind === 'fixed-window' ? currentCycle(badge, limit.unit, limit.every, now) : null
    const rollUnit = limit.kind === 'rolling-window' ? limit.unit : null
    return {
      constraintLevel: scope === 'member' ? 'CUSTOMER' : 'BADGE',
      constraintType:
        limit.kind === 'total'
          ? 'OVERALL'
          : limit.kind === 'fixed-window'
            ? 'FIXED_WINDOW'
            : limit.kind === 'rolling-window'
              ? 'ROLLING_WINDOW'
              : 'NO_LIMIT',
      rollType: rollUnit,
      refreshRate: limit.kind === 'fixed-window' ? limit.every : null,
      durationType: limit.kind === 'fixed-window' ? limit.unit : null,
      cycleStatus: limit.kind === 'fixed-window' ? 'ACTIVE' : null,
      startDayOfTheWeek: null,
      rollValue: limit.kind === 'rolling-window' ? limit.length : null,
      maxEarnLimit: limit.kind === 'none' ? null : limit.max,
      earnConstraintBlockStatistics: {
        currentEarnCount: used,
        currentEarnCountDays: rollUnit === 'DAYS' ? used : null,
        currentEarnCountWeeks: rollUnit === 'WEEKS' ? used : null,
        currentEarnCountMonths: rollUnit === 'MONTHS' ? used : null,
      },
      fixedWindowCycle: cycle && {
        startDate: epochShort(cycle.start),
        endDate: epochShort(cycle.end),
      },
      fixedWindowReferenceId: cycle && referenceId(badge, scope),
      rollingWindowLimits: null,
    }
  })
}

function expiry(rule: ExpiryDef | null, withIso: boolean) {
  if (rule === null) return null
  switch (rule.kind) {
    case 'never':
      return { expiryType: 'NEVER' }
    case 'relative':
      return { expiryType: 'RELATIVE', relativeExpirytype: rule.unit, value: rule.value }
    case 'fixed-date':
      return {
        expiryType: 'ABSOLUTE',
        type: 'FIXED_DATE',
        expiresOn: epoch9(rule.at),
        ...(withIso ? { expiresOnISO: iso(rule.at) } : {}),
        expireWithBadgeMeta: false,
      }
    case 'with-badge':
      return {
        expiryType: 'ABSOLUTE',
        type: 'WITH_BADGE_META',
        expiresOn: null,
        ...(withIso ? { expiresOnISO: null } : {}),
        expireWithBadgeMeta: true,
      }
  }
}

export type ListEntry = { badge: BadgeDef; earned: boolean }

/** One entry of GET customer/{id}. */
export function customerBadge(
  { badge, earned }: ListEntry,
  member: MemberDef,
  lookup: Lookup,
  now: number,
) {
  const earns = keptEarns(member, badge.id)
  const last = earns.reduce<(typeof earns)[number] | null>(
    (latest, earn) => (latest === null || earn.earnedAt > latest.earnedAt ? earn : latest),
    null,
  )
  const eventDate = last && (last.eventInMs ? last.eventAt : epoch9(last.eventAt))
  // For an earned badge the list's expiry is the member's: when their latest earn runs out
  // (null when it never does), not when the badge stops being offered.
  const expiresOn = earned && last ? epoch9(earnExpiresAt(badge, last)) : epoch9(badge.expiresAt)
  return {
    badgeMetaId: badge.id,
    orgId: ORG_ID,
    name: badge.name,
    description: badge.description,
    startOn: epoch9(badge.startsAt),
    expiresOn,
    images: images(badge, lookup),
    // The earned list leaves out `tags`, as the documents' earned examples do.
    ...(earned ? {} : { tags: [] }),
    badgeGroupId: badge.groupId,
    ...groupName(badge, lookup),
    badgeRank: badge.rank,
    ownership: ownership(badge),
    earnType: badge.earnType,
    ...(badge.benefits.length > 0 || !earned ? { benefits: badge.benefits } : {}),
    customerConstraints: listConstraints(badge, 'member', now, false),
    badgeConstraints: listConstraints(badge, 'badge', now, false),
    earnedCount: earns.length > 0 ? earns.length : null,
    lastEarnedOnDate: last && epoch9(last.earnedAt),
    lastEarnEventDate: eventDate,
    customFields: badge.customFields,
    active: true,
  }
}

/** GET badgeMeta/{id}. */
export function badgeMeta(badge: BadgeDef, lookup: Lookup, now: number, withStatistics: boolean) {
  const earns = allEarns(lookup, badge.id)
  const issued = lookup.dataset.members.flatMap((member) => memberRecord(member, badge.id).issuals)
  return {
    id: badge.id,
    badgeNumericId: Number.parseInt(badge.id.slice(-6), 16),
    orgId: ORG_ID,
    name: badge.name,
    description: badge.description,
    startOn: epoch9(badge.startsAt),
    startOnISO: iso(badge.startsAt),
    expiresOn: epoch9(badge.expiresAt),
    expiresOnISO: iso(badge.expiresAt),
    earnedBadgeExpiry: expiry(badge.earnExpiry, true),
    issuedBadgeExpiry: expiry(badge.issueExpiry, true),
    images: images(badge, lookup),
    ownership: ownership(badge),
    customerConstraints: listConstraints(badge, 'member', now, true),
    badgeConstraints: listConstraints(badge, 'badge', now, true),
    benefits: badge.benefits,
    tags: [],
    badgeGroupId: badge.groupId,
    ...groupName(badge, lookup),
    badgeRank: badge.rank,
    earnType: badge.earnType,
    ...(withStatistics
      ? { issuedCount: issued.length, earnedCount: earns.length + badge.othersEarned }
      : {}),
    status: status(badge, now),
    createdOn: epoch9(badge.createdAt),
    createdOnISO: iso(badge.createdAt),
    createdBy: 75176138,
    lastUpdatedOn: epoch9(badge.createdAt),
    lastUpdatedOnISO: iso(badge.createdAt),
    lastUpdatedBy: 75176138,
    customFields: badge.customFields,
    active: true,
  }
}

/** GET management/{customerId}/badge/{badgeId}. */
export function managementBadge(
  badge: BadgeDef,
  member: MemberDef,
  lookup: Lookup,
  now: number,
  withStatistics: boolean,
) {
  const record = memberRecord(member, badge.id)
  const activeEarns = record.earns.filter((earn) => isEarnActive(badge, earn, now))
  const lastIssual = record.issuals.at(-1)
  const lastEarn = record.earns.at(-1)
  const statistics = withStatistics
    ? {
        customerConstraints: statisticsConstraints(badge, 'member', member, lookup, now),
        badgeConstraints: statisticsConstraints(badge, 'badge', member, lookup, now),
        issualDetails: {
          issuedCount: record.issuals.length,
          issuals: record.issuals.map((issual) => ({
            issuedOn: epoch9(issual.issuedAt),
            issuedStatus: issual.status,
            issueExpiresOn: epoch9(issual.expiresAt),
            issueId: issual.id,
            ownerType: 'Loyalty',
            ownerReferenceId: issual.id.slice(-9),
            revokedOn: epoch9(issual.revokedAt),
            issueEventDate: epoch9(issual.eventAt),
          })),
        },
        ...(lastIssual ? { issuedStatus: lastIssual.status } : {}),
        earnDetails: {
          earnCount: record.earns.length,
          earns: record.earns.map((earn) => {
            const expires = earnExpiresAt(badge, earn)
            const expired = expires !== null && expires <= now
            return {
              earnId: earn.id,
              earnedOn: epoch9(earn.earnedAt),
              earnedStatus:
                earn.revokedAt !== undefined ? 'REVOKED' : expired ? 'EXPIRED' : 'ACTIVE',
              earnExpiresOn: epoch9(expires),
              ownerType: 'Loyalty',
              ownerReferenceId: earn.id.slice(-9),
              revokedOn: epoch9(earn.revokedAt),
              earnEventDate: earn.eventInMs ? earn.eventAt : epoch9(earn.eventAt),
            }
          }),
        },
      }
    : {}
  return {
    id: badge.id,
    name: badge.name,
    description: badge.description,
    createdOn: epochShort(badge.createdAt),
    lastUpdatedOn: epochShort(badge.createdAt),
    startsOn: epochShort(badge.startsAt),
    expiresOn: epochShort(badge.expiresAt),
    action: 'ACTIVATED',
    badgeType: badge.earnType,
    badgeStatus: status(badge, now),
    owner: OWNERS,
    claimedBy: [],
    images: images(badge, lookup),
    earnExpiry: expiry(badge.earnExpiry, false),
    ...(badge.issueExpiry ? { issueExpiry: expiry(badge.issueExpiry, false) } : {}),
    ...(badge.groupId ? { badgeGroupId: badge.groupId, ...groupName(badge, lookup) } : {}),
    badgeRank: badge.rank,
    ...statistics,
    activeEarnedCount: activeEarns.length,
    ...(lastEarn ? { lastEarnedOn: epochShort(lastEarn.earnedAt) } : {}),
    customFields: badge.customFields,
  }
}
