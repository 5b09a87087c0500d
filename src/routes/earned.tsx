import { useInfiniteQuery, useSuspenseInfiniteQuery } from '@tanstack/react-query'
import { type ChangeEvent, useEffect, useId, useRef } from 'react'
import { Link, useLocation, useSearchParams } from 'react-router'
import { type Customer, customerPath } from '../badges/member.ts'
import { groupBadges, UNGROUPED } from '../badges/order.ts'
import { expiringSoon, judged, SOON_DAYS } from '../badges/standing.ts'
import { type BadgeTruth } from '../badges/truth.ts'
import { type CustomerBadge } from '../badges/types.ts'
import { BadgeCard } from '../components/badge-card.tsx'
import { BadgeList, EmptyState } from '../components/badge-list.tsx'
import { type Chip, FilterChips } from '../components/filter-chips.tsx'
import { useGroupName, useGroupNameIn } from '../components/group-section.tsx'
import { QueryBoundary } from '../components/query-boundary.tsx'
import { ListSkeleton } from '../components/skeletons.tsx'
import { StandingSummary } from '../components/standing-summary.tsx'
import { useCustomer, useMemberFailure } from '../components/use-customer.ts'
import { explain } from '../components/error-panel.tsx'
import { useNow } from '../components/use-now.ts'
import { useReadToEnd } from '../components/use-read-to-end.ts'
import { useEarnedTruths } from '../components/use-truths.ts'
import { formatNumber, t } from '../i18n/i18n.ts'
import { badgeQueries, defaultLists, type ListQuery } from '../queries/badges.ts'
import {
  earnedFilters,
  groupParam,
  hasFilters,
  soonOnly,
  type SortParam,
  sortParam,
} from './list-params.ts'
import { pageTitle } from '../config/brand.ts'

const sortKeys = ['rank', 'last-earned', 'last-event'] as const satisfies SortParam[]

function GroupOption({ groupId, name }: { groupId: string; name: string | null }) {
  return <option value={groupId}>{useGroupName(groupId, name)}</option>
}

const selectClass =
  'min-h-11 w-full rounded-lg border border-line-strong bg-surface px-2 text-sm text-ink sm:w-auto sm:max-w-56'

