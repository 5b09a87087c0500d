import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useId } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { failsTheMember } from '../badges/failure.ts'
import { combineDetail } from '../badges/detail.ts'
import { recentlyEarnedAt } from '../badges/display-state.ts'
import { deadlineOf } from '../badges/expiring.ts'
import { historyEvents } from '../badges/history.ts'
import {
  badgeIsOver,
  badgeTruth,
  homeList,
  memberFacts,
  overForAll,
  runOut,
  truthImage,
} from '../badges/truth.ts'
import { type BadgeMeta, type CustomerBadge, type MemberBadge } from '../badges/types.ts'
import { RewardChip } from '../components/badge-card.tsx'
import { BadgeImage } from '../components/badge-image.tsx'
import { type FromList, useFromList } from '../components/badge-link.tsx'
import { useTellHomeList } from '../components/home-list.tsx'
import { ErrorPanel, PartialNotice } from '../components/error-panel.tsx'
import { useGroupName } from '../components/group-section.tsx'
import { Celebration } from '../components/celebration.tsx'
import { ReminderButton } from '../components/reminder-button.tsx'
import { BadgeShare } from '../components/badge-share.tsx'
import { endedTooSentence, heroSentences, truthLabel } from '../components/truth-text.ts'
import { Timeline } from '../components/timeline.tsx'
import { useNow } from '../components/use-now.ts'
import { t } from '../i18n/i18n.ts'
import { benefitText, earnExpiryText, issueExpiryText, limitText } from '../components/wording.ts'
import { firstAnswerPending } from '../queries/first-answer.ts'
import { badgeQueries, listedBadge } from '../queries/badges.ts'
import { pageTitle } from '../config/brand.ts'
import { type Customer, customerPath } from '../badges/member.ts'
import { useCustomer } from '../components/use-customer.ts'

/** Back to the list the page was opened from; opened directly, to the list the badge is on. */
function BackLink({
  customer,
  home,
  expired,
}: {
  customer: Customer
  home: FromList
  /** A badge run out for good: the earned list shows it only with the expired ones. */
  expired: boolean
}) {
  const navigate = useNavigate()
  const fromList = useFromList()
  // The tabs mark the list this link names, as they mark the one a badge was opened from.
  useTellHomeList(home)
  // Going back in history returns to the list with its filters and scroll position.
  return fromList !== null ? (
    <button
      type="button"
      onClick={() => void navigate(-1)}
      className="button-secondary self-start px-0"
    >
      <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
        ←
      </span>
      &nbsp;{t(`detail.back.${fromList}`)}
    </button>
  ) : (
    <Link
      to={customerPath(customer, home, new URLSearchParams(expired ? { expired: '1' } : {}))}
      className="button-secondary self-start px-0"
    >
      <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
        ←
      </span>
      &nbsp;{t(`detail.to.${home}`)}
    </Link>
  )
}

/** One column on a phone; on a wide screen the badge stays in view on one side while its
 *  sections are read on the other (one column there left lines a thousand pixels long). */
