import { useEffect, useEffectEvent, useRef } from 'react'

type Props = {
  shown: number
  total: number
  hasMore: boolean
  loading: boolean
  /** The last attempt to load more failed (after its retries). */
  failed: boolean
  onMore: () => void
}

/**
 * Further pages load as the member scrolls near the end, or when they ask for more. A page loads
 * when the end comes into view, not while it stays in view, so one scroll never loads a cascade.
 */
export function LoadMore({ shown, total, hasMore, loading, failed, onMore }: Props) {
  const sentinel = useRef<HTMLDivElement>(null)
  const onEnter = useEffectEvent(() => {
    if (!loading) onMore()
  })
  useEffect(() => {
    const element = sentinel.current
    if (element === null || !hasMore || typeof IntersectionObserver === 'undefined') return
    let wasVisible = true
    const observer = new IntersectionObserver(
      ([entry]) => {
        const visible = entry?.isIntersecting ?? false
        if (visible && !wasVisible) onEnter()
        wasVisible = visible
      },
      { rootMargin: '400px 0px' },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [hasMore])

  return (
    <div ref={sentinel} className="flex flex-col items-center gap-2">
      <p className="text-sm text-slate-700" aria-live="polite">
        Showing {shown} of {total}
      </p>
      {failed && !loading && (
        <p role="alert" className="text-sm font-medium text-rose-800">
          More badges could not be loaded. Check your connection and try again.
        </p>
      )}
      {hasMore && (
        // aria-disabled rather than disabled: a disabled button would drop keyboard focus.
        <button
          type="button"
          onClick={() => {
            if (!loading) onMore()
          }}
          aria-disabled={loading}
          className="button-primary aria-disabled:opacity-70"
        >
          {loading ? 'Loading more badges…' : failed ? 'Try again' : 'Show more badges'}
        </button>
      )}
    </div>
  )
}
