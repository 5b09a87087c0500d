import { useQuery } from '@tanstack/react-query'
import { type ReactNode, useId } from 'react'
import { type BadgeSection } from '../badges/order.ts'
import { badgeQueries } from '../queries/badges.ts'
import { t } from '../i18n/i18n.ts'

/** The group's name from its badges, else from the group endpoint, else a neutral label. */
export function useGroupName(groupId: string | null, known: string | null): string {
  const lookup = useQuery({
    ...badgeQueries.group(groupId ?? ''),
    enabled: groupId !== null && known === null,
  })
  if (known !== null) return known
  if (groupId === null) return t('group.other')
  return lookup.data?.name ?? t('group.unnamed')
}

type Props = {
  section: BadgeSection
  /** Overrides the group's name, for a list that is not grouped. */
  heading?: string
  aside?: ReactNode
  layout?: 'grid' | 'list'
  children: ReactNode
}

export function GroupSection({ section, heading, aside, layout = 'grid', children }: Props) {
  const name = useGroupName(section.groupId, section.name)
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4">
        <h2 id={headingId} dir="auto" className="api-text text-lg font-semibold text-ink">
          {heading ?? name}
        </h2>
        {aside}
      </div>
      <ul
        className={
          layout === 'grid'
            ? 'grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4'
            : 'grid gap-3 md:grid-cols-2'
        }
      >
        {children}
      </ul>
    </section>
  )
}
