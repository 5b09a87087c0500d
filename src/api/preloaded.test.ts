/** @vitest-environment jsdom */
import { afterEach, expect, test } from 'vitest'
import { DATA_BLOCK_ID, preloadKey, resetPreloaded, takePreloaded } from './preloaded.ts'

const list = '/api_gateway/v1/badges/customer/62090013?badgeType=EARNED&sortOn=RANK&limit=50&page=0'

function pageWith(data: unknown) {
  const block = document.createElement('script')
  block.type = 'application/json'
  block.id = DATA_BLOCK_ID
  block.textContent = JSON.stringify(data)
  document.body.append(block)
}

afterEach(() => {
  document.getElementById(DATA_BLOCK_ID)?.remove()
  delete (window as { __badgeShowcaseEarly?: unknown }).__badgeShowcaseEarly
  resetPreloaded()
})

test('the key ignores the order of the query and keeps the identifier kind apart', () => {
  expect(preloadKey(list, null)).toBe(
    preloadKey(
      '/api_gateway/v1/badges/customer/62090013?page=0&limit=50&sortOn=RANK&badgeType=EARNED',
      null,
    ),
  )
  expect(preloadKey(list, 'email')).not.toBe(preloadKey(list, null))
})

test('an answer that came with the page serves its request once, then the network does', async () => {
  pageWith({ [preloadKey(list, null)]: { status: 200, body: { data: { n: 1 } } } })
  const response = await takePreloaded(list, null, null)
  expect(response?.status).toBe(200)
  expect(await response?.json()).toEqual({ data: { n: 1 } })
  expect(takePreloaded(list, null, null)).toBeNull()
})

test('only the very request: another member kind, another origin or another path gets nothing', () => {
  pageWith({ [preloadKey(list, null)]: { status: 200, body: {} } })
  expect(takePreloaded(list, 'email', null)).toBeNull()
  expect(takePreloaded(`https://elsewhere.example${list}`, null, null)).toBeNull()
  expect(takePreloaded(list.replace('page=0', 'page=1'), null, null)).toBeNull()
})

test('a damaged data block costs only the head start', () => {
  const block = document.createElement('script')
  block.type = 'application/json'
  block.id = DATA_BLOCK_ID
  block.textContent = '{not json'
  document.body.append(block)
  expect(takePreloaded(list, null, null)).toBeNull()
})

test("the early script's requests serve only requests made with the same member token", async () => {
  const response = Promise.resolve(new Response('{"data":{}}'))
  Object.assign(window, {
    __badgeShowcaseEarly: [{ key: preloadKey(list, null), token: 'abc', response }],
  })
  expect(takePreloaded(list, null, 'Bearer other')).toBeNull()
  expect(takePreloaded(list, null, 'Bearer abc')).toBe(response)
  expect(takePreloaded(list, null, 'Bearer abc')).toBeNull()
})

test('under a sub-path, the key is the same as the server made it, from /api_gateway on', async () => {
  const baseElement = document.createElement('base')
  baseElement.href = `${window.location.origin}/rewards/badges/`
  document.head.append(baseElement)
  try {
    pageWith({ [preloadKey(list, null)]: { status: 200, body: { data: {} } } })
    expect(takePreloaded(list, null, null)).toBeNull()
    expect(await takePreloaded(`/rewards/badges${list}`, null, null)).toBeInstanceOf(Response)
  } finally {
    baseElement.remove()
  }
})
