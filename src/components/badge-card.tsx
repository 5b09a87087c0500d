import { memo } from 'react'
import { type Customer } from '../badges/member.ts'
import { type BadgeTruth, faded, truthImage } from '../badges/truth.ts'
import { type CustomerBadge } from '../badges/types.ts'
import { t } from '../i18n/i18n.ts'
import { BadgeImage } from './badge-image.tsx'
import { BadgeLink } from './badge-link.tsx'
import { cardLines, type Tone, truthLabel } from './truth-text.ts'
import { benefitText, times as timesWord } from './wording.ts'

/** How a card's line looks by its tone: on cards and wherever a card's line is repeated. */
export const toneClass: Record<Tone, string> = {
  urgent: 'font-semibold text-warn',
  good: 'font-medium text-positive',
  plain: 'font-medium text-ink',
  quiet: 'text-ink-muted',
}

type Props = {
  badge: CustomerBadge
  /** What the member can do with it now; null while the member's own record is on its way. */
  truth: BadgeTruth | null
  customer: Customer
  now: number
  /** How to earn it, shown where there is room (the available list). */
  showDescription?: boolean
  /** In the first row: its image loads first and is not lazy. */
  priority?: boolean
  /** A list in order of the activity that earned each badge: its date instead of the earning's. */
  byActivity?: boolean
}

function GiftIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className="mx-1 inline size-3.5 fill-current align-[-0.125rem]"
    >
      <path d="M3 8h14v3H3zM4 11h12v6H4zM9 8h2v9H9zM10 8C8 4 5 4 5 6s3 2 5 2zm0 0c2-4 5-4 5-2s-3 2-5 2z" />
    </svg>
  )
}

/** The rewards a card shows in full; its page shows them all. */
const CARD_REWARDS = 2

/** A badge's reward, the same chip on cards and on the badge's page; `muted` when not to be had. */
export function RewardChip({
  text,
  className = '',
  muted = false,
}: {
  text: string
  className?: string
  muted?: boolean
}) {
  // One look, short or long: centred, lines balanced, the gift leading the first line (a long
  // reward was a block of left-aligned lines with the gift hanging at its corner, beside the short
  // ones' pills).
  return (
    <span
      className={`max-w-full rounded-lg px-2 py-1 text-center text-xs leading-snug ${muted ? 'border border-dashed border-line-strong text-ink-muted' : 'bg-sunken text-ink'} ${className}`}
    >
      <span dir="auto" className="api-text line-clamp-3 text-balance">
        <GiftIcon />
        <span className="sr-only">{t('badge.reward')} </span>
        {text}
      </span>
    </span>
  )
}

/**
 * One badge on a list, the same look on every list: its art in the member's state, its name, and
 * the line that matters most (an expiry close at hand stands out), the next step, and its reward.
 */
export const BadgeCard = memo(function BadgeCard({
  badge,
  truth,
  customer,
  now,
  showDescription = false,
  priority = false,
  byActivity = false,
}: Props) {
  const image = truth === null ? null : truthImage(truth)
  const lines =
    truth === null ? [] : cardLines(truth, now, byActivity ? badge.lastEarnEventAt : undefined)
  const dead = truth !== null && faded(truth)
  const times = truth?.kind === 'earned' || truth?.kind === 'expired' ? truth.times : 0
  // Each reward its own chip, as on the badge's page; more than two, and the rest are counted.
  const rewards = badge.benefits.map(benefitText)
  const moreRewards = rewards.length - CARD_REWARDS
  const locked = image?.state === 'LOCKED'
  return (
    <li
      className={`badge-card relative flex flex-col items-center gap-1.5 rounded-card border p-3 text-center ${dead ? 'border-dashed border-line-strong bg-sunken/60' : 'border-line bg-surface shadow-sm'}`}
    >
      <div className="relative">
        {image === null ? (
          <div
            aria-hidden="true"
            className="size-16 animate-pulse rounded-full bg-sunken sm:size-20"
          />
        ) : (
          <BadgeImage
            key={badge.id}
            badgeId={badge.id}
            name={badge.name}
            images={badge.images}
            state={image.state}
            muted={image.muted}
            label={truthLabel(truth as BadgeTruth)}
            size={80}
            priority={priority}
            className="size-16 sm:size-20"
          />
        )}
        {times > 1 && (
          <span className="absolute -end-2 -top-1 rounded-full bg-accent px-1.5 text-xs font-bold text-on-accent tabular-nums">
            <span aria-hidden="true">×{times}</span>
            <span className="sr-only">
              {t('badge.earned-times', { count: times, times: timesWord(times) })}
            </span>
          </span>
        )}
      </div>
      <h3
        dir="auto"
        className="line-clamp-3 text-sm leading-snug font-semibold break-words [unicode-bidi:plaintext]"
      >
        <BadgeLink customer={customer} badgeId={badge.id}>
          {badge.name?.trim() || t('badge.unnamed')}
        </BadgeLink>
      </h3>
      {/* A locked badge's state, for a screen reader, when no line below says it (they do as a
          rule: "All claimed", "Opens Dec 18"; said twice, it was heard twice). */}
      {locked && truth !== null && truth.kind !== 'can-earn' && lines.length === 0 && (
        <p className="sr-only">{truthLabel(truth)}</p>
      )}
      {truth === null && (
        // A record on its way most often brings one line (in progress, earn by): its room now.
        <p aria-hidden="true" className="h-[1.03125rem] w-20 animate-pulse rounded bg-sunken" />
      )}
      {lines.map((line) => (
        <p key={line.text} className={`text-xs leading-snug ${toneClass[line.tone]}`}>
          {line.text}
        </p>
      ))}
      {showDescription && badge.description?.trim() && (
        <p dir="auto" className="api-text line-clamp-4 text-xs text-pretty text-ink-muted">
          {badge.description}
        </p>
      )}
      {rewards.length > 0 && (
        <p className="mt-auto flex max-w-full flex-col items-center gap-1">
          {rewards.slice(0, CARD_REWARDS).map((text, index) => (
            // A badge over for the member: its reward is not to be had, and is not shown as if it were.
            <RewardChip key={index} text={text} muted={dead} />
          ))}
          {moreRewards > 0 && (
            <span className="text-xs text-ink-muted">
              {t('badge.rewards-more', { count: moreRewards })}
            </span>
          )}
        </p>
      )}
    </li>
  )
})
