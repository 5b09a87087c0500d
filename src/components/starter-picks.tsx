import { type Customer } from '../badges/member.ts'
import { type Judged } from '../badges/standing.ts'
import { truthImage } from '../badges/truth.ts'
import { t } from '../i18n/i18n.ts'
import { toneClass } from './badge-card.tsx'
import { BadgeImage } from './badge-image.tsx'
import { BadgeLink } from './badge-link.tsx'
import { cardLines, truthLabel } from './truth-text.ts'

/**
 * For a member who has earned nothing yet: a few badges to start with, as a short row of links
 * above the list. Not cards: drawn as cards they stood twice on the page, and the list showed more
 * cards than the tab's count.
 */
export function StarterPicks({
  picks,
  customer,
  now,
}: {
  picks: Judged[]
  customer: Customer
  now: number
}) {
  if (picks.length === 0) return null
  return (
    <section aria-labelledby="starter-picks" className="flex flex-col gap-2">
      <h2 id="starter-picks" className="text-sm font-semibold text-ink sm:text-base">
        {t('available.aim')}
      </h2>
      <ul className="grid gap-2 sm:grid-cols-3">
        {picks.map(({ badge, truth }) => {
          const line = cardLines(truth, now)[0]
          return (
            <li
              key={badge.id}
              className="relative flex min-h-[3.75rem] items-center gap-2 rounded-lg border border-line bg-surface px-2 py-1 shadow-sm hover:bg-sunken"
            >
              <BadgeImage
                badgeId={badge.id}
                name={badge.name}
                images={badge.images}
                {...truthImage(truth)}
                label={truthLabel(truth)}
                size={40}
              />
              <span className="flex min-w-0 flex-col">
                {/* Aligned as the page reads (a Latin name on an Arabic page stood at the left,
                    beside right-aligned lines), the name isolated. */}
                <span className="truncate text-sm font-semibold [overflow-wrap:anywhere]">
                  <BadgeLink customer={customer} badgeId={badge.id}>
                    <bdi>{badge.name?.trim() || t('badge.unnamed')}</bdi>
                  </BadgeLink>
                </span>
                {line && (
                  <span className={`truncate text-xs ${toneClass[line.tone]}`}>{line.text}</span>
                )}
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