const detailColumns =
  'flex flex-col gap-4 lg:grid lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] lg:items-start'

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
  listed,
  problems,
}: {
  customer: Customer
  member: MemberBadge | null
  meta: BadgeMeta | null
  listed: CustomerBadge | null
  problems: ReactNode
}) {
  const now = useNow()
  const badge = combineDetail(meta, member, listed)
  const groupName = useGroupName(badge?.groupId ?? null, badge?.groupName ?? null)
  if (badge === null) return null
  const { groupId, images, limits, customFields } = badge
  const facts = {
    startsAt: badge.startsAt,
    endsAt: badge.expiresAt,
    status: badge.status,
    limits,
    earnType: badge.earnType,
  }
  const truth = member
    ? badgeTruth(memberFacts(facts, member, now), now)
    : badgeTruth(
        {
          ...facts,
          times: 0,
          lastEarnedAt: null,
          held: null,
          lapsed: null,
          issued: null,
          needsIssue: badge.earnType?.toUpperCase() === 'ISSUE_EARN',
          issueKnown: false,
          issuesEndAt: badge.issueExpiry.kind === 'fixed-date' ? badge.issueExpiry.at : null,
        },
        now,
      )
  const image = truthImage(truth)
  const celebrateAt = member && truth.kind === 'earned' ? recentlyEarnedAt(member, now) : null
  const [lead, ...said] = heroSentences(truth, now)
  // Over for every member, or the badge itself ended while the member holds a copy (or held one):
  // how often and how long are moot.
  const over = overForAll(truth) || badgeIsOver(facts, now)
  const endedToo = endedTooSentence(truth, badge.expiresAt, now)
  const rest = endedToo === null ? said : [...said, endedToo]
  const earnExpiry = over ? null : earnExpiryText(badge.earnExpiry, badge.expiresAt)
  const issueExpiry =
    over || truth.kind === 'earned' || truth.kind === 'expired' || truth.kind === 'in-progress'
      ? null
      : issueExpiryText(badge.issueExpiry, badge.expiresAt)
  const name = badge.name?.trim() || t('badge.unnamed')
  const memberLimits = limits.filter((limit) => limit.scope === 'member')
  const deadline = deadlineOf(truth)

  return (
    <div className="flex flex-col gap-4">
      <title>{pageTitle(name)}</title>
      <BackLink customer={customer} home={homeList(truth)} expired={runOut(truth)} />
      <div className={detailColumns}>
        <header
          className={`detail-hero flex flex-col items-center gap-3 overflow-hidden rounded-card border border-line bg-surface p-6 text-center shadow-sm ${celebrateAt !== null ? 'celebrate-hero' : ''}`}
        >
          {celebrateAt !== null && (
            <Celebration
              badgeId={badge.id}
              name={name}
              earnedAt={celebrateAt}
              now={now}
              again={truth.kind === 'earned' && truth.times > 1}
            />
          )}
          <div className={`hero-art ${celebrateAt !== null ? 'celebrate-art' : ''}`}>
            <BadgeImage
              key={badge.id}
              badgeId={badge.id}
              name={badge.name}
              images={images}
              state={image.state}
              muted={image.muted}
              label={truthLabel(truth)}
              size={160}
              priority
              className="size-32 sm:size-40"
            />
          </div>
          <h1 dir="auto" className="api-text text-2xl font-bold text-ink">
            {name}
          </h1>
          <p className="text-lg font-medium text-ink">{lead}</p>
          {rest.map((sentence) => (
            <p key={sentence} className="text-ink-muted">
              {sentence}
            </p>
          ))}
          {badge.benefits.length > 0 && (
            <ul aria-label={t('detail.rewards')} className="flex flex-wrap justify-center gap-2">
              {badge.benefits.map((benefit, index) => (
                <li key={index} className="flex">
                  <RewardChip text={benefitText(benefit)} className="text-sm" />
                </li>
              ))}
            </ul>
          )}
          {groupId !== null && (
            <p dir="auto" className="api-text text-sm text-ink-muted">
              {t('detail.part-of', { group: groupName })}
            </p>
          )}
          {/* What the badge gives and where it belongs, then what the member can do with it. */}
          {deadline && (
            <ReminderButton
              reminder={{ badgeId: badge.id, name, kind: deadline.kind, deadline: deadline.at }}
              now={now}
            />
          )}
          <BadgeShare
            title={name}
            badgeId={badge.id}
            customer={customer}
            held={truth.kind === 'earned'}
          />
        </header>
        <div className="flex flex-col gap-4">
          {problems}
          <Section title={t('detail.how')}>
            <p dir="auto" className="api-text text-pretty text-ink rtl:text-right">
              {badge.description?.trim() || t('detail.no-description')}
            </p>
          </Section>
          {memberLimits.length > 0 && !over && (
            <Section title={t('detail.limits')}>
              <ul className="flex flex-col gap-3 text-ink">
                {memberLimits.map((limit, index) => {
                  const { rule, progress } = limitText(limit)
                  // Not open to the member yet: the rule, not a count of a window they cannot
                  // use ("0 of 2 since Nov 26" read as if they could earn it now).
                  const usage = truth.kind !== 'not-yet'
                  return (
                    <li key={index} className="flex flex-col gap-1">
                      {rule}
                      {usage && progress && (
                        <span className="text-sm text-ink-muted">{progress}</span>
                      )}
                      {usage && limit.used !== null && limit.max !== null && limit.max > 0 && (
                        <Meter used={limit.used} max={limit.max} said={progress !== null} />
                      )}
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
                    <dt dir="auto" className="api-text font-medium text-ink rtl:text-right">
                      {key}
                    </dt>
                    <dd dir="auto" className="api-text text-ink-muted rtl:text-right">
                      {value}
                    </dd>
                  </div>
                ))}
              </dl>
            </Section>
          )}
        </div>
      </div>
    </div>
  )
}

/** How much of a window the member has used, drawn from the counts (never from the art). */
function Meter({ used, max, said }: { used: number; max: number; said: boolean }) {
  // Where the sentence above says the counts, a screen reader hears them once, not again as "1 of 1".
  return (
    <span
      {...(said
        ? { 'aria-hidden': true }
        : { role: 'img', 'aria-label': t('detail.progress', { used, max }) })}
      className="flex h-2 w-full overflow-hidden rounded-full bg-line-strong/40"
    >
      {/* Drawn in SVG: a style attribute would be refused by the CSP in server-rendered HTML. */}
      <svg aria-hidden="true" className="h-full w-full rtl:-scale-x-100" preserveAspectRatio="none">
        <rect width={`${Math.min(used / max, 1) * 100}%`} height="100%" className="fill-accent" />
      </svg>
    </span>
  )
}

function DetailSkeleton() {
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label={t('detail.loading')}
      className="flex flex-col gap-4"
    >
      <div className="h-11 w-32 animate-pulse rounded bg-sunken" />
      {/* The hero's own shape as an earned badge's most often is (art, name, its sentence, until
          when and the next step, a reminder, the reward, the group, share), then the sections:
          the page arrives about where its placeholders were (it was twice as tall). */}
      <div className={detailColumns}>
        <div className="flex flex-col items-center gap-3 rounded-card border border-line bg-surface p-6 shadow-sm">
          <div className="size-32 animate-pulse rounded-full bg-sunken sm:size-40" />
          <div className="h-8 w-44 animate-pulse rounded bg-sunken" />
          <div className="h-14 w-64 max-w-full animate-pulse rounded bg-sunken sm:h-7" />
          <div className="h-12 w-56 max-w-full animate-pulse rounded bg-sunken sm:h-6" />
          <div className="h-6 w-48 max-w-full animate-pulse rounded bg-sunken" />
          <div className="h-6 w-32 animate-pulse rounded bg-sunken" />
          <div className="h-7 w-36 animate-pulse rounded-lg bg-sunken" />
          <div className="h-5 w-40 animate-pulse rounded bg-sunken" />
          <div className="h-6 w-32 animate-pulse rounded bg-sunken" />
        </div>
        <div className="flex flex-col gap-4">
          {Array.from({ length: 3 }, (_, index) => (
            <div key={index} className="flex flex-col gap-2 rounded-card bg-surface p-5 shadow-sm">
              <div className="h-7 w-40 animate-pulse rounded bg-sunken" />
              <div className="h-6 w-full max-w-md animate-pulse rounded bg-sunken" />
            </div>
          ))}
        </div>
      </div>
    </div>
  )
}

