import { readFile } from 'node:fs/promises'
import { expect, type Page, test } from '@playwright/test'
import ICAL from 'ical.js'
import { portalOrigin } from '../playwright.config.ts'

// "Remind me before it runs out" on a badge the member holds until a date: the file the browser downloads, read
// by a real calendar parser, in the member's time zone and language.

const MEMBER = '62090013'
const REGULAR = '6650b1c00000000000000002'
const BARISTA = '6650b1c00000000000000003'
const showcase = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4179)}`

/** When the member's Regular runs out, as the API says. */
async function regularUntil(page: Page): Promise<number> {
  const response = await page.request.get(
    `/api_gateway/v1/badges/customer/${MEMBER}?badgeType=EARNED&limit=50`,
  )
  const body = (await response.json()) as {
    data: { badges: { badgeMetaId: string; expiresOn: number | null }[] }
  }
  const regular = body.data.badges.find((badge) => badge.badgeMetaId === REGULAR)
  expect(regular?.expiresOn).toEqual(expect.any(Number))
  return Math.round((regular?.expiresOn ?? 0) * 1000)
}

/** Three days before the deadline's own day there, at 09:00: as a calendar shows a local time. */
function threeDaysBefore(deadline: number, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone }).format(deadline)
  const [year, month, date] = day.split('-').map(Number)
  const before = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (date ?? 0) - 3))
  return `${before.toISOString().slice(0, 10)}T09:00:00`
}

async function download(page: Page, button: string, where: Pick<Page, 'getByRole'> = page) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    where.getByRole('button', { name: button }).click(),
  ])
  expect(file.suggestedFilename()).toBe('badge-reminder.ics')
  const text = await readFile((await file.path()) ?? '', 'utf8')
  const calendar = new ICAL.Component(ICAL.parse(text))
  const vevent = calendar.getFirstSubcomponent('vevent')
  if (vevent === null) throw new Error('no VEVENT in the file')
  return { text, vevent, event: new ICAL.Event(vevent) }
}

for (const { timeZone, locale, button, summary } of [
  {
    timeZone: 'America/New_York',
    locale: 'en',
    button: 'Remind me before it runs out',
    summary: /^Your badge “Regular” runs out on /,
  },
  {
    timeZone: 'Europe/Paris',
    locale: 'fr',
    button: 'Me le rappeler avant qu’il n’expire',
    summary: /^Votre badge « Regular » expire le /,
  },
]) {
  test.describe(`in ${timeZone}, in ${locale}`, () => {
    test.use({ timezoneId: timeZone })

    test('the reminder is a calendar event three days before, at 09:00 there, in their words', async ({
      page,
    }) => {
      const deadline = await regularUntil(page)
      await page.goto(`/customers/${MEMBER}/badges/${REGULAR}#locale=${locale}`)
      await expect(page.getByRole('heading', { level: 1, name: 'Regular' })).toBeVisible()
      const { text, vevent, event } = await download(page, button)
      expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(timeZone)
      expect(event.startDate.toString()).toBe(threeDaysBefore(deadline, timeZone))
      expect(event.summary).toMatch(summary)
      // The badge's page, and nothing that would let anyone else in.
      expect(vevent.getFirstPropertyValue('url')).toMatch(
        new RegExp(`/customers/${MEMBER}/badges/${REGULAR}$`),
      )
      expect(text).not.toMatch(/token/i)
      expect(vevent.getFirstSubcomponent('valarm')).not.toBeNull()
    })
  })
}

test('a badge held for good offers no reminder', async ({ page }) => {
  await page.goto(`/customers/${MEMBER}/badges/6650b1c00000000000000001`)
  await expect(page.getByRole('heading', { level: 1, name: 'First Sip' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Share this badge' })).toBeVisible()
  await expect(page.getByRole('button', { name: /^Remind me/ })).toHaveCount(0)
})

test.describe('in Asia/Dubai', () => {
  test.use({ timezoneId: 'Asia/Dubai' })

  test('a badge issued to the member: earn it by the date, in Arabic', async ({ page }) => {
    const response = await page.request.get(
      `/api_gateway/v1/badges/management/${MEMBER}/badge/${BARISTA}?includeStatistics=true`,
    )
    const { data } = (await response.json()) as {
      data: { issualDetails: { issuals: { issuedStatus: string; issueExpiresOn: number }[] } }
    }
    const active = data.issualDetails.issuals.find((issual) => issual.issuedStatus === 'ACTIVE')
    const earnBy = Math.round((active?.issueExpiresOn ?? 0) * 1000)
    await page.goto(`/customers/${MEMBER}/badges/${BARISTA}#locale=ar`)
    await expect(page.getByRole('heading', { level: 1, name: "Barista's Favourite" })).toBeVisible()
    const { event, vevent } = await download(page, 'ذكّرني باكتسابها في الوقت')
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Dubai')
    expect(event.startDate.toString()).toBe(threeDaysBefore(earnBy, 'Asia/Dubai'))
    expect(event.summary).toMatch(/^اكتسب شارتك «\u2068Barista's Favourite\u2069» حتى /)
  })
})

test('inside a portal, the reminder links to the portal’s page for the badge', async ({ page }) => {
  await page.goto(`${portalOrigin}/portal.html?showcase=${showcase}&badges=/badges/${REGULAR}`)
  const frame = page.frameLocator('#badges iframe')
  await expect(frame.getByRole('heading', { level: 1, name: 'Regular' })).toBeVisible()
  const { vevent } = await download(page, 'Remind me before it runs out', frame)
  expect(vevent.getFirstPropertyValue('url')).toBe(
    `${portalOrigin}/portal.html?badges=/badges/${REGULAR}`,
  )
})
