import { type ReminderKind } from '../badges/reminder.ts'
import { t } from '../i18n/i18n.ts'
import { formatDate } from './format.ts'

/** The reminder's title and text in the member's language, naming the badge and its deadline. */
export function reminderWords(
  kind: ReminderKind,
  name: string,
  deadline: number,
  url: string,
): { summary: string; description: string } {
  // The calendar shows the text as it is: plain spaces rather than the page's non-breaking ones.
  const date = formatDate(deadline).replace(/\u00a0/g, ' ')
  return kind === 'earned-expires'
    ? {
        summary: t('reminder.summary.expires', { name, date }),
        description: t('reminder.description.expires', { name, date, url }),
      }
    : {
        summary: t('reminder.summary.earn-by', { name, date }),
        description: t('reminder.description.earn-by', { name, date, url }),
      }
}
