import { type FailureReason, isApiError } from '../api/errors.ts'

const explanations: Record<FailureReason, { title: string; detail: string }> = {
  'member-not-found': {
    title: 'Member not found',
    detail: 'No loyalty member has this identifier. Check the link or the identifier.',
  },
  'unsupported-identifier': {
    title: 'Unsupported identifier',
    detail: 'Members can be looked up by customer id, email, mobile, external id or card number.',
  },
  'badge-not-found': {
    title: 'Badge not found',
    detail: 'This badge does not exist, or no longer does.',
  },
  'not-connected': {
    title: 'Not connected',
    detail:
      'The showcase could not sign in to the badges service. Please sign in again or try later.',
  },
  'not-allowed': { title: 'Not allowed', detail: 'You are not allowed to see these badges.' },
  'too-many-requests': {
    title: 'Too many requests',
    detail: 'The badges service is busy right now. Please wait a moment and try again.',
  },
  'bad-request': {
    title: 'Something is wrong with this link',
    detail: 'The badges service did not accept the request.',
  },
  server: {
    title: 'The badges service failed',
    detail: 'Something went wrong on our side. Please try again.',
  },
  network: { title: 'You appear to be offline', detail: 'Check your connection and try again.' },
  timeout: {
    title: 'The badges service is slow',
    detail: 'It did not answer in time. Please try again.',
  },
  malformed: {
    title: 'Unreadable answer',
    detail: 'The badges service sent something the showcase cannot read. Please try again later.',
  },
}

export function explain(error: unknown): { title: string; detail: string; retryable: boolean } {
  if (isApiError(error)) return { ...explanations[error.reason], retryable: error.retryable }
  return {
    title: 'Something went wrong',
    detail: 'The showcase hit an unexpected problem.',
    retryable: true,
  }
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
            Try again
          </button>
        )}
        {children}
      </div>
    </div>
  )
}
