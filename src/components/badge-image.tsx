import { useState } from 'react'
import { type DisplayState } from '../badges/display-state.ts'
import { imageCandidates, monogram } from '../badges/images.ts'
import { type BadgeImage as BadgeImageData } from '../badges/types.ts'
import { t } from '../i18n/i18n.ts'
import { pageOrigin } from '../config/page-origin.ts'

export function badgeAltText(name: string | null, label: string): string {
  return t('badge.alt', { name: name?.trim() || t('badge.unnamed'), state: label })
}

type Props = {
  badgeId: string
  name: string | null
  images: BadgeImageData[]
  state: DisplayState
  size: number
  /** An expired earned badge: shown, but visibly faded. */
  muted?: boolean
  /** The member's state in words, for the alt text (from the badge's truth). */
  label: string
  /** The first screen's images: fetched first, never lazily. */
  priority?: boolean
  /** Sizing classes; `size` stays the intrinsic size that reserves the space. */
  className?: string
}

/**
 * The image for the member's state; when it is missing or fails to load, the next best one, and
 * last a monogram drawn from the name. The parent keys this by badge so a new badge starts over.
 */
export function BadgeImage({
  badgeId,
  name,
  images,
  state,
  size,
  muted = false,
  label,
  priority = false,
  className = '',
}: Props) {
  const candidates = imageCandidates(images, state, pageOrigin())
  const [failed, setFailed] = useState(0)
  const choice = candidates[failed]
  const alt = badgeAltText(name, label)

  if (choice === undefined) {
    const { letters, hue } = monogram(name, badgeId)
    const locked = state !== 'EARNED'
    return (
      <svg
        role="img"
        aria-label={alt}
        width={size}
        height={size}
        viewBox="0 0 100 100"
        className={`shrink-0 ${className} ${muted ? 'opacity-80 grayscale' : ''}`}
      >
        <circle
          cx="50"
          cy="50"
          r="46"
          fill={locked ? '#e2e8f0' : `hsl(${hue} 60% 40%)`}
          stroke={locked ? '#64748b' : `hsl(${hue} 60% 25%)`}
          strokeWidth="4"
        />
        <text
          x="50"
          y="50"
          dy="0.35em"
          textAnchor="middle"
          fontSize="34"
          fontWeight="700"
          fontFamily="system-ui, sans-serif"
          fill={locked ? '#334155' : '#ffffff'}
        >
          {letters}
        </text>
        {state === 'LOCKED' && <LockMark />}
      </svg>
    )
  }
  // One failure per image: an image that failed before the app drew it can be reported twice, by
  // the check below and by its error event (a member's page then skipped the next art straight to
  // the monogram).
  const fail = () => setFailed((count) => Math.max(count, failed + 1))
  const image = (
    <img
      key={choice.url}
      src={choice.url}
      alt={alt}
      // (Badge art, for public/hydrate.js: hidden should it fail before the app is here.)
      data-art=""
      width={size}
      height={size}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : 'auto'}
      decoding="async"
      onError={fail}
      // In a server-rendered page the image may have failed before the app took it over, with no
      // one listening: an image already done that cannot be decoded is a failure too.
      ref={(element) => {
        if (element?.complete) element.decode().catch(fail)
      }}
      // (Transparent text: an image that failed before the app has taken a server-rendered page
      // over shows no alt text in its place; public/hydrate.js hides the broken-image mark, and the
      // app then draws the next art.)
      className={`shrink-0 object-contain text-transparent ${className} ${choice.greyscale || muted ? 'opacity-80 grayscale' : ''}`}
    />
  )
  // Art the showcase greyed itself carries no lock of its own: add the one every locked badge has.
  if (state !== 'LOCKED' || !choice.greyscale) return image
  return (
    // A block, not inline: an inline box would add a line's descender below the art.
    <span className="relative flex shrink-0">
      {image}
      <svg aria-hidden="true" viewBox="0 0 100 100" className="absolute inset-0 size-full">
        <LockMark />
      </svg>
    </span>
  )
}

/**
 * The small padlock at the foot of a badge the member has not earned, in the art's own corner: the
 * size, place and greys of the demo's not-yet-earned art (scripts/make-demo-art.ts, drawn on 128
 * units), so a badge greyed here and one with such art wear the same lock.
 */
function LockMark() {
  return (
    <g aria-hidden="true" transform="scale(0.78125)">
      <circle cx="99" cy="99" r="13" fill="#ffffff" stroke="#cdd2d9" strokeWidth="3" />
      <path d="M95 97v-3.5a4 4 0 0 1 8 0V97" fill="none" stroke="#737d8a" strokeWidth="2.5" />
      <rect x="92" y="96" width="14" height="11" rx="2.5" fill="#737d8a" />
      <circle cx="99" cy="101.5" r="1.8" fill="#ffffff" />
    </g>
  )
}
