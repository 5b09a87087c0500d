import { imageCandidates } from '../../src/badges/images.ts'
import { type Holding } from './holding.ts'
import { type Proof, type ProofLocale } from './proof-token.ts'
import { type ProofText, proofText } from './proof-text.ts'

// The public page a proof link opens: plain server-rendered HTML with one small stylesheet, no
// script (the CSP allows none inline, and a stranger's phone needs none). It names the badge and
// what the live check found, never the member: no identifier reaches the page or its metadata.

export type PageState =
  | { kind: 'checked'; proof: Proof; holding: Exclude<Holding, { kind: 'unavailable' }> }
  | { kind: 'unavailable'; proof: Proof }
  | { kind: 'busy'; proof: Proof }
  | { kind: 'expired'; proof: Proof }
  | { kind: 'invalid' }

export type PageContext = {
  /** The page's absolute URL (og:url), and its origin for absolute image URLs. */
  url: string
  origin: string
  /** Where the stylesheet is, e.g. "/proof/style.css". */
  stylesheet: string
  now: number
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text for HTML content and attribute values alike: every string from the API is hostile. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character)
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)
}

function formatDate(at: number, locale: ProofLocale, withTime: boolean): string {
  // The viewer's time zone is unknown to the server: UTC, said as such when the time matters.
  const options: Intl.DateTimeFormatOptions = withTime
    ? {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'short',
      }
    : { dateStyle: 'long' }
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(at)
}

type Body = { title: string; description: string; image: string | null; main: string }

function paragraph(text: string, className?: string): string {
  return `<p${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</p>`
}

function badgeName(holding: Holding, text: ProofText): string {
  return ('badge' in holding && holding.badge.name?.trim()) || text.unnamed
}

function checkedBody(
  state: Extract<PageState, { kind: 'checked' }>,
  context: PageContext,
  text: ProofText,
): Body {
  const { proof, holding } = state
  const locale = proof.locale
  const date = (at: number, withTime = false) => formatDate(at, locale, withTime)
  const name = badgeName(holding, text)
  const counter = proof.lifetime === 'counter'
  const footer = [
    paragraph(fill(text.checked, { date: date(context.now, true) }), 'fine'),
    paragraph(fill(text.linkUntil, { date: date(proof.expiresAt, counter) }), 'fine'),
  ].join('\n')
  if (holding.kind !== 'held') {
    let status = text.notHeld
    if (holding.kind === 'revoked')
      status = holding.at === null ? text.revoked : fill(text.revokedOn, { date: date(holding.at) })
    if (holding.kind === 'lapsed' && holding.at !== null)
      status = fill(text.lapsedOn, { date: date(holding.at) })
    return {
      title: name,
      description: text.ogNotHeld,
      image: null,
      main: [
        paragraph(text.kicker, 'kicker'),
        `<h1 dir="auto">${escapeHtml(name)}</h1>`,
        paragraph(status, 'status status-off'),
        footer,
      ].join('\n'),
    }
  }
  const { badge } = holding
  const art = imageCandidates(badge.images, 'EARNED', context.origin).find(
    (choice) => !choice.greyscale,
  )
  const description = badge.description?.trim() || null
  return {
    title: name,
    description: description ?? text.ogValid,
    // A preview's image is fetched by another site: the full address (the showcase's own art
    // comes back as a path).
    image: art ? new URL(art.url, context.origin).href : null,
    main: [
      paragraph(text.kicker, 'kicker'),
      art
        ? `<img class="art" src="${escapeHtml(art.url)}" alt="${escapeHtml(text.artAlt)}" width="160" height="160">`
        : '',
      `<h1 dir="auto">${escapeHtml(name)}</h1>`,
      `<p class="status status-valid"><span aria-hidden="true">✓ </span>${escapeHtml(text.valid)}</p>`,
      paragraph(
        holding.earnedAt === null
          ? text.earned
          : fill(text.earnedOn, { date: date(holding.earnedAt) }),
      ),
      paragraph(
        holding.validUntil === null
          ? text.noExpiry
          : fill(text.validUntil, { date: date(holding.validUntil) }),
      ),
      `<section aria-labelledby="how"><h2 id="how">${escapeHtml(text.how)}</h2><p dir="auto">${escapeHtml(description ?? text.noDescription)}</p></section>`,
      footer,
    ].join('\n'),
  }
}

function body(state: PageState, context: PageContext, text: ProofText): Body {
  if (state.kind === 'checked') return checkedBody(state, context, text)
  if (state.kind === 'unavailable' || state.kind === 'busy') {
    const [title, description] =
      state.kind === 'busy'
        ? [text.busyTitle, text.busyBody]
        : [text.unavailableTitle, text.unavailableBody]
    return {
      title,
      description,
      image: null,
      main: [
        paragraph(text.kicker, 'kicker'),
        `<h1>${escapeHtml(title)}</h1>`,
        paragraph(description, 'status status-unknown'),
      ].join('\n'),
    }
  }
  if (state.kind === 'expired') {
    const expired = fill(text.expiredBody, {
      date: formatDate(
        state.proof.expiresAt,
        state.proof.locale,
        state.proof.lifetime === 'counter',
      ),
    })
    return {
      title: text.expiredTitle,
      description: expired,
      image: null,
      main: [
        paragraph(text.kicker, 'kicker'),
        `<h1>${escapeHtml(text.expiredTitle)}</h1>`,
        paragraph(expired, 'status status-off'),
      ].join('\n'),
    }
  }
  return {
    title: text.invalidTitle,
    description: text.invalidBody,
    image: null,
    main: [
      paragraph(text.kicker, 'kicker'),
      `<h1>${escapeHtml(text.invalidTitle)}</h1>`,
      paragraph(text.invalidBody, 'status status-off'),
    ].join('\n'),
  }
}

/** The whole page, every value escaped. */
export function renderProofPage(state: PageState, context: PageContext): string {
  const locale: ProofLocale = state.kind === 'invalid' ? 'en' : state.proof.locale
  const text = proofText[locale]
  const { title, description, image, main } = body(state, context, text)
  const meta = (property: string, content: string, attribute = 'property') =>
    `<meta ${attribute}="${property}" content="${escapeHtml(content)}">`
  return `<!doctype html>
<html lang="${locale}" dir="${text.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(`${title} · ${text.kicker}`)}</title>
${meta('description', description, 'name')}
${meta('og:type', 'website')}
${meta('og:title', title)}
${meta('og:description', description)}
${meta('og:url', context.url)}
${meta('og:locale', locale)}
${image ? `${meta('og:image', image)}\n${meta('og:image:alt', text.artAlt)}` : ''}
${meta('twitter:card', 'summary', 'name')}
<link rel="stylesheet" href="${escapeHtml(context.stylesheet)}">
</head>
<body>
<main class="proof">
${main}
</main>
</body>
</html>
`
}
