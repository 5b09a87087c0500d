import { type QueryClient, useSuspenseInfiniteQuery } from '@tanstack/react-query'
import { Suspense } from 'react'
import { type LoaderFunctionArgs, useParams, useSearchParams } from 'react-router'
import { groupBadges, unnamedGroupIds } from '../badges/order.ts'
import { EarnedBadgeCard } from '../components/earned-badge-card.tsx'
import { useNow } from '../components/use-now.ts'
import { GroupSection } from '../components/group-section.tsx'
import { badgeQueries, type ListQuery } from '../queries/badges.ts'
import { customerFromRoute } from './customer.ts'

const filters: ListQuery = { badgeType: 'EARNED', sortOn: 'RANK' }

/** Starts the first page and, once it is in, the names of groups the badges do not name. */
export function earnedLoader(queryClient: QueryClient) {
  return ({ params, request }: LoaderFunctionArgs) => {
    const customer = customerFromRoute(params.customer, new URL(request.url).searchParams)
    void queryClient
      .infiniteQuery(badgeQueries.list(customer, filters))
      .then((data) => {
        const sections = groupBadges(
          data.pages.flatMap((page) => page.badges),
          { order: 'rank' },
        )
        for (const groupId of unnamedGroupIds(sections)) {
          void queryClient.query(badgeQueries.group(groupId)).catch(() => undefined)
        }
      })
      .catch(() => undefined)
    return null
  }
}

function EarnedBadges() {
  const params = useParams()
  const [search] = useSearchParams()
  const customer = customerFromRoute(params.customer, search)
  const { data, hasNextPage, fetchNextPage, isFetchingNextPage } = useSuspenseInfiniteQuery(
    badgeQueries.list(customer, filters),
  )
  const badges = data.pages.flatMap((page) => page.badges)
  const total = data.pages[0]?.pagination.total ?? badges.length
  const now = useNow()

  if (badges.length === 0) {
    return <p className="rounded-2xl bg-white p-6 text-slate-700">No badges earned yet.</p>
  }
  return (
    <div className="flex flex-col gap-8">
      <p className="text-sm text-slate-700">
        Showing {badges.length} of {total} earned badges
      </p>
      {groupBadges(badges, { order: 'rank' }).map((section) => (
        <GroupSection key={section.key} section={section}>
          {section.badges.map((badge) => (
            <EarnedBadgeCard key={badge.id} badge={badge} now={now} />
          ))}
        </GroupSection>
      ))}
      {hasNextPage && (
        <button
          type="button"
          onClick={() => void fetchNextPage()}
          disabled={isFetchingNextPage}
          className="self-center rounded-full bg-slate-900 px-5 py-2 font-medium text-white focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:opacity-70"
        >
          {isFetchingNextPage ? 'Loading more badges…' : 'Show more badges'}
        </button>
      )}
    </div>
  )
}

function EarnedSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading earned badges" className="flex flex-col gap-3">
      <div className="h-7 w-40 animate-pulse rounded bg-slate-200" />
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <li key={i} className="h-52 animate-pulse rounded-2xl bg-slate-200" />
        ))}
      </ul>
    </div>
  )
}

export function EarnedPage() {
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold text-slate-900">Earned badges</h1>
      <Suspense fallback={<EarnedSkeleton />}>
        <EarnedBadges />
      </Suspense>
    </>
  )
}
