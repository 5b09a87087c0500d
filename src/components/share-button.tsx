import { useState } from 'react'
import { useLocation } from 'react-router'
import { shareLink } from '../config/share.ts'
import { t } from '../i18n/i18n.ts'

/** Shares the badge's link with the device's share sheet, or copies it where there is none. */
export function ShareButton({ title }: { title: string }) {
  const [copied, setCopied] = useState(false)
  const location = useLocation()
  const share = async () => {
    const url = shareLink(location)
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, url })
        return
      } catch (error) {
        // The member closed the share sheet: nothing to do.
        if (error instanceof DOMException && error.name === 'AbortError') return
      }
    }
    try {
      await navigator.clipboard.writeText(url)
      setCopied(true)
    } catch {
      setCopied(false)
    }
  }
  return (
    <p className="flex flex-wrap items-center gap-2">
      <button type="button" onClick={() => void share()} className="button-secondary px-0">
        {t('detail.share')}
      </button>
      <span role="status" className="text-sm text-positive">
        {copied ? t('detail.copied') : ''}
      </span>
    </p>
  )
}
