// The page's origin, which decides which image addresses are the showcase's own. In the browser it
// is the address bar's; the server's render is told the origin the browser asked (server/app.ts).

let serverOrigin = 'http://localhost'

/** For the server's render only, set before each render (a render runs synchronously). */
export function setServerOrigin(origin: string) {
  serverOrigin = origin
}

export function pageOrigin(): string {
  return typeof window === 'undefined' ? serverOrigin : window.location.origin
}
