import {
  type BadgeMeta,
  type CustomerBadge,
  type EarnLimit,
  type MemberBadge,
} from '../badges/types.ts'

let counter = 0

export function makeBadge(overrides: Partial<CustomerBadge> = {}): CustomerBadge {
  counter += 1
  return {
    id: `badge-${counter}`,
    name: `Badge ${counter}`,
    description: null,
    startsAt: null,
    expiresAt: null,
    images: [],
    groupId: null,
    groupName: null,
    rank: null,
    earnType: 'EARN',
    benefits: [],
    limits: [],
    earnedCount: null,
    lastEarnedAt: null,
    lastEarnEventAt: null,
    customFields: [],
    active: true,
    ...overrides,
  }
}

export function makeMemberBadge(overrides: Partial<MemberBadge> = {}): MemberBadge {
  counter += 1
  return {
    id: `badge-${counter}`,
    name: `Badge ${counter}`,
    description: null,
    status: 'LIVE',
    startsAt: null,
    expiresAt: null,
    images: [],
    groupId: null,
    groupName: null,
    rank: null,
    earnType: 'EARN',
    limits: [],
    earnExpiry: { kind: 'never' },
    issueExpiry: { kind: 'unknown' },
    issuals: [],
    earns: [],
    activeEarnedCount: 0,
    lastEarnedAt: null,
    customFields: [],
    ...overrides,
  }
}

export function makeMeta(overrides: Partial<BadgeMeta> = {}): BadgeMeta {
  counter += 1
  return {
    id: `badge-${counter}`,
    name: null,
    description: null,
    status: 'UNKNOWN',
    startsAt: null,
    expiresAt: null,
    images: [],
    groupId: null,
    groupName: null,
    rank: null,
    earnType: 'EARN',
    benefits: [],
    limits: [],
    earnExpiry: { kind: 'unknown' },
    issueExpiry: { kind: 'unknown' },
    customFields: [],
    active: null,
    ...overrides,
  }
}

/** One earn limit: the member's own, once in all, unless told otherwise. */
export function makeLimit(overrides: Partial<EarnLimit> = {}): EarnLimit {
  return {
    scope: 'member',
    kind: 'total',
    max: 1,
    window: null,
    used: null,
    cycle: null,
    since: null,
    ...overrides,
  }
}
