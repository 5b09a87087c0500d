/*
 * Badge Showcase, live mode: starts the first view's API requests while the main script is still
 * on its way. The member token is in the URL fragment, which the server never sees, so this runs
 * in the browser; the app takes the answers (src/api/preloaded.ts), each once, and only for the
 * very request and token it was made with. Anything unexpected: it does nothing, and the app asks
 * as it always does. It also starts the browser's formatting (below). Keep it tiny, and in step with
 * src/api/client.ts and src/routes/loaders.ts.
 */
;(function () {
  'use strict'
  try {
    var fragment = new URLSearchParams(location.hash.slice(1))
    var token = fragment.get('member_token')
    // No token: demo mode (the page carries its data) or not signed in. Another API: not ours.
    if (!token || fragment.get('api')) return
    var base = new URL(document.baseURI).pathname.replace(/\/+$/, '')
    if (location.pathname.indexOf(base) !== 0) return
    var path = location.pathname.slice(base.length) || '/'
    var search = new URLSearchParams(location.search)
    var customer, by, view, badgeId
    var match = /^\/customers\/([^/]+)\/(earned|available|badges\/([^/]+))\/?$/.exec(path)
    if (match) {
      customer = decodeURIComponent(match[1])
      by = (search.get('by') || '').trim() || null
      view = match[3] ? 'detail' : match[2]
      badgeId = match[3] && decodeURIComponent(match[3])
    } else if (path === '/') {
      // The root opens the token's member (src/router.tsx).
      var claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')))
      if (typeof claims.sub !== 'string') return
      customer = claims.sub
      by = typeof claims.idType === 'string' ? claims.idType : null
      view = fragment.get('view') === 'available' ? 'available' : 'earned'
      search = new URLSearchParams()
    } else return
    if (by !== null && !/^[A-Za-z]{1,32}$/.test(by)) return

    // Query parameters in sorted order: the app's key for a request sorts them the same way.
    var list = function (query) {
      return 'customer/' + encodeURIComponent(customer) + '?' + query + '&limit=50&page=0'
    }
    var paths = []
    if (view === 'earned') {
      var sorts = { 'last-earned': 'LAST_EARNED_ON_DATE', 'last-event': 'LAST_EARNED_EVENT_DATE' }
      var query = new URLSearchParams({ badgeType: 'EARNED' })
      var group = (search.get('group') || '').trim()
      if (group) query.set('groupId', group)
      if (search.get('expired') === '1') query.set('includeExpired', 'true')
      paths.push(list(query) + '&sortOn=' + (sorts[search.get('sort')] || 'RANK'))
    } else if (view === 'available') {
      // The earned list too: the available view's first paint waits for both (src/routes/available.tsx).
      paths.push(list('badgeType=AVAILABLE') + '&sortOn=RANK')
      paths.push(list('badgeType=EARNED') + '&sortOn=RANK')
    } else {
      var id = encodeURIComponent(badgeId)
      paths.push('badgeMeta/' + id)
      paths.push(
        'management/' + encodeURIComponent(customer) + '/badge/' + id + '?includeStatistics=true',
      )
    }
    var headers = { Accept: 'application/json', Authorization: 'Bearer ' + token }
    if (by) headers['X-CAP-CUSTOMER-IDENTIFIER'] = by
    window.__badgeShowcaseEarly = paths.map(function (tail) {
      var apiPath = '/api_gateway/v1/badges/' + tail
      var response = fetch(base + apiPath, { headers: headers })
      // Unused (the app did not start, or asked otherwise): not an error in the console.
      response.catch(function () {})
      return { key: (by || '') + '|' + apiPath, token: token, response: response }
    })
  } catch {
    // Nothing started: the app makes its requests itself.
  }
  // The browser's date and number formatting costs tens of milliseconds on its first use on a
  // phone (its locale data), in one piece. The app's first render needs it; started here, while
  // the main script is still on its way, that piece is not part of the render's long task.
  try {
    new Intl.NumberFormat().format(0)
    Intl.DateTimeFormat().resolvedOptions()
  } catch {
    // Nothing lost: the app starts it itself.
  }
})()
