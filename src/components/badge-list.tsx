import { type ReactNode } from 'react'
import { type BadgeSection, continuingSection } from '../badges/order.ts'
import { type CustomerBadge } from '../badges/types.ts'
import { t } from '../i18n/i18n.ts'
import { GroupSection } from './group-section.tsx'
import { LoadMore, useFocusFirstNew } from './load-more.tsx'

/**
 * A list is long enough to fold groups from here on (the VIP's hundreds, not Tom's dozen), and to
 * let the browser skip laying out cards far off screen (index.css, `.long-list`): on a first page
 * of 50 cards, style and layout went from 88 to 48 ms (the README's Performance).
 */
const FOLDABLE_FROM = 24

type Paging = {
  hasMore: boolean
  loading: boolean
  failed: boolean
  fetchMore: () => void
}

type Props = {
  badges: CustomerBadge[]
  total: number
  /** The list takes in expired badges: its count says so (the Earned tab counts those held). */
  withExpired?: boolean
  skipped: number
  sections: BadgeSection[]
  /** A heading instead of the group's name (a list sorted by date is one section). */
  heading?: string
  aside?: (section: BadgeSection) => ReactNode
  renderCard: (badge: CustomerBadge, index: number) => ReactNode
  paging: Paging
}

/** The paged, grouped list both the earned and the available views show. */
export function BadgeList({
  badges,
  total,
  withExpired,
  skipped,
  sections,
  heading,
  aside,
  renderCard,
  paging,
}: Props) {
  const focusFirstNew = useFocusFirstNew(badges.map((badge) => badge.id))
  const foldable = badges.length >= FOLDABLE_FROM
  const continuing = continuingSection(sections, badges, paging.hasMore)
  const offsets = sections.reduce<number[]>(
    (starts, section, index) => [
      ...starts,
      index === 0 ? 0 : (starts[index - 1] ?? 0) + (sections[index - 1]?.badges.length ?? 0),
    ],
    [],
  )
  return (
    <div className={`flex flex-col gap-6 ${foldable ? 'long-list' : ''}`}>
      <div className={`group-flow ${foldable ? '' : 'even-rows'}`}>
        {sections.map((section, index) => (
          <GroupSection
            key={section.key}
            section={section}
            heading={heading}
            aside={aside?.(section)}
            foldable={foldable}
            renderCard={renderCard}
            offset={offsets[index] ?? 0}
            partial={section.key === continuing}
          />
        ))}
      </div>
      {skipped > 0 && (
        <p className="text-sm text-ink-muted">{t('list.skipped', { count: skipped })}</p>
      )}
      <LoadMore
        shown={badges.length}
        total={total}
        withExpired={withExpired}
        hasMore={paging.hasMore}
        loading={paging.loading}
        failed={paging.failed}
        onMore={(asked) => {
          if (asked) focusFirstNew()
          paging.fetchMore()
        }}
      />
    </div>
  )
}

/** Nothing to show, said kindly, with the next step. */
export function EmptyState({
  title,
  detail,
  children,
}: {
  title: string
  detail?: string
  children?: ReactNode
}) {
  return (
    <div className="flex flex-col items-start gap-3 rounded-card bg-surface p-6 shadow-sm">
      <p className="text-lg font-semibold text-ink">{title}</p>
      {detail && <p className="text-ink-muted">{detail}</p>}
      {children}
    </div>
  )
}
