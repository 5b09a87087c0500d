// Generates the demo badge artwork in public/demo/: one SVG per motif and state, the
// earned artwork of every tier of the VIP's generated badges (public/demo/tiers/), and
// the demo's deliberately broken image.
// Run with `npx tsx scripts/make-demo-art.ts`. The output is committed, so the
// generator must stay deterministic: no randomness, no dates, fixed rounding.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tierArtUrl, vipThemes, vipTiers } from '../server/emulator/vip-data.ts'

const OUT_DIR = join(import.meta.dirname, '..', 'public', 'demo')

// Everything is drawn on a 128 grid around this centre so that the three states
// line up exactly and the in-progress outline and tier stars have room around the badge.
const C = 64

type Shape = 'circle' | 'hexagon' | 'shield' | 'rosette'
type State = 'earned' | 'unearned' | 'in-progress'

/** Colours a glyph is drawn with: `ink` for the motif, `cut` for details punched out of it. */
interface Paint {
  ink: string
  cut: string
}

interface Motif {
  slug: string
  main: string
  dark: string
  shape: Shape
  glyph: (p: Paint) => string
}

// ---------------------------------------------------------------------------
// Small helpers

/** One decimal place is plenty at 128 px and keeps the files small and stable. */
function n(x: number): string {
  const r = Math.round(x * 10) / 10
  return Object.is(r, -0) ? '0' : String(r)
}

function mix(a: string, b: string, t: number): string {
  const ca = parseInt(a.slice(1), 16)
  const cb = parseInt(b.slice(1), 16)
  let out = '#'
  for (const shift of [16, 8, 0]) {
    const va = (ca >> shift) & 255
    const vb = (cb >> shift) & 255
    out += Math.round(va + (vb - va) * t)
      .toString(16)
      .padStart(2, '0')
  }
  return out
}

const tint = (hex: string, amount: number) => mix(hex, '#ffffff', amount)

function polar(r: number, deg: number, cx = C, cy = C): [number, number] {
  const a = (deg * Math.PI) / 180
  return [cx + r * Math.cos(a), cy + r * Math.sin(a)]
}

/** Stroke-only path; glyph groups default to filled, so outlines must opt out. */
const line = (d: string, extra = '') => `<path d="${d}" fill="none"${extra}/>`

/** Filled path that also picks up the group's round stroke, which softens its corners. */
const solid = (d: string, extra = '') => `<path d="${d}"${extra}/>`

function star(cx: number, cy: number, outer: number, inner: number): string {
  const pts: string[] = []
  for (let i = 0; i < 10; i++) {
    const [x, y] = polar(i % 2 ? inner : outer, -90 + i * 36, cx, cy)
    pts.push(`${n(x)} ${n(y)}`)
  }
  return `M${pts.join('L')}Z`
}

/** Four-point twinkle; reads as "shine" even at 10 px. */
function sparkle(x: number, y: number, s: number): string {
  const q = `Q${n(x)} ${n(y)}`
  return `M${n(x)} ${n(y - s)}${q} ${n(x + s)} ${n(y)}${q} ${n(x)} ${n(y + s)}${q} ${n(x - s)} ${n(y)}${q} ${n(x)} ${n(y - s)}Z`
}

/** Polygon with quadratic corners, so hexagons look friendly rather than sharp. */
function roundedPolygon(points: [number, number][], radius: number): string {
  let d = ''
  points.forEach(([x, y], i) => {
    const [px, py] = points.at(i - 1) ?? [x, y]
    const [nx, ny] = points.at((i + 1) % points.length) ?? [x, y]
    const lenIn = Math.hypot(x - px, y - py)
    const lenOut = Math.hypot(nx - x, ny - y)
    const ax = x + ((px - x) / lenIn) * radius
    const ay = y + ((py - y) / lenIn) * radius
    const bx = x + ((nx - x) / lenOut) * radius
    const by = y + ((ny - y) / lenOut) * radius
    d += `${i ? 'L' : 'M'}${n(ax)} ${n(ay)}Q${n(x)} ${n(y)} ${n(bx)} ${n(by)}`
  })
  return d + 'Z'
}

