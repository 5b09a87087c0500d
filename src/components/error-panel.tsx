import { readFailure } from '../badges/failure.ts'
import { t } from '../i18n/i18n.ts'

export function explain(error: unknown): { title: string; detail: string; retryable: boolean } {
  const failure = readFailure(error)
  if (failure !== null) {
    return {
      title: t(`error.${failure.reason}.title`),
      detail: t(`error.${failure.reason}.detail`),
      retryable: failure.retryable,
    }
  }
  return { title: t('error.unknown.title'), detail: t('error.unknown.detail'), retryable: true }
}

type Props = {
  error: unknown
  onRetry?: () => void
  headingLevel?: 1 | 2
  children?: React.ReactNode
}

/** A failure in plain words, with a retry where one can help. Never a stack trace. */
export function ErrorPanel({ error, onRetry, headingLevel = 2, children }: Props) {
  const { title, detail, retryable } = explain(error)
  const Heading = headingLevel === 1 ? 'h1' : 'h2'
  return (
    <div
      role="alert"
      className="flex flex-col items-start gap-3 rounded-card bg-surface p-6 shadow-sm"
    >
      <Heading className="text-xl font-bold text-ink">{title}</Heading>
      <p className="text-ink-muted">{detail}</p>
      <div className="flex flex-wrap gap-3">
        {retryable && onRetry && (
          <button type="button" onClick={onRetry} className="button-primary">
            {t('error.retry')}
          </button>
        )}
        {children}
      </div>
    </div>
  )
}

/**
 * A part of a page that did not load while the rest did: one quiet line saying what is missing and
 * why, with a retry, where a full panel would read as if the whole page had failed.
 */
export function PartialNotice({
  error,
  missing,
  onRetry,
}: {
  error: unknown
  missing: string
  onRetry?: () => void
}) {
  const { title, retryable } = explain(error)
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-x-3 rounded-card border border-line bg-surface px-4 py-1 text-sm"
    >
      <p className="py-2 text-ink">
        {missing} <span className="text-ink-muted">{t('error.cause', { title })}</span>
      </p>
      {retryable && onRetry && (
        <button type="button" onClick={onRetry} className="button-secondary min-h-11 px-0">
          {t('error.retry')}
        </button>
      )}
    </div>
  )
}
