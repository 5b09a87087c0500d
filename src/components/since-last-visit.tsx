import { useQueries } from '@tanstack/react-query'
import { type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { Link, useLocation } from 'react-router'
import {
  type Change,
  type ChangeKind,
  type Snapshot,
  decodeSnapshot,
  diff,
  encodeSnapshot,
  takeSnapshot,
} from '../badges/digest.ts'
import { encodeSegment } from '../badges/encode.ts'
import { type Customer, customerPath } from '../badges/member.ts'
import { type Judged } from '../badges/standing.ts'
import { formatNumber, t } from '../i18n/i18n.ts'
import { badgeQueries } from '../queries/badges.ts'
import { useListState } from './badge-link.tsx'
import { readVisit, visitKey, writeVisit } from './last-visit.ts'
import { NEWS_SLOT_ID } from './news-slot.ts'

// "Since your last visit": a button at the end of the tabs that says how many things changed, and
// opens them over the page. Loaded apart from the first view (it only speaks to a returning
// member), from the truths the summary already judged. It is known only after the page is on
// screen (the marks are on the device, the server cannot see them), so it goes into the room the
// tab row keeps for it (NEWS_SLOT_ID) and opens only when asked: its arrival moves nothing and
// takes no tap meant for a badge.

/**
 * This load's digest per member, worked out once. `marks`: this visit's, stored once the member
 * has seen the news (opened or dismissed it), so news left unread waits for the next visit.
 */
type Visit = {
  changes: Change[]
  marks: string
  /** The stored marks this load found (and wrote back, with news): until someone writes others. */
  found: string | null
  dismissed: boolean
  announced: boolean
}
/**
 * Per member (`by\0id`), this load's visit and its storage key: another view of the same load (the
 * member went from one list to the other) starts from it, so the bell stays as it was.
 */
const visits = new Map<string, { key: string; visit: Visit }>()

const SHOW_AT_MOST = 5

const labels: Record<ChangeKind, () => string> = {
  earned: () => t('digest.earned'),
  'earned-again': () => t('digest.earned-again'),
  expired: () => t('digest.expired'),
  removed: () => t('digest.removed'),
  'earn-again': () => t('digest.earn-again'),
  'window-reset': () => t('digest.window-reset'),
  'earned-unread': () => t('digest.earned'),
}

/**
 * Works out what changed once per load: the marks of the last visit are read; with nothing new,
 * this visit's are stored at once, and with news, once the member has seen it (markSeen), so the
 * same news shows until it has been read, then never again. There is a digest only where storage
 * takes a write (the last marks written back), else it could never be marked read. The first
 * visit, or storage that is blocked or full, shows nothing.
 */
function useVisit(customer: Customer, first: { snapshot: Snapshot; now: number }) {
  const member = `${customer.by ?? ''}\0${customer.id}`
  const [visit, setVisit] = useState(() => visits.get(member) ?? null)
  useEffect(() => {
    let live = true
    visitKey(customer)
      .then((key) => {
        let seen = visits.get(member)
        if (seen === undefined) {
          const before = readVisit(key)
          const previous = decodeSnapshot(before)
          const marks = encodeSnapshot(first.snapshot)
          const news = previous === null ? [] : diff(previous, first.snapshot, first.now)
          const found = news.length > 0 ? before : marks
          const stored = found !== null && writeVisit(key, found)
          const changes = stored ? news : []
          seen = { key, visit: { changes, marks, found, dismissed: false, announced: false } }
          visits.set(member, seen)
        }
        if (live) setVisit(seen)
      })
      // No crypto.subtle (an insecure origin): no digest rather than a member named in clear.
      .catch(() => undefined)
    return () => {
      live = false
    }
    // Once per member: later renders bring the same lists.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [member])
  return visit
}

/**
 * The member has seen the news: this visit's marks become the last visit's, unless a later load
 * (another tab, a page left open since yesterday) has stored newer ones meanwhile.
 */
function markSeen(key: string, visit: Visit, { dismissed = false } = {}) {
  // Dismissed: put away for the rest of this load as well.
  if (dismissed) visit.dismissed = true
  if (readVisit(key) !== visit.found || !writeVisit(key, visit.marks)) return
  visit.found = visit.marks
}

export function SinceLastVisit({
  customer,
  earned,
  available,
  complete,
  held,
  now,
}: {
  customer: Customer
  earned: Judged[]
  available: Judged[]
  complete: boolean
  /** How many badges the earned list counts, its pages unread included. */
  held: number
  now: number
}) {
  // The lists as they were when the member arrived: this visit's marks.
  const [first] = useState(() => ({
    snapshot: takeSnapshot(earned, available, complete, held),
    now,
  }))
  const state = useVisit(customer, first)
  const listState = useListState()
  const [dismissed, setDismissed] = useState(false)
  const headingId = useId()
  const panelId = useId()
  const live = useRef<HTMLParagraphElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const here = useRef<HTMLDivElement>(null)
  // A link in it opens another page, and the news closes behind it (Back finds it closed too).
  const { key: page } = useLocation()
  const [open, setOpen] = useState(false)
  const [openedOn, setOpenedOn] = useState(page)
  if (openedOn !== page) {
    setOpenedOn(page)
    setOpen(false)
  }
  const changes = state === null || state.visit.dismissed || dismissed ? [] : state.visit.changes
  const names = new Map(
    [...earned, ...available].map(({ badge }) => [badge.id, badge.name?.trim() || null]),
  )
  // A badge that left both lists (expired, taken away) is named by its definition.
  const unnamed = changes.filter(
    (change) => change.kind !== 'earned-unread' && !names.get(change.badgeId),
  )
  const metas = useQueries({
    queries: unnamed.map((change) => ({ ...badgeQueries.meta(change.badgeId), retry: false })),
  })
  const named = (badgeId: string) => {
    const index = unnamed.findIndex((change) => change.badgeId === badgeId)
    return (
      names.get(badgeId) || (index >= 0 && metas[index]?.data?.name?.trim()) || t('badge.unnamed')
    )
  }
  const waiting = metas.some((meta) => meta.isPending)
  const shown = changes.slice(0, SHOW_AT_MOST)
  const title = t('digest.open', { count: changes.length })
  // What the bell says, as it arrives; the news itself is read when it is opened (which marks it
  // seen: heard, it is not yet read).
  const announcement = waiting ? '' : title

  // Filled once it is on the page, so screen readers hear it; and once a load, not on every return
  // to the view.
  useEffect(() => {
    const visit = state?.visit
    if (visit === undefined || visit.announced || announcement === '' || changes.length === 0)
      return
    const timer = window.setTimeout(() => {
      if (live.current) live.current.textContent = announcement
      visit.announced = true
    }, 100)
    return () => window.clearTimeout(timer)
  }, [state, announcement, changes.length])

  // Open, it closes on a press or a focus anywhere else (it would cover what has the focus), and
  // on Escape while the focus is in it (back to its button).
  useEffect(() => {
    if (!open) return
    const away = (event: Event) => {
      if (!here.current?.contains(event.target as Node)) setOpen(false)
    }
    const escape = (event: KeyboardEvent) => {
      const focused = document.activeElement
      if (event.key !== 'Escape' || (focused !== document.body && !here.current?.contains(focused)))
        return
      setOpen(false)
      button.current?.focus()
    }
    document.addEventListener('pointerdown', away)
    document.addEventListener('focusin', away)
    document.addEventListener('keydown', escape)
    return () => {
      document.removeEventListener('pointerdown', away)
      document.removeEventListener('focusin', away)
      document.removeEventListener('keydown', escape)
    }
  }, [open])

  // In the tab row's room for it; where there is none (a test of this part alone), in place.
  const place = (node: ReactNode) => {
    const slot = document.getElementById(NEWS_SLOT_ID)
    return slot === null ? node : createPortal(node, slot)
  }
  if (state === null || waiting) return null
  // Decided, and nothing to say: a mark that says so (for tests and tools), and nothing to see.
  if (changes.length === 0) return place(<span hidden data-news="0" />)
  const dismiss = () => {
    markSeen(state.key, state.visit, { dismissed: true })
    setDismissed(true)
    // The news is gone, its button with it: the view's heading is where the member carries on.
    const heading = document.querySelector<HTMLElement>('#content h1')
    if (heading) {
      heading.tabIndex = -1
      heading.focus()
    }
  }
  return place(
    <div ref={here} data-news={changes.length}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={title}
        title={title}
        onClick={() => {
          if (!open) markSeen(state.key, state.visit)
          setOpen(!open)
        }}
        className="inline-flex size-11 items-center justify-center gap-0.5 rounded-control text-ink hover:bg-sunken aria-expanded:bg-sunken"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 fill-current">
          <path d="M10 2a5 5 0 0 0-5 5v3.2L3.4 13a1 1 0 0 0 .9 1.5h11.4a1 1 0 0 0 .9-1.5L15 10.2V7a5 5 0 0 0-5-5Zm-2.2 13.5a2.3 2.3 0 0 0 4.4 0Z" />
        </svg>
        <span className="min-w-5 rounded-full bg-accent px-1 text-xs leading-5 font-bold text-on-accent tabular-nums">
          {formatNumber(changes.length)}
        </span>
      </button>
      <section
        id={panelId}
        hidden={!open}
        aria-labelledby={headingId}
        className="absolute end-4 top-full z-30 mt-1 flex w-[min(24rem,calc(100%-2rem))] flex-col gap-2 rounded-card border border-line border-s-4 border-s-accent bg-surface p-3 shadow-lg"
      >
        <div className="flex items-center justify-between gap-2">
          <h2 id={headingId} className="text-base font-semibold text-ink">
            {t('digest.title')}
          </h2>
          <button type="button" onClick={dismiss} className="button-secondary -my-2 px-2 text-sm">
            {t('digest.dismiss')}
          </button>
        </div>
        <ul className="flex flex-col gap-1 text-sm">
          {shown.map((change) => (
            <li
              key={`${change.kind}:${change.badgeId}`}
              className="flex flex-wrap items-baseline gap-x-2"
            >
              {change.kind === 'earned-unread' ? (
                // Where they are not known: the earned list, most recently earned first.
                <Link
                  to={customerPath(
                    customer,
                    'earned',
                    new URLSearchParams({ sort: 'last-earned' }),
                  )}
                  className="font-semibold text-link underline"
                >
                  {t('digest.unread', { count: change.count ?? 1 })}
                </Link>
              ) : (
                <Link
                  to={customerPath(customer, `badges/${encodeSegment(change.badgeId)}`)}
                  state={listState}
                  dir="auto"
                  className="api-text font-semibold text-link underline"
                >
                  {named(change.badgeId)}
                </Link>
              )}
              <span
                className={
                  change.kind === 'expired' || change.kind === 'removed'
                    ? 'text-ink-muted'
                    : 'font-medium text-positive'
                }
              >
                {labels[change.kind]()}
              </span>
            </li>
          ))}
        </ul>
        {changes.length > SHOW_AT_MOST && (
          <p className="text-sm text-ink-muted">
            {t('digest.more', { count: changes.length - SHOW_AT_MOST })}
          </p>
        )}
      </section>
      <p ref={live} role="status" className="sr-only" />
    </div>,
  )
}