// ---------------------------------------------------------------------------
// Badge outlines. `r` is the nominal radius; each shape is tuned so that all of
// them look the same size and stay inside the in-progress outline.

function shapePath(shape: Shape, r: number): string {
  switch (shape) {
    case 'circle':
      return `M${C} ${n(C - r)}a${n(r)} ${n(r)} 0 1 1 0 ${n(2 * r)}a${n(r)} ${n(r)} 0 1 1 0 ${n(-2 * r)}Z`
    case 'hexagon': {
      const R = r * 1.06
      const pts = [0, 1, 2, 3, 4, 5].map((i) => polar(R, -90 + i * 60))
      return roundedPolygon(pts, R * 0.18)
    }
    case 'shield': {
      // Unit-space outline: flat shoulders, straight sides, soft point at the bottom.
      const s = r * 0.98
      const p = (x: number, y: number) => `${n(C + x * s)} ${n(C + y * s)}`
      return (
        `M${p(0, -0.98)}C${p(0.3, -0.84)} ${p(0.55, -0.8)} ${p(0.74, -0.8)}` +
        `Q${p(0.86, -0.8)} ${p(0.86, -0.68)}V${n(C + 0.05 * s)}` +
        `C${p(0.86, 0.55)} ${p(0.45, 0.86)} ${p(0, 1.04)}` +
        `C${p(-0.45, 0.86)} ${p(-0.86, 0.55)} ${p(-0.86, 0.05)}` +
        `V${n(C - 0.68 * s)}Q${p(-0.86, -0.8)} ${p(-0.74, -0.8)}` +
        `C${p(-0.55, -0.8)} ${p(-0.3, -0.84)} ${p(0, -0.98)}Z`
      )
    }
    case 'rosette': {
      // Twelve scallops; the base circle is pulled in so the bumps peak at ~r.
      const base = r * 0.9
      const bump = base * Math.sin(Math.PI / 12) * 1.1
      let d = ''
      for (let i = 0; i <= 12; i++) {
        const [x, y] = polar(base, -90 + i * 30)
        d += i ? `A${n(bump)} ${n(bump)} 0 0 1 ${n(x)} ${n(y)}` : `M${n(x)} ${n(y)}`
      }
      return d + 'Z'
    }
  }
}

const OUTER_R = 44
const INNER_R = 37

// ---------------------------------------------------------------------------
// Glyphs: drawn by hand on the 128 grid, roughly inside 38..90 on both axes.

function snowflake(): string {
  const arm = `M64 64V38M56.5 42.5l7.5 7.5 7.5-7.5`
  return [0, 60, 120, 180, 240, 300]
    .map((a) => line(arm, a ? ` transform="rotate(${a} 64 64)"` : ''))
    .join('')
}

/** Pointed leaf from base to tip: two equal arcs make a lens shape. */
function leaf(bx: number, by: number, tx: number, ty: number, w: number): string {
  const a = `A${w} ${w} 0 0 1`
  return `M${n(bx)} ${n(by)}${a} ${n(tx)} ${n(ty)}${a} ${n(bx)} ${n(by)}`
}

function laurel(): string {
  let leaves = ''
  let stems = ''
  for (const side of [-1, 1]) {
    // Work on the left branch and mirror it, so the wreath is exactly symmetric.
    const x = (v: number) => (side < 0 ? v : 128 - v)
    const [s1x, s1y] = polar(24, 100)
    const [s2x, s2y] = polar(24, 226)
    stems += `M${n(x(s1x))} ${n(s1y)}A24 24 0 0 ${side < 0 ? 1 : 0} ${n(x(s2x))} ${n(s2y)}`
    for (let k = 0; k < 5; k++) {
      const deg = 112 + k * 28
      const rad = (deg * Math.PI) / 180
      // Leaves grow towards the top of the wreath and splay outwards.
      const splay = k === 4 ? 0 : 0.6
      const dx = -Math.sin(rad) + splay * Math.cos(rad)
      const dy = Math.cos(rad) + splay * Math.sin(rad)
      const len = 12 / Math.hypot(dx, dy)
      const [bx, by] = polar(24, deg)
      leaves += leaf(x(bx), by, x(bx + dx * len), by + dy * len, 8)
    }
  }
  return line(stems, ' stroke-width="2.5"') + solid(leaves, ' stroke="none"')
}

