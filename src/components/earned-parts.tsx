import { Link } from 'react-router'
import { type Customer, customerPath } from '../badges/member.ts'
import { type BadgeTruth } from '../badges/truth.ts'
import { type CustomerBadge } from '../badges/types.ts'
import { t } from '../i18n/i18n.ts'
import { BadgeCard } from './badge-card.tsx'
import { EmptyState } from './badge-list.tsx'

// What the earned view's two lists (all the member's badges, and those expiring soon) draw alike.

/** A member who has earned nothing yet, on either earned list: where to start. */
export function NothingEarned({ customer }: { customer: Customer }) {
  return (
    <EmptyState title={t('earned.empty.title')} detail={t('earned.empty.detail')}>
      <Link to={customerPath(customer, 'available')} className="button-primary">
        {t('earned.empty.link')}
      </Link>
    </EmptyState>
  )
}

/** A card of either earned list: the first row's images load first. */
export const earnedCard =
  (truths: Map<string, BadgeTruth>, customer: Customer, now: number) =>
  (badge: CustomerBadge, index: number) => (
    <BadgeCard
      key={badge.id}
      badge={badge}
      truth={truths.get(badge.id) ?? null}
      customer={customer}
      now={now}
      priority={index < 4}
    />
  )