export function BadgeDetailPage() {
  const params = useParams()
  const customer = useCustomer()
  const badgeId = params.badgeId ?? ''
  const member = useQuery(badgeQueries.memberBadge(customer, badgeId))
  const meta = useQuery(badgeQueries.meta(badgeId))
  const queryClient = useQueryClient()
  // The definition failed: what a list showed of the badge (its reward, its description) stays.
  const listed = meta.isError ? listedBadge(queryClient, customer, badgeId) : null
  const retry = () => {
    if (member.isError) void member.refetch()
    if (meta.isError) void meta.refetch()
  }

  if (member.isError && failsTheMember(member.error)) {
    return <ErrorPanel error={member.error} onRetry={retry} headingLevel={1} />
  }
  // A badge that is not there (or no longer): say so, and lead back to the member's badges.
  if (member.isError && meta.isError)
    return (
      <ErrorPanel error={meta.error} onRetry={retry} headingLevel={1}>
        <Link to={customerPath(customer, 'earned')} className="button-secondary px-0">
          {t('detail.all')}
        </Link>
      </ErrorPanel>
    )
  // Until one side has data there is nothing to show but the skeleton: never an empty page. And one
  // paint with both first answers: the hero's sentences read the member's record, and painted with
  // the definition alone they grew when the record came, moving everything below (seen when the
  // record took over half a second). A failed first attempt ends the wait for that side.
  if (member.data === undefined && meta.data === undefined) return <DetailSkeleton />
  if (firstAnswerPending(member) || firstAnswerPending(meta)) return <DetailSkeleton />
  const problems = (
    <>
      {meta.isError && (
        <PartialNotice error={meta.error} missing={t('detail.meta-failed')} onRetry={retry} />
      )}
      {member.isError && (
        <PartialNotice error={member.error} missing={t('detail.member-failed')} onRetry={retry} />
      )}
    </>
  )
  return (
    <BadgeDetail
      customer={customer}
      member={member.data ?? null}
      meta={meta.data ?? null}
      listed={listed}
      problems={problems}
    />
  )
}
