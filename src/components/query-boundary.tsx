import { QueryErrorResetBoundary } from '@tanstack/react-query'
import { Component, type ReactNode, useSyncExternalStore } from 'react'
import { useLocation } from 'react-router'
import { memberTokenVersion, subscribeMemberToken } from '../config/member-token.ts'
import { ErrorPanel } from './error-panel.tsx'
import { Part } from './part.tsx'

type BoundaryProps = { onReset: () => void; headingLevel: 1 | 2; children: ReactNode }

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
      return (
        <ErrorPanel
          error={this.state.error}
          onRetry={this.retry}
          headingLevel={this.props.headingLevel}
        />
      )
    return this.props.children
  }
}

/**
 * Suspense with the page's skeleton, and an error boundary whose "Try again" refetches the failed
 * queries in place. A new URL, or a fresh member token from the host, starts it afresh.
 */
export function QueryBoundary({
  fallback,
  headingLevel = 2,
  children,
}: {
  fallback: ReactNode
  /** 1 when the boundary holds the page's heading: its error is then the page's heading. */
  headingLevel?: 1 | 2
  children: ReactNode
}) {
  const location = useLocation()
  const tokenVersion = useSyncExternalStore(
    subscribeMemberToken,
    memberTokenVersion,
    // The server renders only pages without a member token (demo mode): the same version.
    memberTokenVersion,
  )
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          key={`${location.pathname}${location.search}#${tokenVersion}`}
          onReset={reset}
          headingLevel={headingLevel}
        >
          <Part fallback={fallback}>{children}</Part>
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  )
}
