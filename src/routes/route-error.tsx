import { isRouteErrorResponse, Link, useRouteError } from 'react-router'
import { ErrorPanel } from '../components/error-panel.tsx'
import { reloadAsOpened } from '../config/load.ts'
import { t } from '../i18n/i18n.ts'

/** The last line of defence of every route: a failure in plain words, never a blank page. */
export function RouteError() {
  const error = useRouteError()
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <div
        role="alert"
        className="flex flex-col items-start gap-3 rounded-card bg-surface p-6 shadow-sm"
      >
        <h1 className="text-xl font-bold text-ink">{t('error.page-not-found.title')}</h1>
        <p className="text-ink-muted">{t('error.page-not-found.detail')}</p>
        <Link to="/" className="button-secondary px-0">
          {t('error.home')}
        </Link>
      </div>
    )
  }
  return (
    <ErrorPanel error={error} onRetry={reloadAsOpened} headingLevel={1}>
      <Link to="/" className="button-secondary">
        {t('error.home')}
      </Link>
    </ErrorPanel>
  )
}
