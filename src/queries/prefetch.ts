import { type QueryClient } from '@tanstack/react-query'
import { type Customer } from '../badges/member.ts'
import { groupBadges, unnamedGroupIds } from '../badges/order.ts'
import { badgeQueries, type ListQuery } from './badges.ts'

const ignore = () => undefined

/**
 * Starts a list's first page and, as soon as it is in, the names of the groups its badges do not
 * name. Not awaited: the page shows its skeleton and reads the same queries.
 */
export function startList(queryClient: QueryClient, customer: Customer, filters: ListQuery) {
  void queryClient
    .infiniteQuery(badgeQueries.list(customer, filters))
    .then((data) => {
      const sections = groupBadges(data.badges, { order: 'as-returned' })
      for (const groupId of unnamedGroupIds(sections)) {
        void queryClient.query(badgeQueries.group(groupId)).catch(ignore)
      }
    })
    .catch(ignore)
}

export function startBadge(queryClient: QueryClient, customer: Customer, badgeId: string) {
  void queryClient.query(badgeQueries.memberBadge(customer, badgeId)).catch(ignore)
  void queryClient.query(badgeQueries.meta(badgeId)).catch(ignore)
}
