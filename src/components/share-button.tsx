import { useState } from 'react'
import { useLocation } from 'react-router'
import { shareLink } from '../config/share.ts'
import { t } from '../i18n/i18n.ts'
import { shareOrCopy } from './share-or-copy.ts'

/** Shares the badge's link with the device's share sheet, or copies it where there is none. */
export function ShareButton({ title }: { title: string }) {
  const [copied, setCopied] = useState(false)
  const location = useLocation()
  const share = async () => {
    setCopied((await shareOrCopy(title, shareLink(location))) === 'copied')
  }
  return (
    <p className="flex flex-col items-center gap-1">
      <button type="button" onClick={() => void share()} className="button-outline">
        {t('detail.share')}
      </button>
      <span role="status" className="text-sm text-positive">
        {copied ? t('detail.copied') : ''}
      </span>
    </p>
  )
}
