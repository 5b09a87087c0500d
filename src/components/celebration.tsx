import { useEffect, useState } from 'react'
import { t } from '../i18n/i18n.ts'
import { celebrationMark, rememberClosed, wasClosed } from './celebrated.ts'
import { useBrowserValue } from './browser-value.ts'
import { formatRelative } from './format.ts'

// Badges already celebrated in this visit: announced to screen readers once, not on every return.
const announced = new Set<string>()

/**
 * A badge earned in the last days: its art arrives with a burst (none for those who ask for less
 * motion, see index.css), a line that says so, and a way to close it.
 */
export function Celebration({
  badgeId,
  name,
  earnedAt,
  now,
  again,
}: {
  badgeId: string
  name: string
  earnedAt: number
  now: number
  /** Earned before this time too: not a new badge, and the title does not say it is. */
  again: boolean
}) {
  const [open, setOpen] = useState(true)
  const [announce] = useState(() => !announced.has(badgeId))
  const mark = celebrationMark(badgeId, earnedAt)
  // Closed on an earlier visit: not again. (A page the server rendered shows it to the server's
  // snapshot; hydrate.js has hidden it before the first paint, and it goes just after.)
  const closedBefore = useBrowserValue(() => wasClosed(mark), false)
  useEffect(() => {
    announced.add(badgeId)
  }, [badgeId])
  if (!open || closedBefore) return null
  return (
    // The art's motion goes with it (index.css): one closed earlier arrives still.
    <div data-celebration={mark} className="contents">
      <div aria-hidden="true" className="celebrate-burst" />
      <div className="relative z-10 flex w-full items-start justify-between gap-3 rounded-lg bg-accent px-4 py-2 text-on-accent">
        <p role={announce ? 'status' : undefined} className="text-start">
          <span className="block font-bold">
            {t(again ? 'celebrate.again' : 'celebrate.title')}
          </span>
          <span dir="auto" className="api-text">
            {t('celebrate.detail', { name, relative: formatRelative(earnedAt, now) })}
          </span>
        </p>
        <button
          type="button"
          onClick={() => {
            rememberClosed(mark, now)
            setOpen(false)
          }}
          className="-me-2 inline-flex size-11 shrink-0 items-center justify-center rounded-full text-xl hover:bg-black/10"
        >
          <span aria-hidden="true">×</span>
          <span className="sr-only">{t('celebrate.dismiss')}</span>
        </button>
      </div>
    </div>
  )
}
