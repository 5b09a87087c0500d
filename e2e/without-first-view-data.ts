import { type Page } from '@playwright/test'

/**
 * Pages arrive without the first view's data (as they do in live mode), so the app asks the API
 * for everything and a test can answer in the browser with any state it wants. Demo mode
 * otherwise sends the first view's answers inside the page (server/first-view.ts), or the view
 * already rendered with its data (server/server-render.ts): both are taken out.
 */
export async function withoutFirstViewData(page: Page) {
  await page.route(
    (url) => !url.pathname.includes('/api_gateway/'),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback()
      const response = await route.fetch()
      const html = (await response.text())
        .replace(
          /<script type="application\/json" id="(first-view-data|server-render)">.*?<\/script>/gs,
          '',
        )
        .replace(
          /<div id="root">[\s\S]*<\/div><template id="view-end"><\/template>/,
          '<div id="root"></div>',
        )
        .replace(/<link rel="expect"[^>]*>/, '')
        // Nothing rendered to wait for: the code at once, as live mode's early.js asks for it (else
        // hydrate.js waits up to 3 s for a paint of badges that never comes: a state no member
        // meets, which made a test wait past its 5 s on a busy machine).
        .replace(' data-entry=', ' data-at-once data-entry=')
      // The body is sent decoded and shorter: drop the headers that describe the original.
      const headers = Object.fromEntries(
        Object.entries(response.headers()).filter(
          ([name]) => name !== 'content-encoding' && name !== 'content-length',
        ),
      )
      await route.fulfill({ status: response.status(), headers, body: html })
    },
  )
}
