import { expect, test } from '@playwright/test'

// The running server answers the Badges API paths as Capillary documents them.

test('the earned list with paging for every identifier kind of the typical member', async ({
  request,
}) => {
  const kinds = [
    ['62090013', undefined],
    ['tom.sawyer%40example.com', 'email'],
    ['15550100001', 'mobile'],
    ['TOM-001', 'externalId'],
    ['CARD-0001', 'cardNumber'],
  ] as const
  for (const [id, kind] of kinds) {
    const response = await request.get(
      `/api_gateway/v1/badges/customer/${id}?badgeType=EARNED&limit=2&page=1`,
      {
        headers: kind ? { 'X-CAP-CUSTOMER-IDENTIFIER': kind } : {},
      },
    )
    expect(response.status()).toBe(200)
    const body = await response.json()
    expect(body).toMatchObject({
      errors: [],
      warnings: [],
      data: { pagination: { page: 1, size: 2 } },
    })
    expect(body.data.badges).toHaveLength(2)
  }
})

test('error codes and envelopes', async ({ request }) => {
  const cases = [
    ['/api_gateway/v1/badges/customer/42', {}, 404, 1026],
    ['/api_gateway/v1/badges/customer/42', { 'X-CAP-CUSTOMER-IDENTIFIER': 'nickname' }, 400, 1028],
    ['/api_gateway/v1/badges/customer/62090013?limit=ten', {}, 400, 400],
    ['/api_gateway/v1/badges/badgeMeta/unknown', {}, 404, 404],
    ['/api_gateway/v1/somewhere/else', {}, 404, 404],
  ] as const
  for (const [url, headers, status, code] of cases) {
    const response = await request.get(url, { headers })
    expect(response.status(), url).toBe(status)
    expect(response.headers()['content-type']).toContain('application/json')
    expect((await response.json()).errors[0].code, url).toBe(code)
  }
})
