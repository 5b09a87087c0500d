import { art, type BadgeDef, DAY, type GroupDef, type MemberDef, objectId } from './model.ts'

// The VIP member: 300+ earned badges in 12 groups, generated deterministically so that paging and
// rendering at scale can be demonstrated and tested without a hand-written list.

export const VIP_MEMBER = '381921157'
export const VIP_BADGE_COUNT = 324

const themes = [
  { name: 'Globetrotter', motif: 'weekend-explorer', nouns: ['Passport', 'Voyager', 'Nomad'] },
  { name: 'Gourmet', motif: 'barista', nouns: ['Taster', 'Connoisseur', 'Epicure'] },
  { name: 'Wellness', motif: 'green-step', nouns: ['Balance', 'Vitality', 'Calm'] },
  { name: 'Style', motif: 'big-spender', nouns: ['Trendsetter', 'Curator', 'Icon'] },
  { name: 'Early Access', motif: 'early-bird', nouns: ['Insider', 'Preview', 'First Look'] },
  { name: 'Family', motif: 'referrer', nouns: ['Host', 'Together', 'Circle'] },
  { name: 'Night Life', motif: 'night-owl', nouns: ['Late Show', 'Encore', 'Moonlight'] },
  { name: 'Seasons', motif: 'holiday', nouns: ['Solstice', 'Harvest', 'Bloom'] },
  { name: 'Milestones', motif: 'anniversary', nouns: ['Century', 'Landmark', 'Summit'] },
  { name: 'Critics', motif: 'reviewer', nouns: ['Voice', 'Verdict', 'Review'] },
  { name: 'Trails', motif: 'trailblazer', nouns: ['Pathfinder', 'Ridge', 'Peak'] },
  { name: 'Celebrations', motif: 'birthday', nouns: ['Confetti', 'Toast', 'Gala'] },
]

const levels = [
  'Bronze',
  'Silver',
  'Gold',
  'Platinum',
  'Diamond',
  'Legend',
  'Master',
  'Elite',
  'Royal',
]

const groups: GroupDef[] = themes.map((theme, index) => ({
  id: objectId('65d0a1b2', index + 1),
  name: theme.name,
  rank: index + 1,
}))

const vipBadgeId = (n: number) => objectId('6671c0de', n + 1)

/** `count` believable badges in the 12 themed groups, offered only to `audience`. */
export function generatedBadges(
  count: number,
  audience: string,
  now: number,
  id: (n: number) => string = vipBadgeId,
): BadgeDef[] {
  return Array.from({ length: count }, (_, n): BadgeDef => {
    const themeIndex = n % themes.length
    const theme = themes[themeIndex] ?? { name: 'VIP', motif: 'anniversary', nouns: ['Star'] }
    const within = Math.floor(n / themes.length)
    const noun = theme.nouns[within % theme.nouns.length]
    const level = levels[Math.floor(within / theme.nouns.length) % levels.length]
    return {
      id: id(n),
      name: `${theme.name} ${noun} ${level}`,
      description: `Reach the ${level} tier of ${theme.name} ${noun}.`,
      groupId: groups[themeIndex]?.id ?? null,
      // Every fourth badge is unranked, to exercise the expiry-date order after ranked ones.
      rank: within % 4 === 3 ? null : within + 1,
      earnType: 'EARN',
      createdAt: now - 900 * DAY,
      startsAt: now - 800 * DAY,
      expiresAt: now + (200 + ((n * 37) % 500)) * DAY,
      images: art(theme.motif),
      benefits:
        n % 5 === 0
          ? [
              {
                benefitType: 'POINTS',
                points: 100 * (within + 1),
                description: `${100 * (within + 1)} bonus points`,
              },
            ]
          : [],
      memberLimits: [{ kind: 'total', max: 1 }],
      badgeLimits: [],
      earnExpiry: { kind: 'never' },
      issueExpiry: null,
      customFields: {},
      othersEarned: 40 + ((n * 13) % 400),
      audience: [audience],
    }
  })
}

export const vipCatalog = {
  groups,
  badges: (now: number) => generatedBadges(VIP_BADGE_COUNT, VIP_MEMBER, now),
}

/** A member who has earned each of `badgeIds` once, on days spread over the last two years. */
export function generatedMember(
  customerId: string,
  email: string,
  badgeIds: string[],
  now: number,
): MemberDef {
  return {
    customerId,
    identities: { email },
    badges: badgeIds.map((badgeId, n) => {
      const earnedAt = now - (1 + ((n * 7919) % 700)) * DAY
      return {
        badgeId,
        earns: [{ id: objectId('6705f000', n + 1), earnedAt, eventAt: earnedAt - 3_600_000 }],
        issuals: [],
      }
    }),
  }
}

/** `alsoEarned`: badges of the main catalog the VIP has earned too. */
export function vipMember(now: number, alsoEarned: string[]): MemberDef {
  const earned = Array.from({ length: VIP_BADGE_COUNT }, (_, n) => {
    const earnedAt = now - (1 + ((n * 7919) % 700)) * DAY
    return {
      badgeId: vipBadgeId(n),
      earns: [{ id: objectId('6705f000', n + 1), earnedAt, eventAt: earnedAt - 3_600_000 }],
      issuals: [],
    }
  })
  const shared = alsoEarned.map((badgeId, i) => ({
    badgeId,
    earns: [
      {
        id: objectId('6706f000', i + 1),
        earnedAt: now - (500 + i) * DAY,
        eventAt: now - (500 + i) * DAY,
      },
    ],
    issuals: [],
  }))
  return {
    customerId: VIP_MEMBER,
    identities: { email: 'vip@example.com' },
    badges: [...earned, ...shared],
  }
}
