import { memo } from 'react'
import { type Customer } from '../api/client.ts'
import { expiryStatus } from '../badges/expiry.ts'
import { type CustomerBadge } from '../badges/types.ts'
import { BadgeImage } from './badge-image.tsx'
import { BadgeLink } from './badge-link.tsx'
import { formatDate, formatRelative } from './format.ts'
import { t } from '../i18n/i18n.ts'

type Props = { badge: CustomerBadge; customer: Customer; now: number; priority?: boolean }

// Memoised: loading another page must not render the cards already shown again.
export const EarnedBadgeCard = memo(function EarnedBadgeCard({
  badge,
  customer,
  now,
  priority,
}: Props) {
  const expiry = expiryStatus(badge.expiresAt, now)
  const expired = expiry.kind === 'expired'
  const times = badge.earnedCount ?? 1
  return (
    <li
      className={`badge-card relative flex flex-col items-center gap-2 rounded-card border p-4 text-center shadow-sm ${expired ? 'border-dashed border-line-strong bg-sunken' : 'border-line bg-surface'}`}
    >
      <BadgeImage
        key={badge.id}
        badgeId={badge.id}
        name={badge.name}
        images={badge.images}
        state="EARNED"
        size={96}
        priority={priority}
        muted={expired}
      />
      <h3 dir="auto" className="api-text line-clamp-3 font-semibold">
        <BadgeLink customer={customer} badgeId={badge.id}>
          {badge.name?.trim() || t('badge.unnamed')}
        </BadgeLink>
      </h3>
      {expired && (
        <p className="rounded-full bg-ink px-2 py-0.5 text-xs font-semibold text-surface">
          {t('badge.expired')}
        </p>
      )}
      <dl className="text-sm text-ink-muted">
        {times > 1 && (
          <div>
            <dt className="sr-only">{t('badge.times-earned')}</dt>
            <dd>{t('badge.earned-times', { count: times })}</dd>
          </div>
        )}
        {badge.lastEarnedAt !== null && (
          <div>
            <dt className="inline">{t('badge.last-earned')} </dt>
            <dd className="inline">
              <time dateTime={new Date(badge.lastEarnedAt).toISOString()}>
                {formatDate(badge.lastEarnedAt)}
              </time>
            </dd>
          </div>
        )}
        {expiry.kind !== 'none' && (
          <div>
            <dt className="sr-only">{t('badge.expiry')}</dt>
            <dd>
              {expired ? (
                <>{t('badge.expired-on', { date: formatDate(expiry.at) })}</>
              ) : (
                <time dateTime={new Date(expiry.at).toISOString()} title={formatDate(expiry.at)}>
                  {t('badge.expires', { relative: formatRelative(expiry.at, now) })}
                </time>
              )}
            </dd>
          </div>
        )}
      </dl>
    </li>
  )
})
