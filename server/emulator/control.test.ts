import { expect, test } from 'vitest'
import { createApi } from '../api.ts'
import { createClock } from '../clock.ts'
import { API_BASE } from '../contract.ts'
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
  const earnedIds = async (member: string) => {
    const response = await api.request(`${API_BASE}/customer/${member}?badgeType=EARNED&limit=100`)
    const body = (await response.json()) as { data: { badges: Array<{ badgeMetaId: string }> } }
    return body.data.badges.map((badge) => badge.badgeMetaId)
  }
  return { api, post, earnedIds, clock }
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
