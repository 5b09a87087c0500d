/**
 * The element at the end of the tab row (routes/layout.tsx) that keeps room for "Since your last
 * visit" (since-last-visit.tsx), which the summary's lists decide after the page is on screen.
 */
export const NEWS_SLOT_ID = 'badge-showcase-news'