const MOTIFS: Motif[] = [
  {
    slug: 'first-sip',
    main: '#dc2626',
    dark: '#991b1b',
    shape: 'circle',
    glyph: () =>
      solid('M44 56h32v10a14 14 0 0 1-14 14h-4a14 14 0 0 1-14-14z') +
      line('M78 60h2a6 6 0 0 1 0 12h-4') +
      line('M43 88h38') +
      line('M55 49c-3-3 3-5 0-9M65 49c-3-3 3-5 0-9', ' stroke-width="3.5"'),
  },
  {
    slug: 'regular',
    main: '#7c3aed',
    dark: '#4c1d95',
    shape: 'hexagon',
    glyph: () => {
      // A tilted punch card: six stamps done, two to go.
      let dots = ''
      for (let i = 0; i < 8; i++) {
        const x = 49 + (i % 4) * 10
        const y = i < 4 ? 59 : 71
        dots +=
          i < 6
            ? `<circle cx="${x}" cy="${y}" r="4" stroke="none"/>`
            : `<circle cx="${x}" cy="${y}" r="3.2" fill="none" stroke-width="2.2"/>`
      }
      const card = line(
        'M44 45h40a6 6 0 0 1 6 6v26a6 6 0 0 1-6 6H44a6 6 0 0 1-6-6V51a6 6 0 0 1 6-6z',
      )
      return `<g transform="rotate(-8 64 64)">${card}${dots}</g>`
    },
  },
  {
    slug: 'barista',
    main: '#a0522d',
    dark: '#5b2c12',
    shape: 'shield',
    glyph: () =>
      // Two bean halves separated by the classic S-shaped crease.
      `<g transform="translate(64 62) rotate(30)" stroke="none">` +
      solid('M-2.5-25.7A18 26 0 0 0-2.5 25.7C-10.5 10 5.5-10-2.5-25.7Z') +
      solid('M2.5-25.7A18 26 0 0 1 2.5 25.7C-5.5 10 10.5-10 2.5-25.7Z') +
      `</g>`,
  },
  {
    slug: 'night-owl',
    main: '#4338ca',
    dark: '#1e1b4b',
    shape: 'rosette',
    glyph: () =>
      solid('M72 42.2A23 23 0 1 0 84.9 76A19 19 0 0 1 72 42.2Z') +
      solid(sparkle(80, 54, 6), ' stroke-width="1.5"') +
      solid(sparkle(88, 42, 3.5), ' stroke-width="1"'),
  },
  {
    slug: 'weekend-explorer',
    main: '#0d9488',
    dark: '#134e4a',
    shape: 'circle',
    glyph: ({ cut }) =>
      line('M64 40a24 24 0 1 1 0 48a24 24 0 1 1 0-48Z') +
      line('M64 46v3M82 64h-3M64 82v-3M46 64h3', ' stroke-width="3"') +
      `<g transform="rotate(40 64 64)">` +
      solid('M64 47l6 17H58z', ' stroke-width="2"') +
      line('M58 64h12l-6 17z', ' stroke-width="2.5"') +
      `</g><circle cx="64" cy="64" r="2.4" fill="${cut}" stroke="none"/>`,
  },
  {
    slug: 'big-spender',
    main: '#db2777',
    dark: '#831843',
    shape: 'hexagon',
    glyph: ({ cut }) =>
      line('M54 58v-7a10 10 0 0 1 20 0v7') +
      solid('M43 56h42l-3 30H46z') +
      `<circle cx="54" cy="60" r="2.2" fill="${cut}" stroke="none"/>` +
      `<circle cx="74" cy="60" r="2.2" fill="${cut}" stroke="none"/>` +
      `<path d="${star(64, 73, 8, 3.4)}" fill="${cut}" stroke="none"/>`,
  },
  {
    slug: 'early-bird',
    main: '#f59e0b',
    dark: '#b45309',
    shape: 'rosette',
    glyph: () => {
      let rays = ''
      for (const a of [-90, -55, -125, -20, -160]) {
        const [x1, y1] = polar(21, a, 64, 70)
        const [x2, y2] = polar(28, a, 64, 70)
        rays += `M${n(x1)} ${n(y1)}L${n(x2)} ${n(y2)}`
      }
      return (
        solid('M48 70a16 16 0 0 1 32 0z') +
        line(rays) +
        line('M38 70h52') +
        line('M47 79h34M56 87h16')
      )
    },
  },
  {
    slug: 'trailblazer',
    main: '#2563eb',
    dark: '#1e3a8a',
    shape: 'shield',
    glyph: ({ cut }) =>
      solid('M42 82L60 53l9 14 5-7 12 22z') +
      `<path d="M54.4 62L60 53l5.6 9-2.6-1.8-3 3-3-3z" fill="${cut}" stroke="none"/>` +
      line('M60 53V35', ' stroke-width="3"') +
      solid('M60 35l12 5-12 5z', ' stroke-width="2"'),
  },
  {
    slug: 'reviewer',
    main: '#e11d48',
    dark: '#881337',
    shape: 'circle',
    glyph: () =>
      line(
        'M47 41h34a8 8 0 0 1 8 8v22a8 8 0 0 1-8 8H61l-10 9v-9h-4a8 8 0 0 1-8-8V49a8 8 0 0 1 8-8z',
      ) + solid(star(64, 60.5, 11, 4.8), ' stroke-width="2"'),
  },
  {
    slug: 'referrer',
    main: '#ea580c',
    dark: '#9a3412',
    shape: 'hexagon',
    glyph: ({ cut }) =>
      // The front figure gets a cut-coloured outline so the two people stay separate.
      `<circle cx="74" cy="49" r="8"/>` +
      solid('M60 80a14 13 0 0 1 28 0z') +
      `<g stroke="${cut}" stroke-width="3">` +
      `<circle cx="55" cy="56" r="9"/>` +
      solid('M36 86a19 16 0 0 1 38 0z') +
      `</g>`,
  },
  {
    slug: 'green-step',
    main: '#16a34a',
    dark: '#14532d',
    shape: 'circle',
    glyph: ({ cut }) =>
      solid('M45 83C41 58 60 42 87 41C88 67 71 86 45 83Z') +
      line('M45 83l-7 7') +
      `<path d="M48 80L76 52M58 70v-9M66 62h8" fill="none" stroke="${cut}" stroke-width="2.5"/>`,
  },
  {
    slug: 'birthday',
    main: '#c026d3',
    dark: '#701a75',
    shape: 'rosette',
    glyph: ({ cut }) =>
      line('M52 56v-8M64 56v-8M76 56v-8', ' stroke-width="3.5"') +
      solid(
        'M52 36c2.5 3 2.5 6 0 6s-2.5-3 0-6zM64 36c2.5 3 2.5 6 0 6s-2.5-3 0-6zM76 36c2.5 3 2.5 6 0 6s-2.5-3 0-6z',
        ' stroke-width="1.5"',
      ) +
      solid('M42 60h44v24H42z') +
      `<path d="M42 68q3.7 4 7.3 0t7.3 0 7.4 0 7.3 0 7.4 0 7.3 0" fill="none" stroke="${cut}" stroke-width="2.5"/>` +
      line('M38 90h52'),
  },
  {
    slug: 'holiday',
    main: '#0284c7',
    dark: '#0c4a6e',
    shape: 'hexagon',
    glyph: () => snowflake(),
  },
  {
    slug: 'welcome',
    main: '#65a30d',
    dark: '#365314',
    shape: 'shield',
    glyph: ({ cut }) =>
      line('M48 84V44a4 4 0 0 1 4-4h24a4 4 0 0 1 4 4v40') +
      solid('M48 41l15 5v43l-15-5z', ' stroke-width="3"') +
      `<circle cx="59.5" cy="67" r="2" fill="${cut}" stroke="none"/>` +
      line('M40 84h8M80 84h8') +
      solid(sparkle(71, 56, 4), ' stroke-width="1"'),
  },
  {
    slug: 'summer-sampler',
    main: '#0891b2',
    dark: '#164e63',
    shape: 'shield',
    glyph: ({ cut }) =>
      // An iced drink with a straw, under a small sun.
      solid('M47 52h30l-4 34H51z') +
      `<g fill="${cut}" stroke="none"><rect x="53" y="58" width="9" height="9" rx="2" transform="rotate(-12 57.5 62.5)"/>` +
      `<rect x="62" y="68" width="9" height="9" rx="2" transform="rotate(10 66.5 72.5)"/></g>` +
      line('M69 52l7-16h6', ' stroke-width="3.5"') +
      `<circle cx="86" cy="50" r="5.5" stroke="none"/>` +
      line('M86 39v2.5M94 42l-1.8 1.8M97 50h-2.5', ' stroke-width="2.5"'),
  },
  {
    slug: 'anniversary',
    main: '#ca8a04',
    dark: '#713f12',
    shape: 'rosette',
    glyph: () => laurel() + line('M58 54l6-5v29M57.5 78h13', ' stroke-width="5"'),
  },
]

