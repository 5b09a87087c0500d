/** A page's title in the browser's tab and history. */
export function pageTitle(page: string): string {
  return `${page} · Badge Showcase`
}
