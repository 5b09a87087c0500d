import { expiryStatus } from '../badges/expiry.ts'
import { type CustomerBadge } from '../badges/types.ts'
import { BadgeImage } from './badge-image.tsx'
import { formatDate, formatNumber, formatRelative } from './format.ts'

type Props = { badge: CustomerBadge; now: number }

export function EarnedBadgeCard({ badge, now }: Props) {
  const expiry = expiryStatus(badge.expiresAt, now)
  const expired = expiry.kind === 'expired'
  const times = badge.earnedCount ?? 1
  return (
    <li
      className={`flex flex-col items-center gap-2 rounded-2xl border border-slate-200 bg-white p-4 text-center shadow-sm ${expired ? 'opacity-70' : ''}`}
    >
      <BadgeImage
        key={badge.id}
        badgeId={badge.id}
        name={badge.name}
        images={badge.images}
        state="EARNED"
        size={96}
      />
      <h3 className="line-clamp-2 font-semibold break-words text-slate-900 [overflow-wrap:anywhere]">
        {badge.name?.trim() || 'Unnamed badge'}
      </h3>
      <dl className="text-sm text-slate-700">
        {times > 1 && (
          <div>
            <dt className="sr-only">Times earned</dt>
            <dd>Earned {formatNumber(times)} times</dd>
          </div>
        )}
        {badge.lastEarnedAt !== null && (
          <div>
            <dt className="inline">Last earned </dt>
            <dd className="inline">
              <time dateTime={new Date(badge.lastEarnedAt).toISOString()}>
                {formatDate(badge.lastEarnedAt)}
              </time>
            </dd>
          </div>
        )}
        {expiry.kind !== 'none' && (
          <div>
            <dt className="sr-only">Expiry</dt>
            <dd className={expired ? 'font-medium text-slate-800' : ''}>
              {expired ? (
                <>Expired {formatDate(expiry.at)}</>
              ) : (
                <time dateTime={new Date(expiry.at).toISOString()} title={formatDate(expiry.at)}>
                  Expires {formatRelative(expiry.at, now)}
                </time>
              )}
            </dd>
          </div>
        )}
      </dl>
    </li>
  )
}
