import { expect, test } from 'vitest'
import { normalizeLimits, type RawConstraint } from './limits.ts'

const constraint = (overrides: Partial<RawConstraint>): RawConstraint => ({
  constraintType: null,
  constraintLevel: null,
  maxEarnLimit: null,
  durationType: null,
  refreshRate: null,
  rollType: null,
  rollValue: null,
  rollingMaxima: [],
  since: null,
  cycle: null,
  statistics: null,
  ...overrides,
})

test('list shapes: fixed value, fixed window, no limit, by their type prefix', () => {
  expect(
    normalizeLimits(
      [
        constraint({ constraintType: 'CUSTOMER_BADGE_FIXED_VALUE', maxEarnLimit: 1 }),
        constraint({
          constraintType: 'BADGE_FIXED_WINDOW',
          durationType: 'MONTHS',
          maxEarnLimit: 4,
        }),
        constraint({ constraintType: 'CUSTOMER_BADGE_NO_LIMIT' }),
      ],
      'badge',
    ),
  ).toMatchObject([
    { scope: 'member', kind: 'total', max: 1, window: null, used: null, cycle: null },
    // A missing refresh rate is one cycle of the duration.
    {
      scope: 'badge',
      kind: 'fixed-window',
      max: 4,
      window: { unit: 'MONTHS', length: 1 },
      used: null,
      cycle: null,
    },
    { scope: 'member', kind: 'unlimited', max: null, window: null, used: null, cycle: null },
  ])
})

test('statistics shape: the level decides the scope and the per-unit count is the use', () => {
  const [limit] = normalizeLimits(
    [
      constraint({
        constraintLevel: 'CUSTOMER',
        constraintType: 'ROLLING_WINDOW',
        rollType: 'WEEKS',
        rollValue: 2,
        maxEarnLimit: 3,
        statistics: { current: 9, days: null, weeks: 1, months: null },
      }),
    ],
    'badge',
  )
  expect(limit).toMatchObject({
    scope: 'member',
    kind: 'rolling-window',
    max: 3,
    window: { unit: 'WEEKS', length: 2 },
    used: 1,
    cycle: null,
  })
})

test('a fixed window keeps its current cycle and the use in it', () => {
  const [limit] = normalizeLimits(
    [
      constraint({
        constraintLevel: 'BADGE',
        constraintType: 'FIXED_WINDOW',
        durationType: 'DAYS',
        refreshRate: 3,
        maxEarnLimit: 2,
        cycle: { start: 1000, end: 2000 },
        statistics: { current: 1, days: null, weeks: null, months: null },
      }),
    ],
    'member',
  )
  expect(limit).toMatchObject({ scope: 'badge', used: 1, cycle: { start: 1000, end: 2000 } })
})

test('a rolling window with no readable window, and an unknown type, are kept as unknown', () => {
  expect(
    normalizeLimits(
      [
        constraint({ constraintType: 'CUSTOMER_BADGE_ROLLING_WINDOW' }),
        constraint({ constraintType: 'BADGE_LUNAR_CYCLE', maxEarnLimit: 7 }),
      ],
      'member',
    ).map((limit) => [limit.scope, limit.kind, limit.max]),
  ).toEqual([
    ['member', 'unknown', null],
    ['badge', 'unknown', 7],
  ])
})
