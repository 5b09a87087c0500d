import { reminderCalendar, type ReminderKind } from '../badges/reminder.ts'
import { t } from '../i18n/i18n.ts'
import { formatDate } from './format.ts'

// Loaded on the press of "Remind me…": the words in the member's language, and the file.

/** The reminder's title and text in the member's language, naming the badge and its deadline. */
export function reminderWords(
  kind: ReminderKind,
  name: string,
  deadline: number,
  url: string,
): { summary: string; description: string } {
  // The calendar shows the text as it is: plain spaces rather than the page's non-breaking ones.
  const date = formatDate(deadline).replace(/\u00a0/g, ' ')
  const summary =
    kind === 'earned-expires'
      ? t('reminder.summary.expires', { name, date })
      : t('reminder.summary.earn-by', { name, date })
  // The link on a line of its own: calendars that ignore URL still show it.
  return { summary, description: `${summary}\n${url}` }
}

/** The .ics text for the member, now, in their time zone; null when no time is left. */
export function reminderFile(
  reminder: { badgeId: string; kind: ReminderKind; name: string; deadline: number },
  url: string,
): string | null {
  const { badgeId, kind, name, deadline } = reminder
  return reminderCalendar({
    badgeId,
    kind,
    deadline,
    now: Date.now(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    url,
    ...reminderWords(kind, name, deadline, url),
  })
}
