import { Link, useSearchParams } from 'react-router'
import { t } from '../i18n/i18n.ts'

export type Chip = { label: string; without: string }

/**
 * The filters that are on, under a list's heading, each a press that takes it off (and keeps the
 * others): a narrowed list says so where the member reads, not only by a dot on a closed button.
 */
export function FilterChips({ chips }: { chips: Chip[] }) {
  const [search] = useSearchParams()
  if (chips.length === 0) return null
  return (
    <ul aria-label={t('list.chips')} className="-mt-2 flex flex-wrap gap-2">
      {chips.map(({ label, without }) => {
        const next = new URLSearchParams(search)
        next.delete(without)
        return (
          <li key={without}>
            <Link
              to={{ search: `?${next}` }}
              replace
              preventScrollReset
              aria-label={t('list.chip.remove', { filter: label })}
              className="inline-flex min-h-9 max-w-full items-center gap-1.5 rounded-full border border-line-strong bg-surface ps-3 pe-2 text-sm text-ink hover:bg-sunken"
            >
              <bdi className="truncate">{label}</bdi>
              <span aria-hidden="true" className="text-base leading-none text-ink-muted">
                ×
              </span>
            </Link>
          </li>
        )
      })}
    </ul>
  )
}
