import { useInfiniteQuery, useSuspenseInfiniteQuery } from '@tanstack/react-query'
import { type ReactNode } from 'react'
import { Link, useSearchParams } from 'react-router'
import { groupCompletion } from '../badges/completion.ts'
import { type Customer, customerPath } from '../badges/member.ts'
import { type BadgeSection, groupBadges } from '../badges/order.ts'
import { earnableNow, judged, worthAimingFor } from '../badges/standing.ts'
import { type BadgeTruth } from '../badges/truth.ts'
import { type CustomerBadge } from '../badges/types.ts'
import { BadgeCard } from '../components/badge-card.tsx'
import { BadgeList, EmptyState } from '../components/badge-list.tsx'
import { FilterChips } from '../components/filter-chips.tsx'
import { QueryBoundary } from '../components/query-boundary.tsx'
import { ListSkeleton } from '../components/skeletons.tsx'
import { StandingSummary } from '../components/standing-summary.tsx'
import { StarterPicks } from '../components/starter-picks.tsx'
import { useCustomer, useMemberFailure } from '../components/use-customer.ts'
import { explain } from '../components/error-panel.tsx'
import { useNow } from '../components/use-now.ts'
import { useAvailableTruths } from '../components/use-truths.ts'
import { useReadToEnd } from '../components/use-read-to-end.ts'
import { t } from '../i18n/i18n.ts'
import { badgeQueries, defaultLists } from '../queries/badges.ts'
import { useFirstAnswer } from '../queries/first-answer.ts'
import { pageTitle } from '../config/brand.ts'
import { readyOnly } from './list-params.ts'

function AvailableBadges({ customer }: { customer: Customer }) {
  const now = useNow()
  const [search] = useSearchParams()
  const readyNow = readyOnly(search)
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
  const aside = (section: BadgeSection) => {
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
            to={customerPath(customer, 'earned', new URLSearchParams({ group: section.groupId }))}
            className="inline-flex min-h-6 items-center text-link underline underline-offset-2"
          >
            {line}
          </Link>
        )}
      </p>
    )
  }
  const renderCard = (badge: CustomerBadge, index: number) => (
    <BadgeCard
      key={badge.id}
      badge={badge}
      truth={truths.get(badge.id) ?? null}
      customer={customer}
      now={now}
      showDescription
      priority={index < 4}
    />
  )
  if (readyNow)
    return (
      <ReadyNow
        customer={customer}
        badges={badges}
        truths={truths}
        complete={!available.hasNextPage}
        skipped={skipped}
        aside={aside}
        renderCard={renderCard}
      />
    )
  // A member who has earned nothing yet sees a few good ones to start with, first.
  const all = judged(badges, truths)
  const starters =
    earned.data?.total === 0 && all.length === badges.length ? worthAimingFor(all, now) : []
  return (
    <>
      <StarterPicks picks={starters} customer={customer} now={now} />
      <BadgeList
        badges={badges}
        total={total}
        skipped={skipped}
        sections={groupBadges(badges, { order: 'rank' })}
        aside={aside}
        renderCard={renderCard}
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

type ReadyNowProps = {
  customer: Customer
  badges: CustomerBadge[]
  truths: ReadonlyMap<string, BadgeTruth | null>
  /** Every page of the list is in. */
  complete: boolean
  skipped: number
  aside: (section: BadgeSection) => ReactNode
  renderCard: (badge: CustomerBadge, index: number) => ReactNode
}

/**
 * The badges the member can earn now: the summary's "to earn now", its own rule on the truths the
 * cards show, over the whole list (read to its end first), so its number and these cards are the
 * same badges. (It led to the whole list: "7 to earn now" above 12 cards.)
 */
function ReadyNow({
  customer,
  badges,
  truths,
  complete,
  skipped,
  aside,
  renderCard,
}: ReadyNowProps) {
  const reading = useReadToEnd(customer, defaultLists.available)
  const all = judged(badges, truths)
  if (!complete || all.length < badges.length) {
    if (!reading.failed) return <ListSkeleton label={t('available.now.checking')} />
    return (
      <div className="flex flex-col items-start gap-3">
        <p role="alert" className="text-sm font-medium text-danger">
          {t('available.now.failed')}
        </p>
        <button type="button" onClick={reading.retry} className="button-primary">
          {t('error.retry')}
        </button>
      </div>
    )
  }
  const ready = earnableNow(all).map(({ badge }) => badge)
  if (ready.length === 0)
    return (
      <EmptyState title={t('available.now.none')}>
        <Link to={customerPath(customer, 'available')} className="button-secondary px-0">
          {t('available.now.all')}
        </Link>
      </EmptyState>
    )
  return (
    <BadgeList
      badges={ready}
      total={ready.length}
      skipped={skipped}
      sections={groupBadges(ready, { order: 'rank' })}
      aside={aside}
      renderCard={renderCard}
      paging={{ hasMore: false, loading: false, failed: false, fetchMore: () => undefined }}
    />
  )
}

export function AvailablePage() {
  const [search] = useSearchParams()
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
      {!memberFails && readyOnly(search) && (
        <FilterChips chips={[{ label: t('available.chip.now'), without: 'now' }]} />
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
