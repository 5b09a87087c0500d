import { useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useRef } from 'react'
import { Link } from 'react-router'
import { type Customer, customerPath } from '../badges/member.ts'
import { encodeSegment } from '../badges/encode.ts'
import { startBadge } from '../queries/prefetch.ts'

const HOVER_DELAY_MS = 150

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
  const hover = useRef<ReturnType<typeof setTimeout>>(undefined)
  const prefetch = () => {
    startBadge(queryClient, customer, badgeId)
  }
  // A pointer passing over a grid of cards is not interest: wait for it to rest a moment, so a
  // sweep across the VIP's 300 badges does not spend the brand's rate limit.
  const onMouseEnter = () => {
    hover.current = setTimeout(prefetch, HOVER_DELAY_MS)
  }
  const onMouseLeave = () => clearTimeout(hover.current)
  return (
    <Link
      to={customerPath(customer, `badges/${encodeSegment(badgeId)}`)}
      state={{ fromList: true }}
      onMouseEnter={onMouseEnter}
      onMouseLeave={onMouseLeave}
      onFocus={prefetch}
      data-badge-link={badgeId}
      className="card-link"
    >
      {children}
    </Link>
  )
}