// ---------------------------------------------------------------------------
// States

function svg(body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">${body}</svg>\n`
}

function glyphGroup(m: Motif, paint: Paint, extra = ''): string {
  return (
    `<g fill="${paint.ink}" stroke="${paint.ink}" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"${extra}>` +
    m.glyph(paint) +
    `</g>`
  )
}

/** Two ribbon tails peeking out under the badge: the "medal" cue. */
function ribbons(main: string, dark: string): string {
  const left = 'M49 88L37 118l8.5-2.5L51 123l11-29z'
  const right = 'M79 88l12 30-8.5-2.5L77 123 66 94z'
  return `<path d="${left}" fill="${main}"/><path d="${right}" fill="${dark}"/>`
}

/** A tier's metal: light, mid and dark tones for the rim, ribbons and stars. */
interface Metal {
  light: string
  mid: string
  dark: string
}

/**
 * The earned badge. With a `tier`, the rim and ribbons are drawn in that tier's metal,
 * with bands on the rim and a crown of stars that grow with the tier, so that a ladder
 * of tiers reads at a glance: more stars, richer metal.
 */
function earned(m: Motif, tier?: { metal: Metal; stars: number; bands: number }): string {
  const id = `${m.slug}-earned-g`
  const glyphId = `${m.slug}-earned-glyph`
  const light = tint(m.main, 0.28)
  // The glyph's "cut" details sit on the gradient, so use its mid tone.
  const cut = tint(m.main, 0.12)
  const [sx1, sy1] = polar(INNER_R - 7, 196)
  const [sx2, sy2] = polar(INNER_R - 7, 242)
  const rim = tier
    ? `<linearGradient id="rim" x1="0" y1="0" x2="1" y2="1">` +
      `<stop offset="0" stop-color="${tier.metal.light}"/><stop offset=".5" stop-color="${tier.metal.mid}"/>` +
      `<stop offset="1" stop-color="${tier.metal.dark}"/></linearGradient>`
    : ''
  return svg(
    `<defs><linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1">` +
      `<stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${m.main}"/>` +
      `</linearGradient>${rim}${glyphGroup(m, { ink: 'currentColor', cut }, ` id="${glyphId}"`)}</defs>` +
      (tier ? ribbons(tier.metal.mid, tier.metal.dark) : ribbons(m.main, m.dark)) +
      `<path d="${shapePath(m.shape, OUTER_R)}" fill="${tier ? 'url(#rim)' : m.dark}"${tier ? ` stroke="${tier.metal.dark}" stroke-width="1.5"` : ''}/>` +
      (tier ? rimBands(m, tier.metal, tier.bands) : '') +
      `<path d="${shapePath(m.shape, INNER_R)}" fill="url(#${id})"${tier ? ` stroke="${tier.metal.dark}" stroke-width="1.5"` : ''}/>` +
      // Soft highlight on the upper left, as if the badge caught the light.
      `<path d="M${n(sx1)} ${n(sy1)}A${INNER_R - 7} ${INNER_R - 7} 0 0 1 ${n(sx2)} ${n(sy2)}" fill="none" stroke="#fff" stroke-opacity=".45" stroke-width="3" stroke-linecap="round"/>` +
      // Drawn once in currentColor and reused for its own drop shadow, which keeps
      // the larger glyphs well under the file size budget.
      `<use href="#${glyphId}" color="${m.dark}" opacity=".3" transform="translate(0 2)"/>` +
      `<use href="#${glyphId}" color="#fff"/>` +
      (tier ? starCrown(tier.metal, tier.stars) : ''),
  )
}

