import { memo } from 'react'
import { type Customer } from '../api/client.ts'
import { listBadgeState } from '../badges/display-state.ts'
import { type CustomerBadge } from '../badges/types.ts'
import { BadgeImage } from './badge-image.tsx'
import { BadgeLink } from './badge-link.tsx'
import { formatDate } from './format.ts'
import { benefitText, limitText } from './wording.ts'
import { t } from '../i18n/i18n.ts'

type Props = { badge: CustomerBadge; customer: Customer; now: number; priority?: boolean }

// Memoised: loading another page must not render the cards already shown again.
export const AvailableBadgeCard = memo(function AvailableBadgeCard({
  badge,
  customer,
  now,
  priority,
}: Props) {
  const state = listBadgeState(badge, 'AVAILABLE')
  const upcoming = badge.startsAt !== null && badge.startsAt > now
  const memberLimits = badge.limits.filter((limit) => limit.scope === 'member')
  return (
    <li className="badge-card relative flex gap-4 rounded-card border border-line bg-surface p-4 shadow-sm">
      <BadgeImage
        key={badge.id}
        badgeId={badge.id}
        name={badge.name}
        images={badge.images}
        state={state}
        size={80}
        priority={priority}
      />
      <div className="flex min-w-0 flex-col gap-1 text-sm text-ink-muted">
        <h3 dir="auto" className="api-text line-clamp-3 text-base font-semibold">
          <BadgeLink customer={customer} badgeId={badge.id}>
            {badge.name?.trim() || t('badge.unnamed')}
          </BadgeLink>
        </h3>
        {state === 'IN_PROGRESS' && (
          <p className="font-medium text-positive">
            {t('badge.earned-before', { count: badge.earnedCount ?? 0 })}
          </p>
        )}
        {badge.description?.trim() && (
          <p dir="auto" className="api-text line-clamp-4">
            {badge.description}
          </p>
        )}
        {badge.benefits.length > 0 && (
          <p>
            <span className="font-medium text-ink">{t('badge.reward')} </span>
            <span dir="auto" className="api-text">
              {badge.benefits.map(benefitText).join(' · ')}
            </span>
          </p>
        )}
        {memberLimits.map((limit, index) => (
          <p key={index}>{limitText(limit).rule}</p>
        ))}
        {upcoming && badge.startsAt !== null ? (
          <p className="font-medium text-ink">
            {t('badge.starts', { date: formatDate(badge.startsAt) })}
          </p>
        ) : (
          badge.expiresAt !== null && (
            <p>{t('badge.available-until', { date: formatDate(badge.expiresAt) })}</p>
          )
        )}
      </div>
    </li>
  )
})
