import { QueryErrorResetBoundary } from '@tanstack/react-query'
import { Component, type ReactNode, Suspense } from 'react'
import { useLocation } from 'react-router'
import { ErrorPanel } from './error-panel.tsx'

type BoundaryProps = { onReset: () => void; children: ReactNode }

class ErrorBoundary extends Component<BoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null }

  static getDerivedStateFromError(error: unknown) {
    return { error }
  }

  retry = () => {
    this.props.onReset()
    this.setState({ error: null })
  }

  override render() {
    if (this.state.error !== null)
      return <ErrorPanel error={this.state.error} onRetry={this.retry} />
    return this.props.children
  }
}

/**
 * Suspense with the page's skeleton, and an error boundary whose "Try again" refetches the failed
 * queries in place. A new URL starts it afresh.
 */
export function QueryBoundary({
  fallback,
  children,
}: {
  fallback: ReactNode
  children: ReactNode
}) {
  const location = useLocation()
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary key={location.pathname + location.search} onReset={reset}>
          <Suspense fallback={fallback}>{children}</Suspense>
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  )
}
