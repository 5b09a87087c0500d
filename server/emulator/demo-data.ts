import { addSpan } from './calendar.ts'
import {
  art,
  type BadgeDef,
  type Dataset,
  DAY,
  type GroupDef,
  type IssualRecord,
  type MemberDef,
  objectId,
  type Unit,
} from './model.ts'
import { vipCatalog, vipMember } from './vip-data.ts'

// The demo dataset of DESIGN.md section 6. Everything is placed relative to `now` so that the demo
// always reads as current: "earned 3 days ago", "expires in 12 days". The typical member shows every
// state a badge can be in for a member, and the records agree with each other: an earn counted in
// a window lies inside that window, whatever day the demo is started on.

export const TYPICAL_MEMBER = '62090013'
export const NEW_MEMBER = '565039504'

export const groupIds = {
  coffee: objectId('65c3600c', 1),
  challenges: objectId('65c3600c', 2),
  community: objectId('65c3600c', 3),
  seasonal: objectId('65c3600c', 4),
}

const groups: GroupDef[] = [
  { id: groupIds.coffee, name: 'Coffee Club', rank: 1 },
  { id: groupIds.challenges, name: '2026 Challenges', rank: 2 },
  { id: groupIds.community, name: 'Community', rank: 3 },
  { id: groupIds.seasonal, name: 'Seasonal Specials', rank: 4 },
]

const badgeId = (n: number) => objectId('6650b1c0', n)

/** Ids of the typical member's badges, for tests and demos that name one. */
export const demoBadgeIds = {
  firstSip: badgeId(1),
  regular: badgeId(2),
  barista: badgeId(3),
  nightOwl: badgeId(4),
  weekendExplorer: badgeId(5),
  bigSpender: badgeId(6),
  earlyBird: badgeId(7),
  trailblazer: badgeId(8),
  reviewer: badgeId(9),
  referrer: badgeId(10),
  greenStep: badgeId(11),
  birthday: badgeId(12),
  holiday: badgeId(13),
  welcome: badgeId(14),
  anniversary: badgeId(15),
  socialStar: badgeId(16),
  summerSampler: badgeId(17),
}

/**
 * A start for a badge with a fixed window of `every` `unit`s, such that `cycles` whole cycles have
 * passed and the current one began about `daysIntoCycle` days ago (a few more when a month is too
 * short for the start's day of the month).
 */
function startedCyclesAgo(
  now: number,
  unit: Unit,
  every: number,
  cycles: number,
  daysIntoCycle: number,
): number {
  return addSpan(now - daysIntoCycle * DAY, { unit, length: -every * cycles })
}

