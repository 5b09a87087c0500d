import { useQuery } from '@tanstack/react-query'
import { type ReactNode, startTransition, useEffect, useId, useState } from 'react'
import { type BadgeSection } from '../badges/order.ts'
import { type CustomerBadge } from '../badges/types.ts'
import { t } from '../i18n/i18n.ts'
import { badgeQueries } from '../queries/badges.ts'

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

/** A group's name as a list of badges gives it (a badge of the group in it), else asked for. */
export function useGroupNameIn(
  badges: readonly CustomerBadge[] | undefined,
  groupId: string | null,
) {
  const known = badges?.find((badge) => badge.groupId === groupId)?.groupName ?? null
  return useGroupName(groupId, known)
}

/** The most columns the flow has (index.css, .group-flow): a group spans at most that many. */
export const MAX_COLUMNS = 5

/**
 * Badges a folded group shows before "See all": whole rows at 2, 3 and 4 columns; at 5 the last
 * two are hidden (index.css, `.group-cards[data-preview]`), so it shows two whole rows there too.
 */
export const PREVIEW = 12

/**
 * Cards an opened group adds per step: a group of thousands opens a few rows per task instead of
 * blocking the page for seconds in one (a row left part-filled at 5 columns fills at the next step).
 */
export const CHUNK = 48

/** How many of a group's badges are on the page: its preview, or all of them a step at a time. */
function useShownCount(count: number, foldable: boolean, all: boolean): number {
  const wanted = foldable && !all ? Math.min(count, PREVIEW) : count
  const [limit, setLimit] = useState(wanted)
  // Folded again: the next "See all" starts from the preview, a step at a time, once more.
  if (limit > wanted) setLimit(wanted)
  // The press itself shows the first step; a group that fits in it opens at once, as before.
  const shown = Math.min(wanted, Math.max(limit, PREVIEW + CHUNK))
  useEffect(() => {
    if (shown >= wanted) return
    const step = setTimeout(() => startTransition(() => setLimit(shown + CHUNK)), 0)
    return () => clearTimeout(step)
  }, [shown, wanted])
  return shown
}

type Props = {
  section: BadgeSection
  /** Overrides the group's name, for a list that is not grouped. */
  heading?: string
  aside?: ReactNode
  /** Long lists let the member fold a group away and open the rest of a big one. */
  foldable: boolean
  renderCard: (badge: BadgeSection['badges'][number], index: number) => ReactNode
  /** Where this section's first badge sits in the whole list (the first row loads first). */
  offset: number
  /** More of this group may come with the list's next page: its count is of those so far. */
  partial?: boolean
}

/**
 * One group in the showcase's flow: it spans as many columns as it has badges (up to a row), so
 * small groups sit side by side instead of each leaving a half-empty row (see `.group-flow`).
 */
export function GroupSection({
  section,
  heading,
  aside,
  foldable,
  renderCard,
  offset,
  partial = false,
}: Props) {
  const groupName = useGroupName(section.groupId, section.name)
  const name = heading ?? groupName
  const headingId = useId()
  const listId = useId()
  const [open, setOpen] = useState(true)
  const [all, setAll] = useState(false)
  const count = section.badges.length
  const shownCount = useShownCount(count, foldable, all)
  const shown = shownCount < count ? section.badges.slice(0, shownCount) : section.badges
  return (
    <section
      aria-labelledby={headingId}
      className="group-block"
      // A data attribute, not a style: the CSP refuses style attributes in server-rendered HTML.
      data-span={Math.min(Math.max(count, 1), MAX_COLUMNS)}
    >
      {/* Two lines kept for a heading with groups beside it (index.css, .group-head). */}
      <div className="group-head col-span-full flex flex-col justify-end">
        {/* The name isolated (<bdi>), the heading in the page's direction (not api-text's own per
            line): a Latin group name on an Arabic page starts on the right, above its count. */}
        <h2
          id={headingId}
          className="line-clamp-2 text-sm leading-tight wrap-anywhere font-semibold text-ink sm:text-base"
        >
          {foldable ? (
            <button
              type="button"
              aria-expanded={open}
              aria-controls={listId}
              onClick={() => setOpen((value) => !value)}
              className="inline-flex min-h-8 items-center gap-1.5 rounded text-start"
            >
              <span
                aria-hidden="true"
                className={`inline-block text-xs transition-transform motion-reduce:transition-none ${open ? 'rotate-90' : 'rtl:rotate-180'}`}
              >
                ▶
              </span>
              {/* Name and count in one line of text: where they do not fit (a one-card group,
                  a longer count in Arabic) the count goes below, the name is not broken. */}
              <span>
                <bdi>{name}</bdi>{' '}
                <span className="ms-0.5 text-sm font-normal whitespace-nowrap text-ink-muted">
                  {t(partial ? 'group.count.so-far' : 'group.count', { count })}
                </span>
              </span>
            </button>
          ) : (
            <bdi>{name}</bdi>
          )}
        </h2>
        {aside}
      </div>
      {open && (
        <ul
          id={listId}
          className="group-cards"
          data-preview={foldable && !all && count > PREVIEW ? '' : undefined}
        >
          {shown.map((badge, index) => renderCard(badge, offset + index))}
        </ul>
      )}
      {open && foldable && count > PREVIEW && (
        <button
          type="button"
          onClick={() => setAll((value) => !value)}
          aria-controls={listId}
          // Which group's: a long list has several "See all 27" (the group's name read after it).
          aria-describedby={headingId}
          className="button-secondary col-span-full justify-self-start px-0"
        >
          {all
            ? t('group.see-fewer')
            : t(partial ? 'group.see-all.so-far' : 'group.see-all', { count })}
        </button>
      )}
    </section>
  )
}
