import ICAL from 'ical.js'
import { afterEach, expect, test } from 'vitest'
import { reminderWords } from '../components/reminder-file.ts'
import { ar } from '../i18n/ar.ts'
import { fr } from '../i18n/fr.ts'
import { setLocale } from '../i18n/i18n.ts'
import { type Reminder, reminderCalendar, reminderStart } from './reminder.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const NOW = Date.UTC(2026, 10, 25, 21, 0)
const URL_ = 'https://portal.example.com/rewards?badges=/badges/abc'
const root = { lang: '', dir: '' } as unknown as HTMLElement

afterEach(() => setLocale('en', root))

function reminder(overrides: Partial<Reminder> = {}): Reminder {
  return {
    badgeId: 'abc',
    kind: 'earned-expires',
    deadline: Date.UTC(2026, 11, 10, 18, 0),
    now: NOW,
    timeZone: 'Europe/Paris',
    summary: 'Your badge “Regular” runs out on Dec 10, 2026',
    description: 'A description',
    url: URL_,
    ...overrides,
  }
}

/** The file as a calendar reads it, with its own time zone registered. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
  const events = calendar.getAllSubcomponents('vevent')
  const vevent = events[0]
  if (vevent === undefined) throw new Error('no VEVENT')
  return { calendar, events, vevent, event: new ICAL.Event(vevent) }
}

test('three days before, at 09:00 in the member’s time zone, named by its zone', () => {
  for (const [timeZone, utcHour, minute] of [
    ['Europe/Paris', 8, 0],
    ['America/New_York', 14, 0],
    ['Asia/Kolkata', 3, 30],
  ] as const) {
    const text = reminderCalendar(reminder({ timeZone })) ?? ''
    const { event, vevent } = parse(text)
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(timeZone)
    expect(event.startDate.toString()).toBe('2026-12-07T09:00:00')
    expect(event.startDate.toJSDate().getTime()).toBe(Date.UTC(2026, 11, 7, utcHour, minute))
    expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(
      15 * 60_000,
    )
    expect(vevent.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-11-25T21:00:00Z')
  }
})

test('across a change of clocks, the reminder keeps the offset of its own day', () => {
  // Paris moves to summer time on 29 March 2026; the reminder on the 28th is still in winter.
  const text =
    reminderCalendar(
      reminder({ deadline: Date.UTC(2026, 2, 31, 12), now: Date.UTC(2026, 2, 1) }),
    ) ?? ''
  const { event } = parse(text)
  expect(event.startDate.toString()).toBe('2026-03-28T09:00:00')
  expect(event.startDate.toJSDate().getTime()).toBe(Date.UTC(2026, 2, 28, 8))
})

test('less time left: one day before, then the next whole hour; never in the past', () => {
  const zone = 'Europe/Paris'
  // Two days left: 09:00 the day before.
  const inTwoDays = Date.UTC(2026, 10, 27, 20)
  expect(reminderStart(inTwoDays, NOW, zone)).toBe(Date.UTC(2026, 10, 26, 8))
  // Ten hours left, the day before's 09:00 gone: the next whole hour.
  const tonight = NOW + 10 * HOUR
  expect(reminderStart(tonight, NOW, zone)).toBe(Date.UTC(2026, 10, 25, 22))
  // Under an hour left: too late for a reminder.
  expect(reminderStart(NOW + 20 * 60_000, NOW, zone)).toBeNull()
  expect(reminderCalendar(reminder({ deadline: NOW - DAY }))).toBeNull()
  for (const deadline of [NOW + 2 * HOUR, NOW + DAY, NOW + 3 * DAY, NOW + 40 * DAY]) {
    const start = reminderStart(deadline, NOW, zone) ?? 0
    expect(start).toBeGreaterThan(NOW)
    expect(start).toBeLessThan(deadline)
  }
})

test('the title and text are in the member’s language, and name the badge and its deadline', () => {
  const deadline = Date.UTC(2026, 11, 10, 12)
  const summaries: Record<string, string> = {}
  for (const [locale, catalog, words] of [
    ['en', undefined, /^Your badge “Regular” runs out on Dec 10, 2026$/],
    ['fr', fr, /^Votre badge « Regular » expire le 10 déc\. 2026$/],
    ['ar', ar, /^تنتهي شارتك «\u2068Regular\u2069» يوم /],
  ] as const) {
    setLocale(locale, root, catalog)
    const text = reminderCalendar(
      reminder({ deadline, ...reminderWords('earned-expires', 'Regular', deadline, URL_) }),
    )
    const { event, vevent } = parse(text ?? '')
    expect(event.summary).toMatch(words)
    expect(event.description).toContain('Regular')
    expect(event.description).toContain(URL_)
    summaries[locale] = event.summary
    // The alarm says the same, at the event's start.
    const alarm = vevent.getFirstSubcomponent('valarm')
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY')
    expect(alarm?.getFirstPropertyValue('description')).toBe(event.summary)
    expect(alarm?.getFirstPropertyValue('trigger')?.toString()).toBe('PT0S')
  }
  setLocale('fr', root, fr)
  const earnBy = reminderWords('earn-by', 'Regular', deadline, URL_)
  expect(earnBy.summary).toBe('Obtenez votre badge « Regular » d’ici le 10 déc. 2026')
})

test('a hostile badge name stays text: escaped, folded, and read back exactly', () => {
  const name = `Evil; name, with \\ backslash\nBEGIN:VEVENT\r\nUID:forged\r\n${'☕ قهوة '.repeat(12)}`
  const text = reminderCalendar(reminder({ summary: name, description: `${name} ${URL_}` })) ?? ''
  const { events, event } = parse(text)
  expect(events).toHaveLength(1)
  expect(event.uid).toBe(`earned-expires-abc-${Date.UTC(2026, 11, 10, 18)}@badge-showcase`)
  expect(event.summary).toBe(name.replace('\r\n', '\n').replace('\r\n', '\n'))
  expect(text.endsWith('\r\n')).toBe(true)
  for (const line of text.split('\r\n')) {
    expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
  }
  expect(text).not.toMatch(/\r\nUID:forged/)
})

test('the link is the one given, and a zone that is not an IANA name falls back to UTC', () => {
  const { vevent, event } = parse(
    reminderCalendar(reminder({ timeZone: 'Evil:Zone;X=1', url: `${URL_}\r\nX:1` })) ?? '',
  )
  expect(vevent.getFirstPropertyValue('url')).toBe(`${URL_}X:1`)
  expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('UTC')
  expect(event.startDate.toJSDate().getTime()).toBe(Date.UTC(2026, 11, 7, 9))
})