function catalog(now: number): BadgeDef[] {
  const launched = now - 400 * DAY
  const base = {
    // Set up well before the oldest start below (Birthday Treat's, two years back).
    createdAt: now - 780 * DAY,
    startsAt: launched,
    expiresAt: now + 730 * DAY,
    benefits: [],
    memberLimits: [],
    badgeLimits: [],
    earnExpiry: { kind: 'never' as const },
    issueExpiry: null,
    customFields: {},
    othersEarned: 0,
    omitGroupName: false,
  }
  const ids = demoBadgeIds
  return [
    {
      ...base,
      id: ids.firstSip,
      name: 'First Sip',
      description: 'Buy your first drink at any of our cafés.',
      groupId: groupIds.coffee,
      rank: 1,
      earnType: 'EARN',
      images: art('first-sip'),
      benefits: [{ benefitType: 'POINTS', points: 50, description: '50 bonus points' }],
      memberLimits: [{ kind: 'total', max: 1 }],
      badgeLimits: [{ kind: 'none' }],
      othersEarned: 18_204,
    },
    {
      ...base,
      id: ids.regular,
      name: 'Regular',
      description: 'Buy 10 coffees in a calendar month.',
      groupId: groupIds.coffee,
      rank: 2,
      earnType: 'EARN',
      images: art('regular'),
      benefits: [
        { benefitType: 'COUPON', seriesId: 13745, description: 'A free drink of your choice' },
      ],
      memberLimits: [{ kind: 'fixed-window', unit: 'MONTHS', every: 1, max: 1 }],
      badgeLimits: [{ kind: 'total', max: 100_000 }],
      earnExpiry: { kind: 'relative', unit: 'MONTHS', value: 3 },
      // Launched 13 months ago, so this month's cycle began a little over a week ago.
      startsAt: startedCyclesAgo(now, 'MONTHS', 1, 13, 9),
      othersEarned: 6_120,
    },
    {
      ...base,
      id: ids.barista,
      name: "Barista's Favourite",
      description: 'Try 5 drinks from the seasonal menu while this badge is open to you.',
      groupId: groupIds.coffee,
      rank: 3,
      earnType: 'ISSUE_EARN',
      images: art('barista'),
      benefits: [{ benefitType: 'POINTS', points: 200, description: '200 bonus points' }],
      memberLimits: [{ kind: 'fixed-window', unit: 'DAYS', every: 3, max: 2 }],
      badgeLimits: [
        { kind: 'total', max: 10_000 },
        { kind: 'rolling-window', unit: 'WEEKS', length: 1, max: 3_000 },
        { kind: 'rolling-window', unit: 'DAYS', length: 1, max: 300 },
      ],
      earnExpiry: { kind: 'relative', unit: 'WEEKS', value: 2 },
      issueExpiry: { kind: 'fixed-date', at: now + 45 * DAY },
      customFields: {
        'Terms and conditions': 'Drinks from the seasonal menu only, at any Bean There café.',
      },
      othersEarned: 812,
    },
    {
      ...base,
      id: ids.nightOwl,
      name: 'Night Owl',
      description: 'Make 5 purchases after 9 pm.',
      groupId: groupIds.coffee,
      rank: null,
      earnType: 'EARN',
      // No UN_EARNED artwork: the showcase greys out the EARNED image instead.
      images: art('night-owl', ['UN_EARNED', 'IN_PROGRESS']),
      memberLimits: [{ kind: 'total', max: 1 }],
      // A limited edition whose whole supply has been earned: no member can earn it any more.
      badgeLimits: [{ kind: 'total', max: 1_000 }],
      expiresAt: now + 200 * DAY,
      othersEarned: 1_000,
    },
    {
      ...base,
      id: ids.weekendExplorer,
      name: 'Weekend Explorer',
      description: 'Shop on four different weekends this season.',
      groupId: groupIds.challenges,
      rank: 1,
      earnType: 'EARN',
      images: art('weekend-explorer'),
      benefits: [
        { benefitType: 'COUPON', seriesId: 20411, description: '15% off your next basket' },
      ],
      memberLimits: [{ kind: 'total', max: 1 }],
      badgeLimits: [{ kind: 'fixed-window', unit: 'WEEKS', every: 1, max: 5_000 }],
      earnExpiry: { kind: 'with-badge' },
      expiresAt: now + 12 * DAY + 5 * 3_600_000,
      othersEarned: 2_390,
    },
    {
      ...base,
      id: ids.bigSpender,
      name: 'Big Spender',
      description: 'Spend $500 in one quarter.',
      groupId: groupIds.challenges,
      rank: 2,
      earnType: 'EARN',
      images: art('big-spender'),
      benefits: [{ benefitType: 'POINTS', points: 1_000, description: '1,000 bonus points' }],
      memberLimits: [{ kind: 'total', max: 1 }],
      earnExpiry: { kind: 'with-badge' },
      startsAt: now - 200 * DAY,
      expiresAt: now - 20 * DAY,
      othersEarned: 950,
    },
    {
      ...base,
      id: ids.earlyBird,
      name: 'Early Bird',
      description: 'Visit a store before 9 am.',
      groupId: groupIds.challenges,
      rank: 3,
      earnType: 'EARN',
      images: art('early-bird'),
      benefits: [{ benefitType: 'POINTS', points: 25, description: '25 bonus points' }],
      memberLimits: [
        { kind: 'rolling-window', unit: 'DAYS', length: 7, max: 2 },
        { kind: 'rolling-window', unit: 'MONTHS', length: 1, max: 6 },
      ],
      badgeLimits: [{ kind: 'rolling-window', unit: 'DAYS', length: 1, max: 500 }],
      earnExpiry: { kind: 'relative', unit: 'DAYS', value: 30 },
      othersEarned: 4_410,
    },
    {
      ...base,
      id: ids.trailblazer,
      name: 'Trailblazer',
      description: 'Visit five different stores during the spring trail.',
      groupId: groupIds.challenges,
      rank: null,
      earnType: 'EARN',
      images: art('trailblazer'),
      memberLimits: [{ kind: 'total', max: 1 }],
      startsAt: now + 21 * DAY,
      expiresAt: now + 111 * DAY,
    },
    {
      ...base,
      id: ids.reviewer,
      name: 'Reviewer',
      description: 'Write three product reviews.',
      groupId: groupIds.community,
      rank: 1,
      earnType: 'EARN',
      images: art('reviewer'),
      benefits: [{ benefitType: 'POINTS', points: 100, description: '100 bonus points' }],
      memberLimits: [{ kind: 'rolling-window', unit: 'WEEKS', length: 4, max: 1 }],
      badgeLimits: [{ kind: 'none' }],
      earnExpiry: { kind: 'relative', unit: 'MONTHS', value: 6 },
      othersEarned: 1_204,
    },
    {
      ...base,
      id: ids.referrer,
      name: 'Friend Referrer',
      description: 'Invite a friend who makes their first purchase.',
      groupId: groupIds.community,
      rank: 2,
      earnType: 'EARN',
      images: art('referrer'),
      benefits: [
        { benefitType: 'COUPON', seriesId: 30077, description: '$10 off for you and your friend' },
        { benefitType: 'POINTS', points: 300, description: '300 bonus points' },
      ],
      memberLimits: [{ kind: 'none' }],
      badgeLimits: [{ kind: 'none' }],
      othersEarned: 3_015,
    },
    {
      ...base,
      id: ids.greenStep,
      name: 'Green Step',
      description: 'Bring your own bag or cup 10 times.',
      groupId: groupIds.community,
      rank: 3,
      earnType: 'EARN',
      images: [
        // Artwork that does not decode, as real data has: the showcase falls back to the next
        // image. It is served (200) rather than missing, so the browser logs no failed request.
        { tag: 'UN_EARNED', url: '/demo/broken-green-step-unearned.svg' },
        { tag: 'EARNED', url: '/demo/green-step-earned.svg' },
      ],
      memberLimits: [{ kind: 'total', max: 1 }],
    },
    {
      ...base,
      id: ids.birthday,
      name: 'Birthday Treat',
      description: 'Make a purchase during your birthday month and get a 40% discount coupon.',
      groupId: groupIds.seasonal,
      omitGroupName: true,
      rank: 1,
      earnType: 'ISSUE_EARN',
      images: art('birthday'),
      benefits: [{ benefitType: 'COUPON', seriesId: 11802, description: '40% off one item' }],
      memberLimits: [{ kind: 'fixed-window', unit: 'MONTHS', every: 12, max: 1 }],
      earnExpiry: { kind: 'relative', unit: 'DAYS', value: 30 },
      issueExpiry: { kind: 'relative', unit: 'MONTHS', value: 1 },
      // The member's birthday month: this year's cycle began a few weeks ago.
      startsAt: startedCyclesAgo(now, 'MONTHS', 12, 2, 20),
      customFields: {
        'Terms and conditions': 'Coupon valid for 30 days. Cannot be combined with other offers.',
        'Where to use it': 'Any Bean There café, in store only',
      },
      othersEarned: 7_730,
    },
    {
      ...base,
      id: ids.holiday,
      name: 'Holiday Cheer',
      description: 'Shop with us in December.',
      groupId: groupIds.seasonal,
      omitGroupName: true,
      rank: 2,
      earnType: 'EARN',
      images: art('holiday'),
      benefits: [
        { benefitType: 'COUPON', seriesId: 12900, description: 'A festive gift at checkout' },
      ],
      memberLimits: [{ kind: 'total', max: 1 }],
      // Nearly all of the supply is earned: only 812 left.
      badgeLimits: [{ kind: 'total', max: 20_000 }],
      earnExpiry: { kind: 'fixed-date', at: now + 70 * DAY },
      startsAt: now - 5 * DAY,
      expiresAt: now + 40 * DAY,
      othersEarned: 19_188,
    },
    {
      ...base,
      id: ids.welcome,
      name: 'Welcome Aboard',
      description: 'Add your birthday and favourite café to your profile.',
      groupId: null,
      rank: 1,
      earnType: 'EARN',
      images: art('welcome'),
      benefits: [{ benefitType: 'POINTS', points: 100, description: '100 welcome points' }],
      memberLimits: [{ kind: 'total', max: 1 }],
      othersEarned: 52_118,
    },
    {
      ...base,
      id: ids.anniversary,
      name: 'Anniversary',
      description: 'Celebrate our café’s birthday with a visit, once a year.',
      groupId: null,
      rank: null,
      earnType: 'EARN',
      images: art('anniversary'),
      benefits: [{ benefitType: 'COUPON', seriesId: 40100, description: 'A slice of cake on us' }],
      memberLimits: [{ kind: 'fixed-window', unit: 'MONTHS', every: 12, max: 1 }],
      earnExpiry: { kind: 'relative', unit: 'WEEKS', value: 8 },
      startsAt: startedCyclesAgo(now, 'MONTHS', 12, 1, 40),
      othersEarned: 21_650,
    },
    {
      ...base,
      id: ids.socialStar,
      name: 'Social Star',
      description: 'Follow us and share a post with #BeanThere.',
      groupId: null,
      rank: null,
      earnType: 'EARN',
      // No artwork at all: the showcase draws a monogram.
      images: [],
      memberLimits: [{ kind: 'total', max: 1 }],
      expiresAt: now + 300 * DAY,
    },
    {
      ...base,
      id: ids.summerSampler,
      name: 'Summer Sampler',
      description: 'Try three iced drinks from the summer menu.',
      groupId: groupIds.seasonal,
      omitGroupName: true,
      rank: 3,
      earnType: 'EARN',
      images: art('summer-sampler'),
      benefits: [{ benefitType: 'POINTS', points: 150, description: '150 bonus points' }],
      memberLimits: [{ kind: 'total', max: 1 }],
      // Over: the summer menu ended a month ago. No list offers it; only its own address shows it.
      startsAt: now - 150 * DAY,
      expiresAt: now - 30 * DAY,
      othersEarned: 4_870,
    },
  ]
}

