import { lazy, Suspense } from 'react'
import { type Customer } from '../badges/member.ts'
import { runtimeConfig } from '../config/load.ts'
import { ShareButton } from './share-button.tsx'

const ProofActions = lazy(() =>
  import('./proof-actions.tsx').then((module) => ({ default: module.ProofActions })),
)

/**
 * Sharing a badge: proof links (a QR code for a counter, a link anyone can check) when the server
 * makes them and the member holds the badge; otherwise, and while they load, the showcase's link.
 */
export function BadgeShare({
  title,
  badgeId,
  customer,
  held,
}: {
  title: string
  badgeId: string
  customer: Customer
  held: boolean
}) {
  if (!held || !runtimeConfig().config.proofs) return <ShareButton title={title} />
  return (
    <Suspense fallback={<ShareButton title={title} />}>
      <ProofActions title={title} badgeId={badgeId} customer={customer} />
    </Suspense>
  )
}
