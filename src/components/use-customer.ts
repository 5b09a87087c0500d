import { useMemo } from 'react'
import { useParams, useSearchParams } from 'react-router'
import { type Customer, customerFromRoute } from '../badges/member.ts'

/** The route's member, the same object while it stays the same member (memoised cards rely on it). */
export function useCustomer(): Customer {
  const { customer: param } = useParams()
  const [search] = useSearchParams()
  const by = search.get('by')
  return useMemo(() => customerFromRoute(param, new URLSearchParams(by ? { by } : {})), [param, by])
}
