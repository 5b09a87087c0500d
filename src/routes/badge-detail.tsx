import { useQuery } from '@tanstack/react-query'
import { type ReactNode, useId } from 'react'
import { Link, useLocation, useNavigate, useParams } from 'react-router'
import { type Customer } from '../api/client.ts'
import { type ApiError, isApiError } from '../api/errors.ts'
import { combineDetail } from '../badges/detail.ts'
import { earnLapsedAt, memberBadgeState, recentlyEarnedAt } from '../badges/display-state.ts'
import { historyEvents } from '../badges/history.ts'
import { effectiveStatus } from '../badges/status.ts'
import { type BadgeMeta, type MemberBadge } from '../badges/types.ts'
import { BadgeImage } from '../components/badge-image.tsx'
import { ErrorPanel } from '../components/error-panel.tsx'
import { formatDate, formatRelative } from '../components/format.ts'
import { useGroupName } from '../components/group-section.tsx'
import { ShareButton } from '../components/share-button.tsx'
import { Timeline } from '../components/timeline.tsx'
import { useNow } from '../components/use-now.ts'
import { t } from '../i18n/i18n.ts'
import { benefitText, earnExpiryText, issueExpiryText, limitText } from '../components/wording.ts'
import { badgeQueries } from '../queries/badges.ts'
import { customerPath, useCustomer } from './customer.ts'
import { pageTitle } from '../config/brand.ts'

// Failures of the member's own record that make the whole page meaningless.
const fatalForMember = new Set<ApiError['reason']>([
  'member-not-found',
  'unsupported-identifier',
  'not-connected',
  'not-allowed',
])

function BackLink({ customer }: { customer: Customer }) {
  const location = useLocation()
  const navigate = useNavigate()
  const state: unknown = location.state
  const fromList =
    typeof state === 'object' && state !== null && 'fromList' in state && state.fromList === true
  // Going back in history returns to the list with its filters and scroll position.
  return fromList ? (
    <button
      type="button"
      onClick={() => void navigate(-1)}
      className="button-secondary self-start px-0"
    >
      <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
        ←
      </span>
      &nbsp;{t('detail.back')}
    </button>
  ) : (
    <Link to={customerPath(customer, 'earned')} className="button-secondary self-start px-0">
      <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
        ←
      </span>
      &nbsp;{t('detail.all')}
    </Link>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId()
  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-2 rounded-card bg-surface p-5 shadow-sm"
    >
      <h2 id={headingId} className="text-lg font-semibold text-ink">
        {title}
      </h2>
      {children}
    </section>
  )
}

