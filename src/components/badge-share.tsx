import { type Customer } from '../badges/member.ts'
import { runtimeConfig } from '../config/load.ts'
import { t } from '../i18n/i18n.ts'
import { latePart, Part } from './part.tsx'
import { ShareButton } from './share-button.tsx'

// Its code failing to load (offline) leaves the plain share, never a broken page.
const ProofActions = latePart(() =>
  import('./proof-actions.tsx').then(
    (module) => ({ default: module.ProofActions }),
    () => ({ default: ({ title }: { title: string }) => <ShareButton title={title} /> }),
  ),
)

/**
 * Sharing a badge: proof links (a QR code for a counter, a link anyone can check) when the server
 * makes them and the member holds the badge; otherwise the showcase's link. While the proof
 * actions load, their place holds a disabled button: a click then must not share the plain link.
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
    <Part
      fallback={
        <p className="flex">
          <button type="button" disabled className="button-outline">
            {t('detail.share')}
          </button>
        </p>
      }
    >
      <ProofActions title={title} badgeId={badgeId} customer={customer} />
    </Part>
  )
}
