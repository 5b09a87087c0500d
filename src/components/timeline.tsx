import { type HistoryEvent } from '../badges/history.ts'
import { t } from '../i18n/i18n.ts'
import { formatDate } from './format.ts'

const dots: Record<HistoryEvent['kind'], string> = {
  // The theme's own inks, which keep their contrast on a dark card too (fixed 700s went dim there).
  earned: 'bg-positive',
  issued: 'bg-link',
  revoked: 'bg-danger',
  expired: 'bg-ink-muted',
}

/** The member's history with a badge, newest first. */
export function Timeline({ events }: { events: HistoryEvent[] }) {
  if (events.length === 0) return <p className="text-ink-muted">{t('history.none')}</p>
  return (
    <ol className="flex flex-col gap-3 border-s-2 border-line ps-4">
      {events.map((event, index) => (
        <li key={`${event.kind}-${event.at}-${index}`} className="relative">
          <span
            aria-hidden="true"
            className={`absolute -start-[23px] top-1.5 size-3 rounded-full ${dots[event.kind]}`}
          />
          <p className="font-medium text-ink">
            {event.earnedAt === undefined
              ? t(`history.${event.of}.${event.kind}`)
              : t('history.earn.expired.from', { date: formatDate(event.earnedAt) })}
          </p>
          <p className="text-sm text-ink-muted">
            <time dateTime={new Date(event.at).toISOString()}>{formatDate(event.at)}</time>
          </p>
        </li>
      ))}
    </ol>
  )
}
