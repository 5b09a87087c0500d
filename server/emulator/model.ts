// The emulator's own records. They hold what Capillary knows about badges and members; the
// response shapes (with all of the real API's quirks) are rendered from them in shapes.ts.

export type Unit = 'DAYS' | 'WEEKS' | 'MONTHS'

export type LimitDef =
  | { kind: 'total'; max: number }
  | { kind: 'fixed-window'; unit: Unit; every: number; max: number }
  | { kind: 'rolling-window'; unit: Unit; length: number; max: number }
  | { kind: 'none' }

export type ExpiryDef =
  | { kind: 'relative'; unit: Unit; value: number }
  | { kind: 'fixed-date'; at: number }
  | { kind: 'with-badge' }
  | { kind: 'never' }

export type BenefitDef =
  | { benefitType: 'COUPON'; seriesId: number; description: string }
  | { benefitType: 'POINTS'; points: number; description: string }

export type ImageDef = { tag: 'EARNED' | 'UN_EARNED' | 'IN_PROGRESS'; url: string }

export type GroupDef = { id: string; name: string; rank: number }

export type BadgeDef = {
  id: string
  name: string
  description: string | null
  groupId: string | null
  /** Real responses sometimes carry the group id without its name. */
  omitGroupName?: boolean
  rank: number | null
  earnType: 'EARN' | 'ISSUE_EARN'
  createdAt: number
  startsAt: number
  expiresAt: number
  images: ImageDef[]
  benefits: BenefitDef[]
  memberLimits: LimitDef[]
  badgeLimits: LimitDef[]
  earnExpiry: ExpiryDef
  issueExpiry: ExpiryDef | null
  customFields: Record<string, string>
  /** Earns by members outside the dataset, so badge-wide limits show believable use. */
  othersEarned: number
  /** Members it is offered to; undefined: everyone. */
  audience?: string[]
}

export type EarnRecord = {
  id: string
  earnedAt: number
  eventAt: number
  /** Unset: by the badge's earn expiry rule. */
  expiresAt?: number | null
  revokedAt?: number
  /** Some real records store the event date in milliseconds rather than seconds. */
  eventInMs?: boolean
}

export type IssualRecord = {
  id: string
  issuedAt: number
  eventAt: number
  status: 'ACTIVE' | 'REVOKED' | 'EARNED' | 'EXPIRED'
  expiresAt: number | null
  revokedAt?: number
}

export type MemberBadgeRecord = { badgeId: string; earns: EarnRecord[]; issuals: IssualRecord[] }

export type MemberDef = {
  customerId: string
  identities: { email?: string; mobile?: string; externalId?: string; cardNumber?: string }
  badges: MemberBadgeRecord[]
}

export type Dataset = {
  groups: GroupDef[]
  badges: BadgeDef[]
  members: MemberDef[]
}

export const DAY = 86_400_000

/** Deterministic ids in the shape of Capillary's (24 hex digits, like a Mongo ObjectId). */
export function objectId(prefix: string, n: number): string {
  return prefix.padEnd(8, '0').slice(0, 8) + n.toString(16).padStart(16, '0')
}

/** Artwork in public/demo/; `omit` leaves out a state, as real badges sometimes do. */
export function art(motif: string, omit: ImageDef['tag'][] = []): ImageDef[] {
  const all: ImageDef[] = [
    { tag: 'EARNED', url: `/demo/${motif}-earned.svg` },
    { tag: 'UN_EARNED', url: `/demo/${motif}-unearned.svg` },
    { tag: 'IN_PROGRESS', url: `/demo/${motif}-in-progress.svg` },
  ]
  return all.filter((image) => !omit.includes(image.tag))
}
