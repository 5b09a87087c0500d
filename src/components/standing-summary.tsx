import { useInfiniteQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { Link } from 'react-router'
import { type Customer, customerPath } from '../badges/member.ts'
import { earnableNow, expiringSoon, judged, type NextUp, nextUp } from '../badges/standing.ts'
import { type BadgeTruth, supplyRunningOut, truthImage } from '../badges/truth.ts'
import { listsJudged } from '../config/host-channel.ts'
import { formatNumber, t } from '../i18n/i18n.ts'
import { badgeQueries, defaultLists } from '../queries/badges.ts'
import { encodeSegment } from '../badges/encode.ts'
import { BadgeImage } from './badge-image.tsx'
import { useListState } from './badge-link.tsx'
import { latePart, Part } from './part.tsx'
import { SUMMARY_MIN_SIZE, SUMMARY_SIZE } from './skeletons.tsx'
import { daysLeft, formatDate, formatRelative } from './format.ts'
import { truthLabel } from './truth-text.ts'
import { useAvailableTruths, useEarnedTruths } from './use-truths.ts'
import { useNow } from './use-now.ts'

// Only a returning member with news sees it: kept out of the first view's script. Its code
// failing to load (offline) costs the digest, never the view. It shows in the room the tab row
// keeps for it (a portal), not here: it is decided after the page is on screen.
const SinceLastVisit = latePart(() =>
  import('./since-last-visit.tsx').then(
    (module) => ({ default: module.SinceLastVisit }),
    () => ({ default: () => null }),
  ),
)

// The "next up" row is always there, the same height whatever it says, and so is the summary:
// the placeholder before it (SUMMARY_SIZE) holds exactly its room, and nothing below moves.
const NEXT_ROW =
  'flex h-[3.75rem] min-w-0 shrink-0 items-center gap-2 rounded-lg border-line px-2 sm:ms-auto sm:rounded-s-none sm:border-s'

/** "Next up" with no badge to name: where to look instead, or that nothing is open. */
function NoNextUp({ text }: { text: string }) {
  return (
    <span className="flex min-w-0 flex-col">
      <span className="text-xs text-ink-muted">{t('summary.next')}</span>
      <span className="truncate text-sm font-semibold text-ink">{text}</span>
    </span>
  )
}

/** As the card says it: a deadline or a supply running out warns; a supply of hundreds is news. */
function whyColour({ why }: NextUp): string {
  if (why.kind === 'ends') return 'text-warn'
  if (why.kind === 'left') return supplyRunningOut(why.count) ? 'text-warn' : 'text-ink'
  return 'text-positive'
}

function why(next: NextUp, now: number): string {
  const { why } = next
  switch (why.kind) {
    case 'in-progress':
      return why.earnBy === null
        ? t('summary.why.in-progress-open')
        : t('summary.why.in-progress', { date: formatDate(why.earnBy) })
    case 'left':
      return t('summary.why.left', { count: why.count })
    case 'ends':
      return t('summary.why.ends', { relative: formatRelative(why.at, now) })
    case 'again':
      return t('summary.why.again', { relative: formatRelative(why.at, now) })
    case 'opens':
      return t('summary.why.opens', { relative: formatRelative(why.at, now) })
    case 'open':
      return t('summary.why.open')
  }
}

function Stat({
  to,
  count,
  label,
  more,
}: {
  to: string
  /** Null: not known yet (the link finds out); a mark stands where the number would. */
  count: number | null
  label: string
  more?: boolean
}) {
  // On a phone, room for a label of two lines, however long this one is (skeletons.tsx), and
  // the numbers on one line at the top whichever labels wrap.
  const box =
    'flex min-h-11 flex-col justify-center rounded-lg px-1 py-1 max-sm:min-h-[3.9375rem] max-sm:justify-start sm:px-2'
  // None, and none further down: a figure, not a link to an empty list.
  if (count === 0 && !more) {
    return (
      <p className={box}>
        <span className="text-xl leading-tight font-bold text-ink tabular-nums">
          {formatNumber(0)}
        </span>
        <span className="text-xs leading-tight text-ink-muted">{label}</span>
      </p>
    )
  }
  return (
    <Link to={to} className={`${box} hover:bg-sunken`}>
      {/* The arrow says the figure opens what it counts: a number alone read as a figure. */}
      <span className="flex items-center gap-1 text-xl leading-tight font-bold text-ink tabular-nums">
        {count === null ? (
          <svg aria-hidden="true" viewBox="0 0 20 20" className="my-[0.15625rem] size-5 fill-ink">
            <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16zm0 2a6 6 0 1 1 0 12 6 6 0 0 1 0-12zm-1 2v4.4l3.3 3.3 1.4-1.4L11 9.6V6z" />
          </svg>
        ) : (
          <span>
            {formatNumber(count)}
            {more ? '+' : ''}
          </span>
        )}
        <span aria-hidden="true" className="font-normal text-ink-muted rtl:-scale-x-100">
          ›
        </span>
      </span>
      <span className="text-xs leading-tight text-ink-muted">{label}</span>
    </Link>
  )
}

/**
 * Where the member stands, at the top of the lists: what they earned, what is left to earn, what
 * runs out soon and the badge nearest their reach. Each part links to what it counts. It counts
 * the same truths the cards show, and waits for them rather than showing a number that moves.
 */
export function StandingSummary({ customer }: { customer: Customer }) {
  const listState = useListState()
  const now = useNow()
  const earnedList = useInfiniteQuery(badgeQueries.list(customer, defaultLists.earned))
  const availableList = useInfiniteQuery(badgeQueries.list(customer, defaultLists.available))
  const earnedBadges = earnedList.data?.badges ?? []
  const availableBadges = availableList.data?.badges ?? []
  const earnedTruths = useEarnedTruths(earnedBadges, now)
  const availableTruths = useAvailableTruths(
    customer,
    availableBadges,
    {
      badges: earnedList.data?.badges,
      complete: earnedList.data !== undefined && !earnedList.hasNextPage,
      failed: earnedList.isError,
    },
    now,
  )
  const ready =
    earnedList.data !== undefined &&
    availableList.data !== undefined &&
    [...availableTruths.values()].every((truth) => truth !== null)
  const earned = ready ? judged(earnedBadges, earnedTruths) : null
  const available = ready ? judged(availableBadges, availableTruths) : null
  // A portal hears which badges run out soon from these same truths (embed.ts sends it once).
  useEffect(() => {
    if (earned !== null && available !== null) listsJudged({ earned, available, now, daysLeft })
  })
  if (earned === null || available === null || earnedList.data === undefined) {
    // The same height as the summary, so nothing below moves when it arrives.
    return earnedList.isError || availableList.isError ? null : (
      <div aria-hidden="true" className={`${SUMMARY_SIZE} animate-pulse rounded-card bg-sunken`} />
    )
  }
  const toEarn = earnableNow(available)
  const soon = expiringSoon(earned, now)
  // None found among the pages read, and pages left: how many is not known (no number shown).
  const soonUnknown = soon.length === 0 && earnedList.hasNextPage
  const next = nextUp(available, now)
  // One badge: its page; more, none, or a list not all read: the earned list of just those (the
  // same rule, so the same badges).
  const soonTarget =
    soon.length === 1 && soon[0] && !earnedList.hasNextPage
      ? customerPath(customer, `badges/${encodeSegment(soon[0].badge.id)}`)
      : customerPath(customer, 'earned', new URLSearchParams({ soon: '1' }))
  return (
    <>
      <Part fallback={null}>
        {/* One per member: another member's lists start their own visit. */}
        <SinceLastVisit
          key={`${customer.by ?? ''}:${customer.id}`}
          customer={customer}
          earned={earned}
          available={available}
          complete={!earnedList.hasNextPage}
          held={earnedList.data.total}
          now={now}
        />
      </Part>
      <section
        aria-label={t('summary.label')}
        className={`${SUMMARY_MIN_SIZE} flex flex-col gap-2 rounded-card border border-line bg-surface p-2 shadow-sm sm:flex-row sm:items-center`}
      >
        <div className="grid grid-cols-3 gap-0.5 sm:flex sm:gap-4">
          <Stat
            to={customerPath(customer, 'earned')}
            count={earnedList.data.total}
            label={t('summary.earned', { count: earnedList.data.total })}
          />
          <Stat
            to={customerPath(customer, 'available', new URLSearchParams({ now: '1' }))}
            count={toEarn.length}
            more={availableList.hasNextPage}
            label={t('summary.to-earn', { count: toEarn.length })}
          />
          {/* Of the badges read so far: a list of more pages may hold more ("2+"), or some when
              none was found yet (no number then); its link reads them all. */}
          <Stat
            to={soonTarget}
            count={soonUnknown ? null : soon.length}
            more={earnedList.hasNextPage}
            label={
              soonUnknown
                ? t('summary.expiring.check')
                : t('summary.expiring', { count: soon.length })
            }
          />
        </div>
        {next ? (
          <Link
            to={customerPath(customer, `badges/${encodeSegment(next.badge.id)}`)}
            state={listState}
            className={`${NEXT_ROW} hover:bg-sunken`}
          >
            <BadgeImage
              badgeId={next.badge.id}
              name={next.badge.name}
              images={next.badge.images}
              {...truthImage(
                available.find(({ badge }) => badge.id === next.badge.id)?.truth as BadgeTruth,
              )}
              label={truthLabel(
                available.find(({ badge }) => badge.id === next.badge.id)?.truth as BadgeTruth,
              )}
              size={40}
            />
            <span className="flex min-w-0 flex-col">
              <span className="text-xs text-ink-muted">{t('summary.next')}</span>
              {/* Aligned as the page reads, the name isolated (a Latin name on an Arabic page
                  stood at the left of right-aligned lines). */}
              <span className="truncate text-sm font-semibold text-ink [overflow-wrap:anywhere]">
                <bdi>{next.badge.name?.trim() || t('badge.unnamed')}</bdi>
              </span>
              <span className={`text-xs font-medium text-pretty ${whyColour(next)}`}>
                {why(next, now)}
              </span>
            </span>
          </Link>
        ) : availableList.hasNextPage ? (
          // Only part of the list is judged: what is further down may well be open.
          <Link to={customerPath(customer, 'available')} className={`${NEXT_ROW} hover:bg-sunken`}>
            <NoNextUp text={t('summary.next-see-all')} />
          </Link>
        ) : (
          <p className={NEXT_ROW}>
            <NoNextUp text={t('summary.next-none')} />
          </p>
        )}
      </section>
    </>
  )
}
