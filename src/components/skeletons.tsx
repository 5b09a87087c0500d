import { t } from '../i18n/i18n.ts'

/** Placeholders in the final layout (summary, heading, a row of cards), so nothing moves. */
export function ListSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-busy="true" aria-label={label} className="flex flex-col gap-4">
      <div className="group-flow">
        <div className="group-block" data-span={5}>
          <div className="col-span-full h-8 w-40 animate-pulse rounded bg-sunken" />
          <ul className="group-cards">
            {Array.from({ length: 5 }, (_, i) => (
              <li key={i} className="h-44 animate-pulse rounded-card bg-sunken" />
            ))}
          </ul>
        </div>
      </div>
    </div>
  )
}

/**
 * The summary's room (standing-summary.tsx): its placeholder takes exactly this, and the summary
 * at least this (more only if a language's labels cannot fit, rather than cut them off). On a
 * phone each count's label has room for two lines whatever it says, as narrow phones and longer
 * languages need it: the summary often arrives after the list, which must not move then.
 */
export const SUMMARY_SIZE = 'h-[9.3125rem] sm:h-[4.875rem]'
export const SUMMARY_MIN_SIZE = 'min-h-[9.3125rem] sm:min-h-[4.875rem]'

/** The whole page before its first view's code has arrived: header, tabs and a list. */
export function AppSkeleton() {
  return (
    <div className="min-h-dvh bg-canvas">
      <div className="h-[108px] border-b border-line bg-surface" />
      <div className="mx-auto max-w-5xl px-4 py-6">
        <div className="flex flex-col gap-4">
          <div className={`${SUMMARY_SIZE} animate-pulse rounded-card bg-sunken`} />
          <div className="h-11 w-48 animate-pulse rounded bg-sunken" />
          <ListSkeleton label={t('app.loading')} />
        </div>
      </div>
    </div>
  )
}
