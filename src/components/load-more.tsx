import { useEffect, useEffectEvent, useRef } from 'react'
import { t } from '../i18n/i18n.ts'
import { PAGE_SIZE } from '../queries/badges.ts'

type Props = {
  shown: number
  total: number
  /** The total counts expired badges too (so it is more than the Earned tab's count). */
  withExpired?: boolean
  hasMore: boolean
  loading: boolean
  /** The last attempt to load more failed (after its retries). */
  failed: boolean
  /** `asked`: the member pressed the button (rather than scrolled near the end). */
  onMore: (asked: boolean) => void
}

const linkOf = (id: string | undefined) =>
  id === undefined
    ? null
    : document.querySelector<HTMLElement>(`[data-badge-link="${CSS.escape(id)}"]`)

/**
 * After the member asks for more, focus moves to the first badge that arrived, so a keyboard or
 * screen-reader user goes on from there.
 */
export function useFocusFirstNew(ids: string[]) {
  const from = useRef<number | null>(null)
  const focusArrived = useEffectEvent(() => {
    if (from.current === null) return
    // The first new badge on screen: one that joined a folded group waits behind its "See all".
    const arrived = ids.slice(from.current)
    if (arrived.length === 0) return
    from.current = null
    for (const id of arrived) {
      const link = linkOf(id)
      if (link) return link.focus()
    }
  })
  useEffect(() => focusArrived(), [ids.length])
  return () => {
    from.current = ids.length
  }
}

/**
 * Further pages load as the member scrolls near the end, or when they ask for more. A page loads
 * when the end comes into view after the member scrolled (wheel, touch or keys) since the last
 * page arrived: Chrome may move the viewport by itself as a page is inserted (it keeps a focused
 * element in place), and that must not load the next page, and the next.
 */
export function LoadMore({
  shown,
  total,
  withExpired = false,
  hasMore,
  loading,
  failed,
  onMore,
}: Props) {
  const sentinel = useRef<HTMLDivElement>(null)
  // A list of more than one page: only its end is worth a line (and the same after Back, when
  // every page comes from the cache at once).
  const paged = hasMore || total > PAGE_SIZE
  const onEnter = useEffectEvent(() => {
    if (!loading) onMore(false)
  })
  useEffect(() => {
    const element = sentinel.current
    if (element === null || !hasMore || typeof IntersectionObserver === 'undefined') return
    let wasVisible = true
    let scrolledByMember = false
    const scrolled = () => {
      scrolledByMember = true
    }
    const inputs = ['wheel', 'touchmove', 'keydown'] as const
    for (const type of inputs) window.addEventListener(type, scrolled, { passive: true })
    const observer = new IntersectionObserver(
      ([entry]) => {
        const visible = entry?.isIntersecting ?? false
        if (visible && !wasVisible && scrolledByMember) onEnter()
        wasVisible = visible
      },
      { rootMargin: '400px 0px' },
    )
    observer.observe(element)
    return () => {
      observer.disconnect()
      for (const type of inputs) window.removeEventListener(type, scrolled)
    }
  }, [hasMore, shown])

  return (
    <div ref={sentinel} className="flex flex-col items-center gap-2">
      {/* Always in the page, so a screen reader hears each change (the count, then the end);
          empty under a list that never had more. */}
      <p className="text-sm text-ink-muted empty:hidden" aria-live="polite">
        {hasMore
          ? t(withExpired ? 'list.showing.with-expired' : 'list.showing', { shown, total })
          : paged
            ? t('list.end')
            : null}
      </p>
      {failed && !loading && (
        <p role="alert" className="text-sm font-medium text-danger">
          {t('list.more-failed')}
        </p>
      )}
      {hasMore && (
        // aria-disabled rather than disabled: a disabled button would drop keyboard focus.
        <button
          type="button"
          onClick={() => {
            if (!loading) onMore(true)
          }}
          aria-disabled={loading}
          className="button-primary aria-disabled:opacity-70"
        >
          {loading ? t('list.loading-more') : failed ? t('error.retry') : t('list.more')}
        </button>
      )}
    </div>
  )
}
