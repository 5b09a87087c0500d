import { useInfiniteQuery, useSuspenseInfiniteQuery } from '@tanstack/react-query'
import { type ChangeEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import { type Customer } from '../api/client.ts'
import { groupBadges, UNGROUPED } from '../badges/order.ts'
import { EarnedBadgeCard } from '../components/earned-badge-card.tsx'
import { GroupSection, useGroupName } from '../components/group-section.tsx'
import { LONG_LIST, LoadMore, useFocusFirstNew } from '../components/load-more.tsx'
import { QueryBoundary } from '../components/query-boundary.tsx'
import { ListSkeleton } from '../components/skeletons.tsx'
import { useNow } from '../components/use-now.ts'
import { badgeQueries, defaultLists, type ListQuery } from '../queries/badges.ts'
import { customerPath, useCustomer } from './customer.ts'
import { earnedFilters, hasFilters, type SortParam, sortParam } from './list-params.ts'
import { t } from '../i18n/i18n.ts'
import { pageTitle } from '../config/brand.ts'

const sortKeys = ['rank', 'last-earned', 'last-event'] as const satisfies SortParam[]

function GroupOption({ groupId, name }: { groupId: string; name: string | null }) {
  return <option value={groupId}>{useGroupName(groupId, name)}</option>
}

function EarnedFilters({ customer }: { customer: Customer }) {
  const [search, setSearch] = useSearchParams()
  // The groups the member has badges in, from the default list the tab count already reads.
  const { data } = useInfiniteQuery(badgeQueries.list(customer, defaultLists.earned))
  const groups = new Map<string, string | null>()
  for (const badge of data?.pages.flatMap((page) => page.badges) ?? []) {
    if (badge.groupId !== null && !groups.get(badge.groupId))
      groups.set(badge.groupId, badge.groupName)
  }
  const selectedGroup = search.get('group') ?? ''
  if (selectedGroup && !groups.has(selectedGroup)) groups.set(selectedGroup, null)

  const update = (key: string, value: string | null) => {
    const next = new URLSearchParams(search)
    if (value === null) next.delete(key)
    else next.set(key, value)
    setSearch(next, { replace: true, preventScrollReset: true })
  }
  const onSort = (event: ChangeEvent<HTMLSelectElement>) =>
    update('sort', event.target.value === 'rank' ? null : event.target.value)

  return (
    <form
      aria-label={t('earned.filters')}
      className="flex flex-wrap items-end gap-x-5 gap-y-3 rounded-card bg-surface p-4 shadow-sm"
      onSubmit={(event) => event.preventDefault()}
    >
      <label className="flex flex-col text-sm font-medium text-ink">
        {t('earned.sort')}
        <select
          value={sortParam(search)}
          onChange={onSort}
          className="mt-1 min-h-11 rounded-lg border border-line-strong bg-surface px-2"
        >
          {sortKeys.map((value) => (
            <option key={value} value={value}>
              {t(`earned.sort.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-sm font-medium text-ink">
        {t('earned.group')}
        <select
          value={selectedGroup}
          onChange={(event) => update('group', event.target.value || null)}
          className="mt-1 min-h-11 max-w-60 rounded-lg border border-line-strong bg-surface px-2"
        >
          <option value="">{t('earned.all-groups')}</option>
          {[...groups].map(([groupId, name]) => (
            <GroupOption key={groupId} groupId={groupId} name={name} />
          ))}
        </select>
      </label>
      <label className="flex min-h-11 items-center gap-2 text-sm font-medium text-ink">
        <input
          type="checkbox"
          checked={search.get('expired') === '1'}
          onChange={(event) => update('expired', event.target.checked ? '1' : null)}
          className="size-5 accent-accent"
        />
        {t('earned.show-expired')}
      </label>
    </form>
  )
}

function EarnedBadges({ customer, filters }: { customer: Customer; filters: ListQuery }) {
  const [search] = useSearchParams()
  const now = useNow()
  const { data, hasNextPage, fetchNextPage, isFetchingNextPage, isFetchNextPageError } =
    useSuspenseInfiniteQuery(badgeQueries.list(customer, filters))
  const badges = data.pages.flatMap((page) => page.badges)
  const total = data.pages[0]?.pagination.total ?? badges.length
  const skipped = data.pages.reduce((sum, page) => sum + page.skipped, 0)
  const focusFirstNew = useFocusFirstNew(badges.map((badge) => badge.id))

  if (badges.length === 0) {
    return hasFilters(search) ? (
      <div className="rounded-card bg-surface p-6 text-ink-muted shadow-sm">
        <p>{t('earned.no-match')}</p>
        <Link to={customerPath(customer, 'earned')} className="button-secondary px-0">
          {t('earned.clear-filters')}
        </Link>
      </div>
    ) : (
      <div className="rounded-card bg-surface p-6 text-ink-muted shadow-sm">
        <p className="text-lg font-semibold text-ink">{t('earned.empty.title')}</p>
        <p>{t('earned.empty.detail')}</p>
        <Link to={customerPath(customer, 'available')} className="button-secondary px-0">
          {t('earned.empty.link')}
        </Link>
      </div>
    )
  }
  const byRank = filters.sortOn === 'RANK'
  const sections = byRank
    ? groupBadges(badges, { order: 'rank' })
    : [{ key: UNGROUPED, groupId: null, name: null, badges }]
  return (
    <div className={`flex flex-col gap-8 ${badges.length > LONG_LIST ? 'long-list' : ''}`}>
      {sections.map((section) => (
        <GroupSection
          key={section.key}
          section={section}
          heading={byRank ? undefined : t('earned.recent-first')}
        >
          {section.badges.map((badge) => (
            <EarnedBadgeCard key={badge.id} badge={badge} customer={customer} now={now} />
          ))}
        </GroupSection>
      ))}
      {skipped > 0 && (
        <p className="text-sm text-ink-muted">{t('list.skipped', { count: skipped })}</p>
      )}
      <LoadMore
        shown={badges.length}
        total={total}
        hasMore={hasNextPage}
        loading={isFetchingNextPage}
        failed={isFetchNextPageError}
        onMore={(asked) => {
          if (asked) focusFirstNew()
          void fetchNextPage({ cancelRefetch: false })
        }}
      />
    </div>
  )
}

export function EarnedPage() {
  const [search] = useSearchParams()
  const customer = useCustomer()
  return (
    <div className="flex flex-col gap-6">
      <title>{pageTitle(t('earned.title'))}</title>
      <h1 className="text-2xl font-bold text-ink">{t('earned.title')}</h1>
      <EarnedFilters customer={customer} />
      <QueryBoundary fallback={<ListSkeleton label={t('earned.loading')} layout="grid" />}>
        <EarnedBadges customer={customer} filters={earnedFilters(search)} />
      </QueryBoundary>
    </div>
  )
}
