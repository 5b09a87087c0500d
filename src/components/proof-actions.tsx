import { useMutation } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useLocation } from 'react-router'
import { type Customer } from '../badges/member.ts'
import { shareLink } from '../config/share.ts'
import { currentLocale, t } from '../i18n/i18n.ts'
import { proofMutation } from '../queries/proofs.ts'
import { shareOrCopy } from './share-or-copy.ts'

// What a member who holds a badge can do with it when the server makes proof links: show a
// five-minute QR code at a counter, or share a long-lived link anyone can check. Loaded only on
// an earned badge's page with proofs on, so the QR panel costs the detail page nothing up front.

type Props = { title: string; badgeId: string; customer: Customer }

type Counter = ReturnType<typeof useCounterProof>

function useCounterProof(props: Props) {
  const mutation = useMutation(proofMutation())
  const make = () => mutation.mutate({ ...props, lifetime: 'counter', locale: currentLocale() })
  return { mutation, make }
}

function CounterPanel({
  id,
  headingId,
  counter: { mutation: counter, make },
}: {
  id: string
  headingId: string
  counter: Counter
}) {
  const time = (at: number) =>
    new Intl.DateTimeFormat(currentLocale(), { hour: '2-digit', minute: '2-digit' }).format(at)
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className="flex w-full max-w-xs flex-col items-center gap-2 rounded-card border border-line p-4"
    >
      <h2 id={headingId} className="text-lg font-semibold text-ink">
        {t('proof.counter.heading')}
      </h2>
      {counter.isPending && (
        <p role="status" className="flex size-52 items-center justify-center text-ink-muted">
          {t('proof.making')}
        </p>
      )}
      {counter.isError && (
        <p role="alert" className="text-danger">
          {t('proof.failed')}
        </p>
      )}
      {counter.isSuccess && (
        <>
          <img
            src={counter.data.qr}
            alt={t('proof.qr')}
            width={208}
            height={208}
            className="size-52 bg-white"
            data-proof-url={counter.data.url}
          />
          <p className="text-ink">
            {t('proof.valid-until', { time: time(counter.data.expiresAt) })}
          </p>
          <p className="text-sm text-ink-muted">{t('proof.counter.hint')}</p>
        </>
      )}
      <button type="button" onClick={make} disabled={counter.isPending} className="button-outline">
        {t('proof.renew')}
      </button>
    </section>
  )
}

export function ProofActions(props: Props) {
  const location = useLocation()
  const share = useMutation(proofMutation())
  const counter = useCounterProof(props)
  const [open, setOpen] = useState(false)
  const [said, setSaid] = useState('')
  const panelId = useId()
  const headingId = useId()

  const shareProof = async () => {
    setSaid('')
    let url: string
    let fellBack = false
    try {
      url = (await share.mutateAsync({ ...props, lifetime: 'share', locale: currentLocale() })).url
    } catch {
      // No proof link: the showcase's own link is still worth sharing, and the member is told.
      url = shareLink(location)
      fellBack = true
    }
    const how = await shareOrCopy(props.title, url)
    const copied = how === 'copied' ? t(fellBack ? 'detail.copied' : 'proof.copied') : ''
    setSaid([fellBack ? t('proof.share-failed') : '', copied].filter(Boolean).join(' '))
  }

  return (
    <div className="flex w-full flex-col items-center gap-2">
      <p className="flex flex-wrap items-center justify-center gap-2">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => {
            // Each opening shows a fresh code: one made earlier may have run out.
            if (!open) counter.make()
            setOpen(!open)
          }}
          className="button-outline"
        >
          {t('proof.counter')}
        </button>
        <button
          type="button"
          onClick={() => void shareProof()}
          disabled={share.isPending}
          className="button-outline"
        >
          {t('detail.share')}
        </button>
      </p>
      <p role="status" className="text-sm text-ink-muted">
        {said}
      </p>
      {open && <CounterPanel id={panelId} headingId={headingId} counter={counter} />}
    </div>
  )
}
