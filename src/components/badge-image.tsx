import { useState } from 'react'
import { type DisplayState } from '../badges/display-state.ts'
import { imageCandidates, monogram } from '../badges/images.ts'
import { type BadgeImage as BadgeImageData } from '../badges/types.ts'
import { t } from '../i18n/i18n.ts'

export function badgeAltText(name: string | null, state: DisplayState, expired = false): string {
  const words = t(`badge.state.${state}`) + (expired ? `, ${t('badge.state.expired')}` : '')
  return t('badge.alt', { name: name?.trim() || t('badge.unnamed'), state: words })
}

type Props = {
  badgeId: string
  name: string | null
  images: BadgeImageData[]
  state: DisplayState
  size: number
  /** An expired earned badge: shown, but visibly faded, and named as expired. */
  muted?: boolean
  /** In the first screen (first row of a list, the detail's hero): loaded at once, first. */
  priority?: boolean
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
  priority = false,
}: Props) {
  const candidates = imageCandidates(images, state, window.location.origin)
  const [failed, setFailed] = useState(0)
  const choice = candidates[failed]
  const alt = badgeAltText(name, state, muted)

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
        className={`shrink-0 ${muted ? 'opacity-80 grayscale' : ''}`}
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
      </svg>
    )
  }
  return (
    <img
      key={choice.url}
      src={choice.url}
      alt={alt}
      width={size}
      height={size}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : 'auto'}
      decoding="async"
      onError={() => setFailed((count) => count + 1)}
      className={`shrink-0 object-contain ${choice.greyscale || muted ? 'opacity-80 grayscale' : ''}`}
    />
  )
}