/**
 * Tom, the typical member. What each of his badges shows:
 * - earned, never expiring: First Sip, Welcome Aboard;
 * - earned, expiring: Regular (3 months), Reviewer, Birthday Treat, Anniversary, and Weekend
 *   Explorer, which ends with the badge in 12 days;
 * - can earn again from a date (his one earn of the current window is used): Regular this month,
 *   Birthday Treat and Anniversary this 12-month cycle;
 * - can earn (again) now: Reviewer (his 4-week rolling window is clear), Early Bird, Friend
 *   Referrer, Green Step, Social Star; Holiday Cheer with only 812 of 20,000 left for all members;
 * - in progress: Barista's Favourite, issued to him, to be earned by its issue expiry (an earlier
 *   issual was revoked);
 * - not yet: Trailblazer starts in three weeks;
 * - no longer: Night Owl's supply is used up, Summer Sampler ended a month ago;
 * - expired: Big Spender, earned, then gone with the badge.
 */
function typicalMember(now: number, badges: BadgeDef[]): MemberDef {
  const ids = demoBadgeIds
  const ago = (days: number) => now - days * DAY
  const earn = (n: number, days: number, extra: object = {}) => ({
    id: objectId('6703e000', n),
    earnedAt: ago(days),
    eventAt: ago(days) - 2 * 3_600_000,
    ...extra,
  })
  const issual = (
    n: number,
    issuedAt: number,
    status: IssualRecord['status'],
    expiresAt: number,
    extra: Partial<IssualRecord> = {},
  ): IssualRecord => ({
    id: objectId('67037d71', n),
    issuedAt,
    eventAt: issuedAt,
    status,
    expiresAt,
    ...extra,
  })
  const badge = (id: string) => badges.find((candidate) => candidate.id === id)
  // Barista's Favourite is to be earned by a fixed date, whenever it was issued.
  const baristaIssue = badge(ids.barista)?.issueExpiry
  const earnBy = baristaIssue?.kind === 'fixed-date' ? baristaIssue.at : now + 45 * DAY
  const birthdayIssue = (issuedAt: number) => addSpan(issuedAt, { unit: 'MONTHS', length: 1 })
  return {
    customerId: TYPICAL_MEMBER,
    identities: {
      email: 'tom.sawyer@example.com',
      mobile: '15550100001',
      externalId: 'TOM-001',
      cardNumber: 'CARD-0001',
    },
    badges: [
      { badgeId: ids.firstSip, earns: [earn(1, 380)], issuals: [] },
      // One earn in each of two earlier months, and this month's.
      { badgeId: ids.regular, earns: [earn(2, 160), earn(3, 95), earn(4, 2)], issuals: [] },
      {
        badgeId: ids.barista,
        earns: [],
        issuals: [
          issual(1, ago(60), 'REVOKED', earnBy, { revokedAt: ago(52) }),
          issual(2, ago(6), 'ACTIVE', earnBy),
        ],
      },
      { badgeId: ids.weekendExplorer, earns: [earn(5, 9)], issuals: [] },
      { badgeId: ids.bigSpender, earns: [earn(6, 120)], issuals: [] },
      { badgeId: ids.reviewer, earns: [earn(7, 210), earn(8, 40)], issuals: [] },
      {
        // Issued for his birthday month and earned, last year and this year.
        badgeId: ids.birthday,
        earns: [earn(12, 372), earn(9, 4)],
        issuals: [
          issual(4, ago(380), 'EARNED', birthdayIssue(ago(380))),
          issual(3, ago(12), 'EARNED', birthdayIssue(ago(12))),
        ],
      },
      // The event date of this earn was stored in milliseconds, as some real ones are.
      { badgeId: ids.welcome, earns: [earn(10, 398, { eventInMs: true })], issuals: [] },
      { badgeId: ids.anniversary, earns: [earn(11, 33)], issuals: [] },
    ],
  }
}

export function demoDataset(now: number): Dataset {
  const badges = catalog(now)
  return {
    groups: [...groups, ...vipCatalog.groups],
    badges: [...badges, ...vipCatalog.badges(now)],
    members: [
      typicalMember(now, badges),
      { customerId: NEW_MEMBER, identities: { email: 'new.member@example.com' }, badges: [] },
      vipMember(now, [demoBadgeIds.firstSip, demoBadgeIds.welcome, demoBadgeIds.regular]),
    ],
  }
}
