import { t } from '../i18n/i18n.ts'

/** Placeholders in the final layout, so nothing moves when the badges arrive. */
export function ListSkeleton({ label, layout }: { label: string; layout: 'grid' | 'list' }) {
  return (
    <div role="status" aria-busy="true" aria-label={label} className="flex flex-col gap-3">
      <div className="h-7 w-40 animate-pulse rounded bg-sunken" />
      <ul
        className={
          layout === 'grid'
            ? 'grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4'
            : 'grid gap-3 md:grid-cols-2'
        }
      >
        {Array.from({ length: 8 }, (_, i) => (
          <li
            key={i}
            className={`animate-pulse rounded-card bg-sunken ${layout === 'grid' ? 'h-56' : 'h-36'}`}
          />
        ))}
      </ul>
    </div>
  )
}

/** The whole page before its first view's code has arrived: header, tabs and a list. */
export function AppSkeleton() {
  return (
    <div className="min-h-dvh bg-canvas">
      <div className="h-[108px] border-b border-line bg-surface" />
      <div className="mx-auto max-w-5xl px-4 py-6">
        <ListSkeleton label={t('app.loading')} layout="grid" />
      </div>
    </div>
  )
}