/** Sort, group and "show expired", folded into one button so the badges come first on a phone. */
function EarnedFilters({ customer }: { customer: Customer }) {
  const [search, setSearch] = useSearchParams()
  const panelId = useId()
  const disclosure = useRef<HTMLDetailsElement>(null)
  const chosen = useRef<URLSearchParams | null>(null)
  // Once a navigation has landed (this choice, or any other that overtook it, even to the same
  // address), the address is the base again.
  const { key } = useLocation()
  useEffect(() => {
    chosen.current = null
  }, [key])
  // The panel floats over the badges: a press anywhere else, or Escape, puts it away.
  useEffect(() => {
    const close = (event: Event) => {
      const details = disclosure.current
      if (!details?.open) return
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return
        details.open = false
        details.querySelector('summary')?.focus()
      } else if (!details.contains(event.target as Node)) details.open = false
    }
    document.addEventListener('pointerdown', close)
    document.addEventListener('keydown', close)
    return () => {
      document.removeEventListener('pointerdown', close)
      document.removeEventListener('keydown', close)
    }
  }, [])
  // The groups the member has badges in, from the default list the tab count already reads.
  const { data } = useInfiniteQuery(badgeQueries.list(customer, defaultLists.earned))
  const groups = new Map<string, string | null>()
  for (const badge of data?.badges ?? []) {
    if (badge.groupId !== null && !groups.get(badge.groupId))
      groups.set(badge.groupId, badge.groupName)
  }
  // An unknown member, or a list that failed, gets no controls: there is nothing to sort.
  if (data === undefined || data.total === 0) return null
  const selectedGroup = search.get('group') ?? ''
  if (selectedGroup && !groups.has(selectedGroup)) groups.set(selectedGroup, null)
  const active = hasFilters(search)
  const soon = soonOnly(search)

  const update = (changes: Record<string, string | null>) => {
    // From the last choice made, not the address this render read: a second choice before the
    // first has reached the address (two quick ones, or two kept from before the app ran) must
    // not undo it.
    const next = new URLSearchParams(chosen.current ?? search)
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key)
      else next.set(key, value)
    }
    chosen.current = next
    setSearch(next, { replace: true, preventScrollReset: true })
  }
  const onSort = (event: ChangeEvent<HTMLSelectElement>) =>
    update({ sort: event.target.value === 'rank' ? null : event.target.value })

  return (
    // Closed when the page opens, filters or not: open, it floated over the first badges of a
    // shared or reloaded link until the member pressed elsewhere. The dot says filters are on.
    <details ref={disclosure} className="group/filters relative">
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-full border border-line-strong bg-surface px-4 text-sm font-medium text-ink [&::-webkit-details-marker]:hidden">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current">
          <path d="M3 5h14v2H3zm3 4h8v2H6zm2 4h4v2H8z" />
        </svg>
        <span className="max-[400px]:sr-only">{t('list.filters.open')}</span>
        {active && (
          <>
            <span aria-hidden="true" className="size-2 rounded-full bg-accent" />
            <span className="sr-only">{t('list.filters.on')}</span>
          </>
        )}
      </summary>
      <form
        id={panelId}
        aria-label={t('earned.filters')}
        className="absolute end-0 z-10 mt-2 flex w-72 max-w-[calc(100vw-2rem)] flex-col gap-3 rounded-card border border-line bg-surface p-4 shadow-lg"
        onSubmit={(event) => event.preventDefault()}
      >
        {/* First, so nothing moves above it as it hides the sort and "show expired" (a list of
            badges still held, soonest to run out first: neither applies), which it clears. */}
        <label className="flex min-h-11 items-center gap-2 text-sm font-medium text-ink">
          <input
            type="checkbox"
            checked={soon}
            onChange={(event) =>
              update(
                event.target.checked ? { soon: '1', sort: null, expired: null } : { soon: null },
              )
            }
            className="size-5 accent-accent"
          />
          {t('earned.only-soon', { days: formatNumber(SOON_DAYS) })}
        </label>
        {!soon && (
          <label className="flex flex-col gap-1 text-sm font-medium text-ink">
            {t('earned.sort')}
            <select value={sortParam(search)} onChange={onSort} className={selectClass}>
              {sortKeys.map((value) => (
                <option key={value} value={value}>
                  {t(`earned.sort.${value}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="flex flex-col gap-1 text-sm font-medium text-ink">
          {t('earned.group')}
          <select
            value={selectedGroup}
            onChange={(event) => update({ group: event.target.value || null })}
            className={selectClass}
          >
            <option value="">{t('earned.all-groups')}</option>
            {[...groups].map(([groupId, name]) => (
              <GroupOption key={groupId} groupId={groupId} name={name} />
            ))}
          </select>
        </label>
        {!soon && (
          <label className="flex min-h-11 items-center gap-2 text-sm font-medium text-ink">
            <input
              type="checkbox"
              checked={search.get('expired') === '1'}
              onChange={(event) => update({ expired: event.target.checked ? '1' : null })}
              className="size-5 accent-accent"
            />
            {t('earned.show-expired')}
          </label>
        )}
      </form>
    </details>
  )
}

/**
 * The filters that are on, under the heading: a list narrowed to one group, or with its expired
 * badges, says so where the member reads, not only by a dot on a closed button.
 */
function ActiveFilters({ customer }: { customer: Customer }) {
  const [search] = useSearchParams()
  const { data } = useInfiniteQuery(badgeQueries.list(customer, defaultLists.earned))
  const groupId = groupParam(search)
  const groupName = useGroupNameIn(data?.badges, groupId)
  const sort = sortParam(search)
  const soon = soonOnly(search)
  const chips: Chip[] = []
  if (soon)
    chips.push({
      label: t('earned.chip.soon', { days: formatNumber(SOON_DAYS) }),
      without: 'soon',
    })
  if (!soon && sort !== 'rank') chips.push({ label: t(`earned.sort.${sort}`), without: 'sort' })
  if (groupId !== null) chips.push({ label: groupName, without: 'group' })
  if (!soon && search.get('expired') === '1')
    chips.push({ label: t('earned.chip.expired'), without: 'expired' })
  return <FilterChips chips={chips} />
}

/** A member who has earned nothing yet, on either earned list: where to start. */
function NothingEarned({ customer }: { customer: Customer }) {
  return (
    <EmptyState title={t('earned.empty.title')} detail={t('earned.empty.detail')}>
      <Link to={customerPath(customer, 'available')} className="button-primary">
        {t('earned.empty.link')}
      </Link>
    </EmptyState>
  )
}

/** A card of either earned list: the first row's images load first. */
const earnedCard =
  (truths: Map<string, BadgeTruth>, customer: Customer, now: number, byActivity = false) =>
  (badge: CustomerBadge, index: number) => (
    <BadgeCard
      key={badge.id}
      badge={badge}
      truth={truths.get(badge.id) ?? null}
      customer={customer}
      now={now}
      priority={index < 4}
      byActivity={byActivity}
    />
  )

/**
 * The member's badges that run out within the month, soonest first: the summary's own rule on the
 * truths the cards show, over the summary's own list, all of it (a long list is read to its end
 * first, so the two count the same badges).
 */
function ExpiringBadges({ customer, groupId }: { customer: Customer; groupId: string | null }) {
  const now = useNow()
  const { data, hasNextPage } = useSuspenseInfiniteQuery(
    badgeQueries.list(customer, defaultLists.earned),
  )
  const truths = useEarnedTruths(data.badges, now)
  const reading = useReadToEnd(customer, defaultLists.earned)
  const named = useGroupNameIn(data.badges, groupId)
  const groupName = groupId === null ? null : named

  if (data.badges.length === 0 && !hasNextPage) return <NothingEarned customer={customer} />
  const inGroup =
    groupId === null ? data.badges : data.badges.filter((badge) => badge.groupId === groupId)
  const badges = expiringSoon(judged(inGroup, truths), now).map(({ badge }) => badge)
  const days = formatNumber(SOON_DAYS)
  // With a group chosen, every sentence names it: "none expire" of one group is not of them all.
  const said = (key: 'heading' | 'none' | 'found') =>
    t(groupName === null ? `earned.soon.${key}` : `earned.soon.${key}.group`, {
      count: badges.length,
      days,
      group: groupName ?? '',
    })
  const failed = hasNextPage && reading.failed
  return (
    <div className="flex flex-col gap-4">
      {badges.length > 0 ? (
        <BadgeList
          badges={badges}
          total={badges.length}
          skipped={data.skipped}
          sections={[{ key: UNGROUPED, groupId: null, name: null, badges }]}
          heading={said('heading')}
          renderCard={earnedCard(truths, customer, now)}
          paging={{ hasMore: false, loading: false, failed: false, fetchMore: () => undefined }}
        />
      ) : (
        !hasNextPage && (
          <EmptyState title={said('none')}>
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
            : said('found')}
      </p>
      {failed && (
        <button type="button" onClick={reading.retry} className="button-primary self-center">
          {t('error.retry')}
        </button>
      )}
    </div>
  )
}

function EarnedBadges({ customer, filters }: { customer: Customer; filters: ListQuery }) {
  const [search] = useSearchParams()
  const now = useNow()
  const { data, hasNextPage, fetchNextPage, isFetchingNextPage, isFetchNextPageError } =
    useSuspenseInfiniteQuery(badgeQueries.list(customer, filters))
  const truths = useEarnedTruths(data.badges, now)

  if (data.badges.length === 0) {
    return hasFilters(search) ? (
      <EmptyState title={t('earned.no-match')}>
        <Link to={customerPath(customer, 'earned')} className="button-secondary px-0">
          {t('earned.clear-filters')}
        </Link>
      </EmptyState>
    ) : (
      <NothingEarned customer={customer} />
    )
  }
  const byRank = filters.sortOn === 'RANK'
  const byActivity = filters.sortOn === 'LAST_EARNED_EVENT_DATE'
  return (
    <BadgeList
      badges={data.badges}
      total={data.total}
      withExpired={filters.includeExpired === true}
      skipped={data.skipped}
      sections={
        byRank
          ? groupBadges(data.badges, { order: 'rank' })
          : [{ key: UNGROUPED, groupId: null, name: null, badges: data.badges }]
      }
      // In order of the activity that earned each badge: its date is on the cards, and the
      // heading says so (else the two date sorts looked the same).
      heading={
        byRank ? undefined : t(byActivity ? 'earned.recent-activity-first' : 'earned.recent-first')
      }
      renderCard={earnedCard(truths, customer, now, byActivity)}
      paging={{
        hasMore: hasNextPage,
        loading: isFetchingNextPage,
        failed: isFetchNextPageError,
        fetchMore: () => void fetchNextPage({ cancelRefetch: false }),
      }}
    />
  )
}

export function EarnedPage() {
  const [search] = useSearchParams()
  const customer = useCustomer()
  // A member who cannot be shown gets the reason as the page's heading, not a list's title.
  const failure = useMemberFailure(customer)
  const memberFails = failure !== null
  return (
    <div className="flex flex-col gap-4">
      <title>{pageTitle(memberFails ? explain(failure).title : t('earned.title'))}</title>
      <StandingSummary customer={customer} />
      {!memberFails && (
        <div className="flex min-h-11 items-center justify-between gap-3">
          <h1 className="text-xl font-bold text-ink sm:text-2xl">{t('earned.title')}</h1>
          <EarnedFilters customer={customer} />
        </div>
      )}
      {!memberFails && <ActiveFilters customer={customer} />}
      <QueryBoundary
        fallback={<ListSkeleton label={t('earned.loading')} />}
        headingLevel={memberFails ? 1 : 2}
      >
        {soonOnly(search) ? (
          <ExpiringBadges customer={customer} groupId={groupParam(search)} />
        ) : (
          <EarnedBadges customer={customer} filters={earnedFilters(search)} />
        )}
      </QueryBoundary>
    </div>
  )
}
