import { useInfiniteQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useParams, useSearchParams } from 'react-router'
import { failsTheMember } from '../badges/failure.ts'
import { type Customer, customerFromRoute } from '../badges/member.ts'
import { badgeQueries, defaultLists } from '../queries/badges.ts'

/** The route's member, the same object while it stays the same member (memoised cards rely on it). */
export function useCustomer(): Customer {
  const { customer: param } = useParams()
  const [search] = useSearchParams()
  const by = search.get('by')
  return useMemo(() => customerFromRoute(param, new URLSearchParams(by ? { by } : {})), [param, by])
}

// A page with no member (the root, an unknown address) asks nothing.
const NO_MEMBER: Customer = { id: '', by: null }

/**
 * Why the member cannot be shown at all (unknown, signed out, not allowed), or null, from the
 * earned list every view's tabs already read: the views then drop their tabs and headings, and
 * the page is named by the error.
 */
export function useMemberFailure(customer: Customer | null): unknown {
  const { error } = useInfiniteQuery({
    ...badgeQueries.list(customer ?? NO_MEMBER, defaultLists.earned),
    enabled: customer !== null,
  })
  return customer !== null && failsTheMember(error) ? error : null
}
