import { type Page } from '@playwright/test'

/** The requests for one badge's page (its definition and the member's record), from now on. */
export function detailRequests(page: Page, badgeId: string | null): string[] {
  const seen: string[] = []
  page.on('request', (request) => {
    const url = request.url()
    if (/\/(management|badgeMeta)\//.test(url) && url.includes(`/${badgeId}`)) seen.push(url)
  })
  return seen
}
