import { useQueryClient } from '@tanstack/react-query'
import { type ReactNode } from 'react'
import { Link } from 'react-router'
import { type Customer } from '../api/client.ts'
import { badgeQueries } from '../queries/badges.ts'
import { loadBadgeDetailPage } from '../routes/badge-detail-loader.ts'
import { customerPath } from '../routes/customer.ts'

/** A link to a badge's detail that starts loading it when the member hovers or focuses it. */
export function BadgeLink({
  customer,
  badgeId,
  children,
}: {
  customer: Customer
  badgeId: string
  children: ReactNode
}) {
  const queryClient = useQueryClient()
  const prefetch = () => {
    void loadBadgeDetailPage().catch(() => undefined)
    void queryClient.query(badgeQueries.memberBadge(customer, badgeId)).catch(() => undefined)
    void queryClient.query(badgeQueries.meta(badgeId)).catch(() => undefined)
  }
  return (
    <Link
      to={customerPath(customer, `badges/${encodeURIComponent(badgeId)}`)}
      state={{ fromList: true }}
      onMouseEnter={prefetch}
      onFocus={prefetch}
      className="card-link"
    >
      {children}
    </Link>
  )
}
