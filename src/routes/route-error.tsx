import { isRouteErrorResponse, Link, useRouteError } from 'react-router'
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
  'badge-not-found': { title: 'Badge not found', detail: 'This badge does not exist (any more).' },
  'not-connected': {
    title: 'Not connected',
    detail: 'The showcase could not sign in to the badges service. Please try again later.',
  },
  'not-allowed': { title: 'Not allowed', detail: 'You are not allowed to see these badges.' },
  'too-many-requests': {
    title: 'Too many requests',
    detail: 'The badges service is busy. Please wait a moment and try again.',
  },
  'bad-request': {
    title: 'Something is wrong with this link',
    detail: 'The request was not accepted.',
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
    detail: 'The badges service sent something the showcase cannot read.',
  },
}

/** The error boundary of every route: says what happened in plain words, never a stack trace. */
export function RouteError() {
  const error = useRouteError()
  const { title, detail } = isApiError(error)
    ? explanations[error.reason]
    : isRouteErrorResponse(error) && error.status === 404
      ? { title: 'Page not found', detail: 'There is nothing at this address.' }
      : { title: 'Something went wrong', detail: 'The showcase hit an unexpected problem.' }
  const retryable = isApiError(error) ? error.retryable : true
  return (
    <div
      role="alert"
      className="flex flex-col items-start gap-3 rounded-2xl bg-white p-6 shadow-sm"
    >
      <h1 className="text-xl font-bold text-slate-900">{title}</h1>
      <p className="text-slate-700">{detail}</p>
      <div className="flex gap-3">
        {retryable && (
          <button
            type="button"
            onClick={() => window.location.reload()}
            className="rounded-full bg-slate-900 px-4 py-2 font-medium text-white focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
          >
            Try again
          </button>
        )}
        <Link to="/" className="rounded-full px-4 py-2 font-medium text-sky-800 underline">
          Go to the start
        </Link>
      </div>
    </div>
  )
}
