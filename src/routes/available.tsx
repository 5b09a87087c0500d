import { useInfiniteQuery, useSuspenseInfiniteQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { type Customer } from '../api/client.ts'
import { groupCompletion } from '../badges/completion.ts'
import { groupBadges } from '../badges/order.ts'
import { AvailableBadgeCard } from '../components/available-badge-card.tsx'
import { GroupSection } from '../components/group-section.tsx'
import { LONG_LIST, LoadMore, useFocusFirstNew } from '../components/load-more.tsx'
import { QueryBoundary } from '../components/query-boundary.tsx'
import { ListSkeleton } from '../components/skeletons.tsx'
import { useNow } from '../components/use-now.ts'
import { badgeQueries, defaultLists } from '../queries/badges.ts'
import { customerPath, useCustomer } from './customer.ts'
import { t } from '../i18n/i18n.ts'
import { pageTitle } from '../config/brand.ts'

function AvailableBadges({ customer }: { customer: Customer }) {
  const now = useNow()
  const available = useSuspenseInfiniteQuery(badgeQueries.list(customer, defaultLists.available))
  // Secondary: without it the page still works, only the group completion is left out.
  const earned = useInfiniteQuery(badgeQueries.list(customer, defaultLists.earned))
  const badges = available.data.pages.flatMap((page) => page.badges)
  const total = available.data.pages[0]?.pagination.total ?? badges.length
  const focusFirstNew = useFocusFirstNew(badges.map((badge) => badge.id))
  const bothComplete = !available.hasNextPage && earned.data !== undefined && !earned.hasNextPage
  const completion = bothComplete
    ? groupCompletion(
        earned.data.pages.flatMap((page) => page.badges),
        badges,
      )
    : null

  if (badges.length === 0) {
    return (
      <div className="rounded-card bg-surface p-6 text-ink-muted shadow-sm">
        <p className="text-lg font-semibold text-ink">{t('available.empty.title')}</p>
        <p>{t('available.empty.detail')}</p>
        <Link to={customerPath(customer, 'earned')} className="button-secondary px-0">
          {t('available.empty.link')}
        </Link>
      </div>
    )
  }
  return (
    <div className={`flex flex-col gap-8 ${badges.length > LONG_LIST ? 'long-list' : ''}`}>
      {groupBadges(badges, { order: 'rank' }).map((section) => {
        const done = section.groupId === null ? undefined : completion?.get(section.groupId)
        return (
          <GroupSection
            key={section.key}
            section={section}
            layout="list"
            aside={
              done && (
                <p className="text-sm font-medium text-ink-muted">
                  {t('group.completion', { earned: done.earned, total: done.total })}
                </p>
              )
            }
          >
            {section.badges.map((badge) => (
              <AvailableBadgeCard key={badge.id} badge={badge} customer={customer} now={now} />
            ))}
          </GroupSection>
        )
      })}
      <LoadMore
        shown={badges.length}
        total={total}
        hasMore={available.hasNextPage}
        loading={available.isFetchingNextPage}
        failed={available.isFetchNextPageError}
        onMore={(asked) => {
          if (asked) focusFirstNew()
          void available.fetchNextPage({ cancelRefetch: false })
        }}
      />
    </div>
  )
}

export function AvailablePage() {
  const customer = useCustomer()
  return (
    <div className="flex flex-col gap-6">
      <title>{pageTitle(t('available.title'))}</title>
      <h1 className="text-2xl font-bold text-ink">{t('available.title')}</h1>
      <QueryBoundary fallback={<ListSkeleton label={t('available.loading')} layout="list" />}>
        <AvailableBadges customer={customer} />
      </QueryBoundary>
    </div>
  )
}
