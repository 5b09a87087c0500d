// "Remind me…": an iCalendar event (RFC 5545) a few days before a badge runs out (an earn that
// expires) or must be earned by (an issue that ends), at 09:00 in the member's own time zone.
//
// The event names its zone (TZID, the IANA name Intl resolved) with a VTIMEZONE pinned to the
// offset in force at that moment: calendars that know the IANA name show it as theirs, the others
// still place it at the exact instant. Floating time would move the reminder with a travelling
// member's device, which a deadline in Capillary (an instant) does not do.

export type ReminderKind = 'earned-expires' | 'earn-by'

const HOUR = 3_600_000
/** Reminders go off at this local hour: a morning, when there is still the day to act. */
const REMIND_AT_HOUR = 9
/** The days before the deadline to remind, in order of preference. */
const DAYS_BEFORE = [3, 1]

type Civil = { year: number; month: number; day: number; hour: number; minute: number }

function civilIn(instant: number, timeZone: string): Civil & { second: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant)
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value ?? 0)
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour') % 24,
    minute: part('minute'),
    second: part('second'),
  }
}

/** The zone's offset from UTC at `instant`, in minutes (east positive). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const civil = civilIn(instant, timeZone)
  const asUtc = Date.UTC(
    civil.year,
    civil.month - 1,
    civil.day,
    civil.hour,
    civil.minute,
    civil.second,
  )
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000)
}

/** The instant a wall-clock time happens in the zone (the later one in a gap, the first in a fold). */
function instantOf(civil: Civil, timeZone: string): number {
  const asUtc = Date.UTC(civil.year, civil.month - 1, civil.day, civil.hour, civil.minute)
  const first = asUtc - offsetMinutes(asUtc, timeZone) * 60_000
  return asUtc - offsetMinutes(first, timeZone) * 60_000
}

/**
 * When to remind: 09:00 local three days before the deadline's day, or one day before when that
 * has passed, or the next whole hour when even that has; never in the past, never at or after the
 * deadline. Null when there is no time left to remind in.
 */
export function reminderStart(deadline: number, now: number, timeZone: string): number | null {
  const { year, month, day } = civilIn(deadline, timeZone)
  for (const before of DAYS_BEFORE) {
    // Date.UTC carries a day 0 or below into the month before.
    const date = new Date(Date.UTC(year, month - 1, day - before))
    const at = instantOf(
      {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        hour: REMIND_AT_HOUR,
        minute: 0,
      },
      timeZone,
    )
    if (at > now && at < deadline) return at
  }
  const nextHour = Math.ceil((now + 1) / HOUR) * HOUR
  return nextHour < deadline ? nextHour : null
}

/** TEXT as RFC 5545 §3.3.11 has it: backslash, semicolon, comma and line breaks escaped. */
export function escapeText(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // Other control characters have no place in a content line.
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is dropped
      .replace(/[\u0000-\u001f\u007f]/g, '')
  )
}

const encoder = new TextEncoder()

/** A content line folded at 75 octets (§3.1), never inside a UTF-8 character, with CRLF. */
export function foldLine(line: string): string {
  const out: string[] = []
  let current = ''
  let size = 0
  for (const char of line) {
    const bytes = encoder.encode(char).length
    // The continuation's leading space counts towards its 75.
    const room = out.length === 0 ? 75 : 74
    if (size + bytes > room) {
      out.push(current)
      current = ''
      size = 0
    }
    current += char
    size += bytes
  }
  out.push(current)
  return out.join('\r\n ')
}

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0')

function utcStamp(instant: number): string {
  const date = new Date(instant)
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
}

function localStamp(instant: number, timeZone: string): string {
  const civil = civilIn(instant, timeZone)
  return `${civil.year}${pad(civil.month)}${pad(civil.day)}T${pad(civil.hour)}${pad(civil.minute)}${pad(civil.second)}`
}

function utcOffset(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`
}

export type Reminder = {
  badgeId: string
  kind: ReminderKind
  /** When the earn runs out, or the issue ends. */
  deadline: number
  now: number
  /** The member's IANA time zone (Intl's resolved one). */
  timeZone: string
  /** In the member's language, naming the badge and the deadline. */
  summary: string
  description: string
  /** The badge's page: the portal's share link inside a portal; never a token. */
  url: string
}

/** The .ics file's text, or null when there is no time left to remind in. */
export function reminderCalendar(reminder: Reminder): string | null {
  const { badgeId, kind, deadline, now, summary, description, url } = reminder
  // A zone name goes into a parameter unquoted: only an IANA-shaped one does.
  const timeZone = /^[\w/+-]{1,64}$/.test(reminder.timeZone) ? reminder.timeZone : 'UTC'
  const start = reminderStart(deadline, now, timeZone)
  if (start === null) return null
  const end = Math.min(start + 15 * 60_000, deadline)
  const offset = utcOffset(offsetMinutes(start, timeZone))
  const zone = timeZone
  // One event per badge and deadline: adding it twice updates it rather than doubling it.
  const uid = `${kind}-${encodeURIComponent(badgeId)}-${deadline}@badge-showcase`
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Badge Showcase//Reminders//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${escapeText(uid)}`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;TZID=${zone}:${localStamp(start, timeZone)}`,
    `DTEND;TZID=${zone}:${localStamp(end, timeZone)}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description)}`,
    // eslint-disable-next-line no-control-regex -- a URI value is not escaped; controls are dropped
    `URL:${url.replace(/[\u0000-\u001f\u007f\s]/g, '')}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(summary)}`,
    'TRIGGER:PT0S',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}