/** Thin lines engraved in the rim, one per band. */
function rimBands(m: Motif, metal: Metal, bands: number): string {
  let out = ''
  for (let b = 0; b < bands; b++) {
    const r = INNER_R + ((OUTER_R - INNER_R) * (b + 1)) / (bands + 1)
    out += `<path d="${shapePath(m.shape, r)}" fill="none" stroke="${metal.dark}" stroke-opacity=".55" stroke-width="1.2"/>`
  }
  return out
}

/** An arc of stars over the badge, one per tier reached. */
function starCrown(metal: Metal, count: number): string {
  const step = 16
  let uses = ''
  for (let i = 0; i < count; i++) {
    const [x, y] = polar(54, -90 + (i - (count - 1) / 2) * step)
    uses += `<use href="#star" x="${n(x)}" y="${n(y)}"/>`
  }
  return (
    `<defs><path id="star" d="${star(0, 0, 6.2, 2.8)}" fill="${metal.mid}" stroke="${metal.dark}" stroke-width="1" stroke-linejoin="round"/></defs>` +
    uses
  )
}

// The VIP ladders' metals, lowest tier first (the order of vipTiers).
const METALS: Metal[] = [
  { light: '#f2c49b', mid: '#b8733a', dark: '#6e3b14' }, // Bronze
  { light: '#ffffff', mid: '#b4bdc8', dark: '#66717e' }, // Silver
  { light: '#fff1a8', mid: '#e2a40c', dark: '#8a5a00' }, // Gold
  { light: '#f4f7ff', mid: '#9fb0cc', dark: '#4b5a78' }, // Platinum
  { light: '#e8fbff', mid: '#5fc6e6', dark: '#17708f' }, // Diamond
  { light: '#f1e4ff', mid: '#a06ae0', dark: '#4f2587' }, // Legend
  { light: '#ffe1e3', mid: '#e0474d', dark: '#851b20' }, // Master
  { light: '#d6fbe9', mid: '#16b07f', dark: '#075e45' }, // Elite
  { light: '#fff6cc', mid: '#d9a521', dark: '#5b1e8c' }, // Royal: gold shading into purple
]

