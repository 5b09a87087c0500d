import { useSuspenseInfiniteQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { type Customer, customerPath } from '../badges/member.ts'
import { UNGROUPED } from '../badges/order.ts'
import { expiringSoon, type Judged, SOON_DAYS } from '../badges/standing.ts'
import { type CustomerBadge } from '../badges/types.ts'
import { BadgeList, EmptyState } from '../components/badge-list.tsx'
import { earnedCard, NothingEarned } from '../components/earned-parts.tsx'
import { useNow } from '../components/use-now.ts'
import { useReadToEnd } from '../components/use-read-to-end.ts'
import { useEarnedTruths } from '../components/use-truths.ts'
import { formatNumber, t } from '../i18n/i18n.ts'
import { badgeQueries, defaultLists } from '../queries/badges.ts'

// The earned view's list of badges expiring soon (`?soon=1`), in a chunk of its own: a member
// opens it now and then, and every first view of the earned list would carry it otherwise.

/**
 * The member's badges that run out within the month, soonest first: the summary's own rule on the
 * truths the cards show, over the summary's own list, all of it (a long list is read to its end
 * first, so the two count the same badges).
 */
export default function ExpiringBadges({
  customer,
  groupId,
}: {
  customer: Customer
  groupId: string | null
}) {
  const now = useNow()
  const { data, hasNextPage } = useSuspenseInfiniteQuery(
    badgeQueries.list(customer, defaultLists.earned),
  )
  const truths = useEarnedTruths(data.badges, now)
  const reading = useReadToEnd(customer, defaultLists.earned)

  if (data.badges.length === 0 && !hasNextPage) return <NothingEarned customer={customer} />
  const judged = data.badges.flatMap((badge): Judged[] => {
    const truth = truths.get(badge.id)
    return truth && (groupId === null || badge.groupId === groupId) ? [{ badge, truth }] : []
  })
  const badges: CustomerBadge[] = expiringSoon(judged, now).map(({ badge }) => badge)
  const days = formatNumber(SOON_DAYS)
  const failed = hasNextPage && reading.failed
  return (
    <div className="flex flex-col gap-4">
      {badges.length > 0 ? (
        <BadgeList
          badges={badges}
          total={badges.length}
          skipped={data.skipped}
          sections={[{ key: UNGROUPED, groupId: null, name: null, badges }]}
          heading={t('earned.soon.heading', { days })}
          renderCard={earnedCard(truths, customer, now)}
          paging={{ hasMore: false, loading: false, failed: false, fetchMore: () => undefined }}
        />
      ) : (
        !hasNextPage && (
          <EmptyState
            title={groupId === null ? t('earned.soon.none', { days }) : t('earned.no-match')}
          >
            <Link to={customerPath(customer, 'earned')} className="button-secondary px-0">
              {t('earned.soon.all')}
            </Link>
          </EmptyState>
        )
      )}
      {/* One region, always there, so each change is heard: how far the reading is, then what
          it found (the list or the empty state above says it to the eye). */}
      <p role="status" className={hasNextPage ? 'text-center text-sm text-ink-muted' : 'sr-only'}>
        {failed
          ? t('earned.soon.failed')
          : hasNextPage
            ? t('earned.soon.checking', {
                read: formatNumber(data.badges.length),
                total: formatNumber(data.total),
              })
            : t('earned.soon.found', { count: badges.length, days })}
      </p>
      {failed && (
        <button type="button" onClick={reading.retry} className="button-primary self-center">
          {t('error.retry')}
        </button>
      )}
    </div>
  )
}