function BadgeDetail({
  customer,
  member,
  meta,
  problems,
}: {
  customer: Customer
  member: MemberBadge | null
  meta: BadgeMeta | null
  problems: ReactNode
}) {
  const now = useNow()
  const badge = combineDetail(meta, member)
  const groupName = useGroupName(badge?.groupId ?? null, badge?.groupName ?? null)
  if (badge === null) return null
  const { groupId, images, limits, customFields } = badge
  const state = member ? memberBadgeState(member, now) : 'LOCKED'
  const lapsedAt = member ? earnLapsedAt(member, now) : null
  const celebrateAt = member && state === 'EARNED' ? recentlyEarnedAt(member, now) : null
  const status = effectiveStatus(badge, now)
  const earnExpiry = earnExpiryText(badge.earnExpiry, badge.expiresAt)
  const issueExpiry = issueExpiryText(badge.issueExpiry, badge.expiresAt)
  const name = badge.name?.trim() || t('badge.unnamed')

  return (
    <div className="flex flex-col gap-5">
      <title>{pageTitle(name)}</title>
      <BackLink customer={customer} />
      {celebrateAt !== null && (
        <p
          role="status"
          className="celebrate rounded-card bg-accent px-4 py-3 text-center font-semibold text-on-accent"
        >
          <span aria-hidden="true">🎉 </span>
          {t('detail.celebrate', { relative: formatRelative(celebrateAt, now) })}
        </p>
      )}
      <header className="flex flex-col items-center gap-4 rounded-card bg-surface p-6 text-center shadow-sm sm:flex-row sm:text-start">
        <BadgeImage
          key={badge.id}
          badgeId={badge.id}
          name={badge.name}
          images={images}
          state={lapsedAt === null ? state : 'EARNED'}
          muted={lapsedAt !== null}
          size={160}
        />
        <div className="flex min-w-0 flex-col gap-2">
          <h1 dir="auto" className="api-text text-2xl font-bold text-ink">
            {name}
          </h1>
          <p className="text-ink">
            {state !== 'EARNED' && lapsedAt !== null
              ? t('detail.state.lapsed', { date: formatDate(lapsedAt) })
              : t(`detail.state.${state}`)}
          </p>
          <p className="flex flex-wrap justify-center gap-2 text-sm sm:justify-start">
            <span className="rounded-full bg-ink px-2.5 py-0.5 font-semibold text-surface">
              {t(`detail.status.${status}`)}
            </span>
            {status === 'UPCOMING' && badge.startsAt !== null && (
              <span>{t('badge.starts', { date: formatDate(badge.startsAt) })}</span>
            )}
            {status === 'EXPIRED' && badge.expiresAt !== null && (
              <span>{t('detail.ended', { date: formatDate(badge.expiresAt) })}</span>
            )}
            {status === 'LIVE' && badge.expiresAt !== null && (
              <span>{t('badge.available-until', { date: formatDate(badge.expiresAt) })}</span>
            )}
          </p>
          <ShareButton title={name} />
          {groupId !== null && (
            <p dir="auto" className="api-text text-sm text-ink-muted">
              {badge.rank !== null
                ? t('detail.rank-in-group', { rank: badge.rank, group: groupName })
                : t('detail.in-group', { group: groupName })}
            </p>
          )}
        </div>
      </header>
      {problems}
      <Section title={t('detail.how')}>
        <p dir="auto" className="api-text text-ink">
          {badge.description?.trim() || t('detail.no-description')}
        </p>
      </Section>
      {badge.benefits.length > 0 && (
        <Section title={t('detail.rewards')}>
          <ul className="list-disc ps-5 text-ink">
            {badge.benefits.map((benefit, index) => (
              <li key={index} dir="auto" className="api-text">
                {benefitText(benefit)}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {limits.length > 0 && (
        <Section title={t('detail.limits')}>
          <ul className="flex flex-col gap-2 text-ink">
            {limits.map((limit, index) => {
              const { rule, progress } = limitText(limit)
              return (
                <li key={index}>
                  {rule}
                  {progress && <span className="block text-sm text-ink-muted">{progress}</span>}
                </li>
              )
            })}
          </ul>
        </Section>
      )}
      {(earnExpiry || issueExpiry) && (
        <Section title={t('detail.expiry')}>
          {earnExpiry && <p className="text-ink">{earnExpiry}</p>}
          {issueExpiry && <p className="text-ink">{issueExpiry}</p>}
        </Section>
      )}
      {member && (
        <Section title={t('detail.history')}>
          <Timeline events={historyEvents(member, now)} />
        </Section>
      )}
      {customFields.length > 0 && (
        <Section title={t('detail.fields')}>
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
            {customFields.map(([key, value]) => (
              <div key={key} className="contents">
                <dt dir="auto" className="api-text font-medium text-ink">
                  {key}
                </dt>
                <dd dir="auto" className="api-text text-ink-muted">
                  {value}
                </dd>
              </div>
            ))}
          </dl>
        </Section>
      )}
    </div>
  )
}

function DetailSkeleton() {
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label={t('detail.loading')}
      className="flex flex-col gap-5"
    >
      <div className="h-11 w-32 animate-pulse rounded bg-sunken" />
      <div className="h-52 animate-pulse rounded-card bg-sunken" />
      <div className="h-28 animate-pulse rounded-card bg-sunken" />
      <div className="h-28 animate-pulse rounded-card bg-sunken" />
    </div>
  )
}

export function BadgeDetailPage() {
  const params = useParams()
  const customer = useCustomer()
  const badgeId = params.badgeId ?? ''
  const member = useQuery(badgeQueries.memberBadge(customer, badgeId))
  const meta = useQuery(badgeQueries.meta(badgeId))
  const retry = () => {
    if (member.isError) void member.refetch()
    if (meta.isError) void meta.refetch()
  }

  if (member.isError && isApiError(member.error) && fatalForMember.has(member.error.reason)) {
    return <ErrorPanel error={member.error} onRetry={retry} headingLevel={1} />
  }
  if (member.isError && meta.isError)
    return <ErrorPanel error={meta.error} onRetry={retry} headingLevel={1} />
  // Until one side has data there is nothing to show but the skeleton: never an empty page.
  if (member.data === undefined && meta.data === undefined) return <DetailSkeleton />
  const problems = (
    <>
      {meta.isError && (
        <ErrorPanel error={meta.error} onRetry={retry}>
          <p className="basis-full text-sm text-ink-muted">{t('detail.meta-failed')}</p>
        </ErrorPanel>
      )}
      {member.isError && (
        <ErrorPanel error={member.error} onRetry={retry}>
          <p className="basis-full text-sm text-ink-muted">{t('detail.member-failed')}</p>
        </ErrorPanel>
      )}
    </>
  )
  return (
    <BadgeDetail
      customer={customer}
      member={member.data ?? null}
      meta={meta.data ?? null}
      problems={problems}
    />
  )
}
