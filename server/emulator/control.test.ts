import { expect, test } from 'vitest'
import { createApi } from '../api.ts'
import { createClock } from '../clock.ts'
import { API_BASE } from '../contract.ts'
import { MAX_MOVE_DAYS, MAX_OFFSET_DAYS } from './control.ts'
import { demoBadgeIds, NEW_MEMBER, TYPICAL_MEMBER } from './demo-data.ts'

const START = Date.UTC(2026, 10, 22, 12)

function controlled() {
  const clock = createClock(() => START)
  const api = createApi({ emulator: { now: clock.now }, emulatorControl: clock })
  const post = (path: string, body?: unknown) =>
    api.request(`/__emulator${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    })
  const list = async (member: string, query: string) => {
    const response = await api.request(`${API_BASE}/customer/${member}?limit=100&${query}`)
    const body = (await response.json()) as {
      data: { badges: Array<{ badgeMetaId: string; earnedCount: number | null }> }
    }
    return body.data.badges
  }
  const earnedIds = async (member: string, query = '') =>
    (await list(member, `badgeType=EARNED&${query}`)).map((badge) => badge.badgeMetaId)
  return { api, post, list, earnedIds, clock }
}

test('an awarded badge is on the member’s earned list from then on', async () => {
  const { post, earnedIds } = controlled()
  expect(await earnedIds(NEW_MEMBER)).not.toContain(demoBadgeIds.firstSip)
  const response = await post(`/members/${NEW_MEMBER}/badges/${demoBadgeIds.firstSip}/earn`)
  expect(response.status).toBe(200)
  expect(await response.json()).toMatchObject({ earnedAt: START })
  expect(await earnedIds(NEW_MEMBER)).toContain(demoBadgeIds.firstSip)
})

test('a revoked badge leaves the earned list; revoking again says there is nothing to revoke', async () => {
  const { post, earnedIds } = controlled()
  const held = await earnedIds(TYPICAL_MEMBER)
  const badge = held[0] ?? ''
  expect((await post(`/members/${TYPICAL_MEMBER}/badges/${badge}/revoke`)).status).toBe(200)
  expect(await earnedIds(TYPICAL_MEMBER)).not.toContain(badge)
  expect((await post(`/members/${TYPICAL_MEMBER}/badges/${badge}/revoke`)).status).toBe(404)
})

test('a badge taken back is not an expired one, and the earn it took back no longer counts', async () => {
  const { post, list, earnedIds } = controlled()
  const badge = demoBadgeIds.greenStep
  await post(`/members/${TYPICAL_MEMBER}/badges/${badge}/earn`)
  expect(await earnedIds(TYPICAL_MEMBER)).toContain(badge)
  await post(`/members/${TYPICAL_MEMBER}/badges/${badge}/revoke`)
  // "Include expired" is for copies that ran out: this one the member no longer has at all.
  expect(await earnedIds(TYPICAL_MEMBER, 'includeExpired=true')).not.toContain(badge)
  // Earnable once in a lifetime, and the one earn was taken back: still on offer, never earned.
  const offered = await list(TYPICAL_MEMBER, 'badgeType=AVAILABLE')
  expect(offered.find((entry) => entry.badgeMetaId === badge)).toMatchObject({ earnedCount: null })
})

test('the clock moves forward for the emulator, never back', async () => {
  const { api, post, clock } = controlled()
  const moved = await post('/clock', { days: 2 })
  expect(await moved.json()).toEqual({ now: START + 2 * 86_400_000 })
  expect(clock.now()).toBe(START + 2 * 86_400_000)
  expect((await post('/clock', { days: -1 })).status).toBe(400)
  expect((await post('/clock', {})).status).toBe(400)
  expect(await (await api.request('/__emulator/clock')).json()).toEqual({
    now: START + 2 * 86_400_000,
  })
})

test('unknown members and badges are a 404 that says which', async () => {
  const { post } = controlled()
  const noMember = await post(`/members/nobody/badges/${demoBadgeIds.firstSip}/earn`)
  expect(noMember.status).toBe(404)
  expect(await noMember.json()).toEqual({ error: 'No such member in the demo data.' })
  const noBadge = await post(`/members/${NEW_MEMBER}/badges/nope/earn`)
  expect(await noBadge.json()).toEqual({ error: 'No such badge in the demo data.' })
})

test('without the setting there is no control', async () => {
  const api = createApi({})
  const response = await api.request(`/__emulator/clock`, { method: 'POST', body: '{"days":1}' })
  expect(response.status).toBe(404)
})

test('a badge the brand issues is earned on an open issue, which the earn uses up', async () => {
  const { api, post } = controlled()
  const record = async () => {
    const response = await api.request(
      `${API_BASE}/management/${TYPICAL_MEMBER}/badge/${demoBadgeIds.barista}?includeStatistics=true`,
    )
    const body = (await response.json()) as {
      data: { issualDetails: { issuals: Array<{ issuedStatus: string }> } }
    }
    return body.data.issualDetails.issuals.map((issual) => issual.issuedStatus)
  }
  expect(await record()).toEqual(['REVOKED', 'ACTIVE'])
  expect(
    (await post(`/members/${TYPICAL_MEMBER}/badges/${demoBadgeIds.barista}/earn`)).status,
  ).toBe(200)
  expect(await record()).toEqual(['REVOKED', 'EARNED'])
  // No issue left open: a second earn is refused, as Capillary would not award it.
  const again = await post(`/members/${TYPICAL_MEMBER}/badges/${demoBadgeIds.barista}/earn`)
  expect(again.status).toBe(409)
  expect(await again.json()).toMatchObject({ error: expect.stringContaining('open issue') })
})

test('the brand issues a badge it issues: open for the badge’s time for issues, one at a time', async () => {
  const { api, post, clock } = controlled()
  const birthday = `/members/${TYPICAL_MEMBER}/badges/${demoBadgeIds.birthday}`
  const statuses = async () => {
    const response = await api.request(
      `${API_BASE}/management/${TYPICAL_MEMBER}/badge/${demoBadgeIds.birthday}?includeStatistics=true`,
    )
    const body = (await response.json()) as {
      data: { issualDetails: { issuals: Array<{ issuedStatus: string }> } }
    }
    return body.data.issualDetails.issuals.map((issual) => issual.issuedStatus).sort()
  }
  // This year's issue was used by this year's earn: nothing open, so no earn.
  expect((await post(`${birthday}/earn`)).status).toBe(409)
  const issued = await post(`${birthday}/issue`)
  expect(issued.status).toBe(200)
  // Birthday Treat's issues stay open for a month.
  expect(await issued.json()).toMatchObject({
    issuedAt: START,
    expiresAt: Date.UTC(2026, 11, 22, 12),
  })
  expect(await statuses()).toEqual(['ACTIVE', 'EARNED', 'EARNED'])
  // One open issue at a time.
  expect((await post(`${birthday}/issue`)).status).toBe(409)
  // Its one earn a year is used: the issue opened in that year cannot be earned on, as in
  // Capillary (the control awarded it regardless).
  const overLimit = await post(`${birthday}/earn`)
  expect(overLimit.status).toBe(409)
  expect(await overLimit.json()).toMatchObject({ error: expect.stringContaining('as often as') })
  expect(await statuses()).toEqual(['ACTIVE', 'EARNED', 'EARNED'])
  // A year on, it can: the earn uses the issue up.
  clock.advance(365 * 86_400_000)
  expect((await post(`${birthday}/issue`)).status).toBe(200)
  expect((await post(`${birthday}/earn`)).status).toBe(200)
  expect((await statuses()).filter((status) => status === 'EARNED')).toHaveLength(3)
  // A badge members earn without an issue has nothing to issue.
  const plain = await post(`/members/${TYPICAL_MEMBER}/badges/${demoBadgeIds.firstSip}/issue`)
  expect(plain.status).toBe(409)
  expect(await plain.json()).toMatchObject({ error: expect.stringContaining('without an issue') })
})

test('an issue never outlives its badge, and an ended badge is not issued', async () => {
  const { post, clock } = controlled()
  const birthday = `/members/${TYPICAL_MEMBER}/badges/${demoBadgeIds.birthday}/issue`
  // Ten days before Birthday Treat ends (two years on), a month's issue closes with the badge.
  const ends = START + 730 * 86_400_000
  clock.advance(720 * 86_400_000)
  expect(await (await post(birthday)).json()).toMatchObject({ expiresAt: ends })
  // Past its end: nothing to open.
  clock.advance(20 * 86_400_000)
  const late = await post(`/members/${NEW_MEMBER}/badges/${demoBadgeIds.birthday}/issue`)
  expect(late.status).toBe(409)
  expect(await late.json()).toEqual({ error: 'This badge has ended; it can no longer be issued.' })
})

test('no page on another site can drive the control: JSON only, and a cross-site request is refused', async () => {
  const { api, clock } = controlled()
  const revoke = `/__emulator/members/${TYPICAL_MEMBER}/badges/${demoBadgeIds.regular}/revoke`
  // A form (no body, or urlencoded) and a "simple" fetch (text/plain) need no CORS preflight.
  for (const headers of [
    {},
    { 'Content-Type': 'application/x-www-form-urlencoded' },
    { 'Content-Type': 'text/plain' },
  ] as Array<Record<string, string>>) {
    const response = await api.request(revoke, { method: 'POST', headers })
    expect(response.status).toBe(415)
  }
  const clockMove = await api.request('/__emulator/clock', {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: '{"days":1}',
  })
  expect(clockMove.status).toBe(415)
  // A browser says where a request comes from: another site's is refused, JSON or not.
  const crossSite = await api.request('/__emulator/clock', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' },
    body: '{"days":1}',
  })
  expect(crossSite.status).toBe(403)
  expect(clock.now()).toBe(START)
})

test('the clock moves at most ten years at once and a hundred in all, and the demo still answers', async () => {
  // On the real clock: the limit counts from today.
  const clock = createClock()
  const api = createApi({ emulator: { now: clock.now }, emulatorControl: clock })
  const post = (path: string, body: unknown) =>
    api.request(`/__emulator${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
  const today = clock.now()
  expect((await post('/clock', { days: 1e300 })).status).toBe(400)
  expect((await post('/clock', { days: MAX_MOVE_DAYS + 1 })).status).toBe(400)
  expect(clock.now() - today).toBeLessThan(60_000)
  for (let moved = 0; moved < MAX_OFFSET_DAYS; moved += MAX_MOVE_DAYS)
    expect((await post('/clock', { days: MAX_MOVE_DAYS })).status).toBe(200)
  expect((await post('/clock', { days: 30 })).status).toBe(409)
  // Ninety years on, a member's record still answers at once (its windows are counted, not
  // stepped through one by one).
  const record = await api.request(
    `${API_BASE}/management/${TYPICAL_MEMBER}/badge/${demoBadgeIds.regular}?includeStatistics=true`,
  )
  expect(record.status).toBe(200)
  const earned = await api.request(`${API_BASE}/customer/${TYPICAL_MEMBER}?badgeType=EARNED`)
  expect(earned.status).toBe(200)
})

test('an earn is made only as Capillary would make one: in its dates, limits and supply', async () => {
  const { post } = controlled()
  const earn = async (member: string, badge: string) => {
    const response = await post(`/members/${member}/badges/${badge}/earn`)
    return { status: response.status, ...((await response.json()) as { error?: string }) }
  }
  // Every Night Owl is claimed; Trailblazer opens next month; Tom has his one First Sip.
  expect(await earn(NEW_MEMBER, demoBadgeIds.nightOwl)).toMatchObject({
    status: 409,
    error: 'Every one of this badge has been claimed.',
  })
  expect(await earn(NEW_MEMBER, demoBadgeIds.trailblazer)).toMatchObject({
    status: 409,
    error: 'This badge has not started yet.',
  })
  expect(await earn(TYPICAL_MEMBER, demoBadgeIds.firstSip)).toMatchObject({
    status: 409,
    error: 'The member has earned it as often as its limits allow for now.',
  })
  // The new member's first: made.
  expect(await earn(NEW_MEMBER, demoBadgeIds.firstSip)).toMatchObject({ status: 200 })
  expect((await earn(NEW_MEMBER, demoBadgeIds.firstSip)).status).toBe(409)
})