const GREY_RIM = '#cdd2d9'
const GREY_FACE = '#eef0f3'
const GREY_INK = '#a4acb7'
const GREY_LOCK = '#737d8a'

function unearned(m: Motif): string {
  return svg(
    `<path d="${shapePath(m.shape, OUTER_R)}" fill="${GREY_RIM}"/>` +
      `<path d="${shapePath(m.shape, INNER_R)}" fill="${GREY_FACE}"/>` +
      glyphGroup(m, { ink: GREY_INK, cut: GREY_FACE }) +
      // Padlock sits on the rim, bottom right, where every shape has room for it.
      `<circle cx="99" cy="99" r="13" fill="#fff" stroke="${GREY_RIM}" stroke-width="3"/>` +
      `<path d="M95 97v-3.5a4 4 0 0 1 8 0V97" fill="none" stroke="${GREY_LOCK}" stroke-width="2.5"/>` +
      `<rect x="92" y="96" width="14" height="11" rx="2.5" fill="${GREY_LOCK}"/>` +
      `<circle cx="99" cy="101.5" r="1.8" fill="#fff"/>`,
  )
}

const RING_R = 56
const RING_DASHES = 24
// Evenly dashed all the way round, so it reads as "under way" without claiming any
// amount done: how far the member is comes from data, drawn by the app. Absolute dash
// lengths rather than pathLength, which older renderers ignore on <circle>.
const RING_DASH = (2 * Math.PI * RING_R) / RING_DASHES

