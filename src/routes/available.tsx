import { useInfiniteQuery, useSuspenseInfiniteQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { groupCompletion } from '../badges/completion.ts'
import { type Customer, customerPath } from '../badges/member.ts'
import { groupBadges } from '../badges/order.ts'
import { judged, worthAimingFor } from '../badges/standing.ts'
import { BadgeCard } from '../components/badge-card.tsx'
import { BadgeList, EmptyState } from '../components/badge-list.tsx'
import { QueryBoundary } from '../components/query-boundary.tsx'
import { ListSkeleton } from '../components/skeletons.tsx'
import { StandingSummary } from '../components/standing-summary.tsx'
import { StarterPicks } from '../components/starter-picks.tsx'
import { useCustomer, useMemberFailure } from '../components/use-customer.ts'
import { explain } from '../components/error-panel.tsx'
import { useNow } from '../components/use-now.ts'
import { useAvailableTruths } from '../components/use-truths.ts'
import { t } from '../i18n/i18n.ts'
import { badgeQueries, defaultLists } from '../queries/badges.ts'
import { useFirstAnswer } from '../queries/first-answer.ts'
import { pageTitle } from '../config/brand.ts'

function AvailableBadges({ customer }: { customer: Customer }) {
  const now = useNow()
  const available = useSuspenseInfiniteQuery(badgeQueries.list(customer, defaultLists.available))
  // Which of these the member holds, and the groups' completion; the page works without it. Its
  // first answer is awaited (started alongside this list): painted before it, the cards of badges
  // the member holds would wait on their line, and each group's "you have n of m" would push the
  // cards below it down when it arrived.
  useFirstAnswer(badgeQueries.list(customer, defaultLists.earned).queryKey)
  const earned = useInfiniteQuery(badgeQueries.list(customer, defaultLists.earned))
  const { badges, total, skipped } = available.data
  const truths = useAvailableTruths(
    customer,
    badges,
    {
      badges: earned.data?.badges,
      complete: earned.data !== undefined && !earned.hasNextPage,
      failed: earned.isError,
    },
    now,
  )
  const bothComplete = !available.hasNextPage && earned.data !== undefined && !earned.hasNextPage
  const completion = bothComplete ? groupCompletion(earned.data.badges, badges) : null

  if (badges.length === 0) {
    return (
      <EmptyState title={t('available.empty.title')} detail={t('available.empty.detail')}>
        <Link to={customerPath(customer, 'earned')} className="button-primary">
          {t('available.empty.link')}
        </Link>
      </EmptyState>
    )
  }
  // A member who has earned nothing yet sees a few good ones to start with, first.
  const all = judged(badges, truths)
  const starters =
    earned.data?.total === 0 && all.length === badges.length ? worthAimingFor(all, now) : []
  const sections = groupBadges(badges, { order: 'rank' })
  return (
    <>
      <StarterPicks picks={starters} customer={customer} now={now} />
      <BadgeList
        badges={badges}
        total={total}
        skipped={skipped}
        sections={sections}
        aside={(section) => {
          const done = section.groupId === null ? undefined : completion?.get(section.groupId)
          // A section without a count (badges in no group) keeps its room, so its cards line up with
          // those of the group beside it: above its heading, which stays by its cards (below it, an
          // empty line parted them).
          if (done === undefined || section.groupId === null)
            return <span aria-hidden="true" className="order-first min-h-6" />
          const line = t('group.completion', { held: done.held, total: done.total })
          // The count takes in the group's badges the member holds that are no longer on offer
          // (First Sip: "You have 2 of 4" above three cards): it opens the ones they hold, on the
          // Earned tab.
          // (24 px high, link or not: a target a finger can take, and side-by-side groups line up.)
          return (
            <p className="flex min-h-6 items-center text-xs font-medium text-ink-muted">
              {done.held === 0 ? (
                line
              ) : (
                <Link
                  to={customerPath(
                    customer,
                    'earned',
                    new URLSearchParams({ group: section.groupId }),
                  )}
                  className="inline-flex min-h-6 items-center text-link underline underline-offset-2"
                >
                  {line}
                </Link>
              )}
            </p>
          )
        }}
        renderCard={(badge, index) => (
          <BadgeCard
            key={badge.id}
            badge={badge}
            truth={truths.get(badge.id) ?? null}
            customer={customer}
            now={now}
            showDescription
            priority={index < 4}
          />
        )}
        paging={{
          hasMore: available.hasNextPage,
          loading: available.isFetchingNextPage,
          failed: available.isFetchNextPageError,
          fetchMore: () => void available.fetchNextPage({ cancelRefetch: false }),
        }}
      />
    </>
  )
}

export function AvailablePage() {
  const customer = useCustomer()
  // A member who cannot be shown gets the reason as the page's heading, not a list's title.
  const failure = useMemberFailure(customer)
  const memberFails = failure !== null
  return (
    <div className="flex flex-col gap-4">
      <title>{pageTitle(memberFails ? explain(failure).title : t('available.title'))}</title>
      <StandingSummary customer={customer} />
      {!memberFails && (
        <h1 className="text-xl font-bold text-ink sm:text-2xl">{t('available.title')}</h1>
      )}
      <QueryBoundary
        fallback={<ListSkeleton label={t('available.loading')} />}
        headingLevel={memberFails ? 1 : 2}
      >
        <AvailableBadges customer={customer} />
      </QueryBoundary>
    </div>
  )
}
