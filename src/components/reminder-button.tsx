import { useLocation } from 'react-router'
import { shareLink } from '../config/share.ts'
import { t } from '../i18n/i18n.ts'

// Under an hour left, there is no time to remind in.
const AT_LEAST_MS = 3_600_000

/**
 * "Remind me before it runs out" (or to earn it in time): a calendar file made in the browser, a few days before the badge runs out or
 * must be earned. The file's code is fetched on the press, so the badge's page does not carry it.
 */
export function ReminderButton({
  reminder,
  now,
}: {
  reminder: {
    badgeId: string
    name: string
    /** reminder.ts's ReminderKind, named here so the page does not import that module. */
    kind: 'earned-expires' | 'earn-by'
    deadline: number
  }
  now: number
}) {
  const location = useLocation()
  if (reminder.deadline - now < AT_LEAST_MS) return null
  const download = async () => {
    const { reminderFile } = await import('./reminder-file.ts')
    // The badge's page as the member shares it (the portal's link inside a portal): no token.
    const text = reminderFile(reminder, shareLink(location))
    if (text === null) return
    const href = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }))
    const link = document.createElement('a')
    link.href = href
    link.download = 'badge-reminder.ics'
    link.click()
    // After the download has started with it.
    window.setTimeout(() => URL.revokeObjectURL(href), 1000)
  }
  return (
    <button type="button" onClick={() => void download()} className="button-outline">
      {t(`reminder.add.${reminder.kind}`)}
    </button>
  )
}
