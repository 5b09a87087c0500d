import { useLocation } from 'react-router'
import { shareLink } from '../config/share.ts'
import { t } from '../i18n/i18n.ts'

// Under an hour left, there is no time to remind in.
const AT_LEAST_MS = 3_600_000

/**
 * "Add a reminder": a calendar file made in the browser, a few days before the badge runs out or
 * must be earned. The file's code is fetched on the press, so the badge's page does not carry it.
 */
export function ReminderButton({
  badgeId,
  name,
  kind,
  deadline,
  now,
}: {
  badgeId: string
  name: string
  /** reminder.ts's ReminderKind, named here so the first view does not import that module. */
  kind: 'earned-expires' | 'earn-by'
  deadline: number
  now: number
}) {
  const location = useLocation()
  if (deadline - now < AT_LEAST_MS) return null
  const download = async () => {
    const [{ reminderCalendar }, { reminderWords }] = await Promise.all([
      import('../badges/reminder.ts'),
      import('./reminder-words.ts'),
    ])
    // The badge's page as the member shares it (the portal's link inside a portal): no token.
    const url = shareLink(location)
    const text = reminderCalendar({
      badgeId,
      kind,
      deadline,
      now: Date.now(),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      url,
      ...reminderWords(kind, name, deadline, url),
    })
    if (text === null) return
    const href = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }))
    const link = document.createElement('a')
    link.href = href
    link.download = 'badge-reminder.ics'
    document.body.append(link)
    link.click()
    link.remove()
    // After the download has started with it.
    window.setTimeout(() => URL.revokeObjectURL(href), 1000)
  }
  return (
    <button type="button" onClick={() => void download()} className="button-secondary px-0">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="me-1 size-4 fill-current">
        <path d="M6 2h2v2h4V2h2v2h2a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h2zM5 8v8h10V8zm4 1h2v2h2v2h-2v2H9v-2H7v-2h2z" />
      </svg>
      {t('reminder.add')}
    </button>
  )
}
