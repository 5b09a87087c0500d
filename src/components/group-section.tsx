import { useQuery } from '@tanstack/react-query'
import { useId, type ReactNode } from 'react'
import { type BadgeSection } from '../badges/order.ts'
import { badgeQueries } from '../queries/badges.ts'

/** The group's name from the badges, else from the group endpoint, else a neutral label. */
function useSectionName(section: BadgeSection): string {
  const lookup = useQuery({
    ...badgeQueries.group(section.groupId ?? ''),
    enabled: section.groupId !== null && section.name === null,
  })
  if (section.name !== null) return section.name
  if (section.groupId === null) return 'Other badges'
  return lookup.data?.name ?? 'More badges'
}

export function GroupSection({
  section,
  children,
}: {
  section: BadgeSection
  children: ReactNode
}) {
  const name = useSectionName(section)
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h2
        id={headingId}
        className="text-lg font-semibold break-words text-slate-900 [overflow-wrap:anywhere]"
      >
        {name}
      </h2>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">{children}</ul>
    </section>
  )
}