function inProgress(m: Motif): string {
  const face = tint(m.main, 0.9)
  const glow = `${m.slug}-glow`
  return svg(
    `<defs><radialGradient id="${glow}"><stop offset=".6" stop-color="${m.main}" stop-opacity=".28"/>` +
      `<stop offset="1" stop-color="${m.main}" stop-opacity="0"/></radialGradient></defs>` +
      `<circle cx="64" cy="64" r="63" fill="url(#${glow})"/>` +
      `<circle cx="64" cy="64" r="${RING_R}" fill="none" stroke="${m.main}" stroke-width="4" stroke-linecap="round" stroke-dasharray="${n(RING_DASH * 0.55)} ${n(RING_DASH * 0.45)}"/>` +
      `<path d="${shapePath(m.shape, OUTER_R)}" fill="${tint(m.main, 0.55)}"/>` +
      `<path d="${shapePath(m.shape, INNER_R)}" fill="${face}"/>` +
      glyphGroup(m, { ink: m.main, cut: face }),
  )
}

const STATES: Record<State, (m: Motif) => string> = {
  earned,
  unearned,
  'in-progress': inProgress,
}

// ---------------------------------------------------------------------------

mkdirSync(OUT_DIR, { recursive: true })
let written = 0
for (const m of MOTIFS) {
  for (const [state, render] of Object.entries(STATES)) {
    writeFileSync(join(OUT_DIR, `${m.slug}-${state}.svg`), render(m))
    written++
  }
}

// One earned image per tier of every VIP theme, named where the emulator points to them.
const PUBLIC_DIR = join(OUT_DIR, '..')
rmSync(join(OUT_DIR, 'tiers'), { recursive: true, force: true })
mkdirSync(join(OUT_DIR, 'tiers'), { recursive: true })
for (const theme of vipThemes) {
  const m = MOTIFS.find((motif) => motif.slug === theme.motif)
  if (m === undefined) throw new Error(`No motif ${theme.motif} for the ${theme.name} theme`)
  vipTiers.forEach((tier, index) => {
    const metal = METALS[index]
    if (metal === undefined) throw new Error(`No metal for the ${tier} tier`)
    const art = earned(m, { metal, stars: index + 1, bands: Math.floor(index / 3) })
    writeFileSync(join(PUBLIC_DIR, tierArtUrl(theme.motif, tier)), art)
    written++
  })
}

// Served with 200 but not an image at all, so the showcase's fallback is exercised without
// the browser logging a failed request (as a 404 would, which Lighthouse counts against us).
writeFileSync(
  join(OUT_DIR, 'broken-green-step-unearned.svg'),
  'This artwork was withdrawn; it is deliberately not an image.\n',
)
written++
console.log(`Wrote ${written} files to ${OUT_DIR}`)
