import { useInfiniteQuery } from '@tanstack/react-query'
import { NavLink, Outlet, useParams } from 'react-router'
import { type Customer } from '../badges/member.ts'
import { ConfigProblems } from '../components/config-problems.tsx'
import { DemoSwitcher } from '../components/demo-switcher.tsx'
import { KeepPlace } from '../components/keep-place.tsx'
import { useWithinList } from '../components/home-list.tsx'
import { NEWS_SLOT_ID } from '../components/news-slot.ts'
import { runtimeConfig } from '../config/load.ts'
import { brandName, memberLabel, showsBrandRow } from '../config/brand.ts'
import { usePageChange } from '../components/use-page-change.ts'
import { useShownPage } from '../components/one-tap.ts'
import { badgeQueries, defaultLists, type ListQuery } from '../queries/badges.ts'
import { customerPath } from '../badges/member.ts'
import { useCustomer, useMemberFailure } from '../components/use-customer.ts'
import { formatNumber, t } from '../i18n/i18n.ts'

function Tab({
  customer,
  to,
  label,
  list,
}: {
  customer: Customer
  to: string
  label: string
  list: ListQuery
}) {
  // A failed count leaves the tab working without its number.
  const { data } = useInfiniteQuery(badgeQueries.list(customer, list))
  const total = data?.total
  // A badge's page opened from this list keeps the tab marked: the member is still in it. Opened
  // directly, the tab of the list its back link names.
  const within = useWithinList() === to
  return (
    <NavLink
      to={customerPath(customer, to)}
      className={({ isActive }) =>
        `inline-flex min-h-11 items-center gap-1 border-b-4 px-3 font-medium max-[359px]:px-2 max-[359px]:text-sm ${isActive || within ? 'border-accent-ink text-ink' : 'border-transparent text-ink-muted hover:text-ink'}`
      }
    >
      {label}{' '}
      {/* Room for the count before it arrives, so it moves nothing (up to 999 without a shift). */}
      <span className="inline-block min-w-[5ch] text-start tabular-nums">
        {total !== undefined && `(${formatNumber(total)})`}
      </span>
    </NavLink>
  )
}

export function Layout() {
  const params = useParams()
  const routeCustomer = useCustomer()
  const customer = params.customer === undefined ? null : routeCustomer
  const member = customer && memberLabel()
  // An unknown or signed-out member has no lists to switch between: the page says why instead.
  const memberFails = useMemberFailure(customer) !== null
  usePageChange()
  useShownPage()
  return (
    <div className={`bg-canvas text-ink ${runtimeConfig().config.embedded ? '' : 'min-h-dvh'}`}>
      <a
        href="#content"
        // The page's <base> makes "#content" another page (the root): focus the content instead.
        onClick={(event) => {
          event.preventDefault()
          const content = document.getElementById('content')
          content?.focus()
          content?.scrollIntoView()
        }}
        className="sr-only rounded bg-surface px-3 py-2 focus:not-sr-only focus:absolute focus:start-2 focus:top-2"
      >
        {t('app.skip')}
      </a>
      <header className="border-b border-line bg-surface">
        {showsBrandRow() && (
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 px-4 pt-3">
            {brandName() && <p className="text-lg font-bold text-ink">{brandName()}</p>}
            {runtimeConfig().config.demo && <DemoSwitcher />}
            {member && (
              <p className="min-w-0 truncate text-sm text-ink-muted">
                {t('app.member')} <span className="font-medium text-ink">{member}</span>
              </p>
            )}
          </div>
        )}
        {customer && !memberFails && (
          <nav
            aria-label={t('app.tabs')}
            className="relative mx-auto flex max-w-5xl gap-2 px-1 max-[359px]:gap-0 max-[359px]:px-0"
          >
            <Tab
              customer={customer}
              to="earned"
              label={t('app.tab.earned')}
              list={defaultLists.earned}
            />
            <Tab
              customer={customer}
              to="available"
              label={t('app.tab.available')}
              list={defaultLists.available}
            />
            {/* Room kept for "Since your last visit" (the summary puts it here once it knows), so
                its arrival moves no tab; it opens over the page below the row (the nav is its
                frame). Below 360 px the row gives up its gaps so the tabs and it fit 320 px. */}
            <div id={NEWS_SLOT_ID} className="ms-auto me-3 size-11 shrink-0 max-[359px]:me-0" />
          </nav>
        )}
      </header>
      <ConfigProblems />
      <main id="content" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-4 outline-none sm:py-6">
        <Outlet />
      </main>
      <KeepPlace />
    </div>
  )
}
