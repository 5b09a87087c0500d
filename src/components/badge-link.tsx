import { useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useRef } from 'react'
import { Link, useLocation } from 'react-router'
import { type Customer, customerPath } from '../badges/member.ts'
import { encodeSegment } from '../badges/encode.ts'
import { startBadge } from '../queries/prefetch.ts'
import { useBrowserValue } from './browser-value.ts'

const HOVER_DELAY_MS = 150

/** The list a badge's page was opened from, kept in history state: its back link names it and
 *  its tab stays marked. */
export type FromList = 'earned' | 'available'

function listOf(pathname: string): FromList {
  return pathname.endsWith('/available') ? 'available' : 'earned'
}

/** The history state a link to a badge carries from the list it is on (cards, summary, news). */
export function useListState(): { fromList: FromList } {
  return { fromList: listOf(useLocation().pathname) }
}

/** The list this page was opened from, or null when it was opened directly (a link, a reload).
 *  History state is something the server never sees: a page it rendered is taken over as drawn,
 *  as if opened directly, and changes just after. */
export function useFromList(): FromList | null {
  const state: unknown = useLocation().state
  const from =
    typeof state === 'object' &&
    state !== null &&
    'fromList' in state &&
    (state.fromList === 'earned' || state.fromList === 'available')
      ? state.fromList
      : null
  return useBrowserValue(() => from, null)
}

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
  const state = useListState()
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
      state={state}
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
