import { demoDataset } from '../server/emulator/demo-data.ts'
import { type Dataset, objectId } from '../server/emulator/model.ts'
import { generatedBadges, generatedMember } from '../server/emulator/vip-data.ts'

// Bench-only members with 10, 100, 1,000 and 5,000 earned badges, to show how the showcase's cost
// grows with the number of badges. Only the benchmark's server (bench/serve.ts) loads them.

export const BENCH_SIZES = [10, 100, 1_000, 5_000] as const

export function benchDataset(now: number): Dataset {
  const demo = demoDataset(now)
  const extra = BENCH_SIZES.map((size, index) => {
    const customerId = `9000000${index}`
    const badges = generatedBadges(size, customerId, now, (n) => objectId(`be${index}c0de0`, n + 1))
    return {
      badges,
      member: generatedMember(
        customerId,
        `bench-${size}@example.com`,
        badges.map((b) => b.id),
        now,
      ),
    }
  })
  return {
    groups: demo.groups,
    badges: [...demo.badges, ...extra.flatMap((entry) => entry.badges)],
    members: [...demo.members, ...extra.map((entry) => entry.member)],
  }
}

export const benchMember = (size: (typeof BENCH_SIZES)[number]) =>
  `9000000${BENCH_SIZES.indexOf(size)}`
