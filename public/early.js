/*
 * Badge Showcase, live mode (and demo mode in a portal's frame): the first view sooner. The member
 * token and the embed snippet's settings are in the URL fragment, which the server never sees with
 * the page, so this runs in the browser, before the app's script:
 * - A view's page (the server named the app's code here, data-entry): it asks the server for the
 *   view rendered for the member (GET first-view, the token in its Authorization header as on
 *   every API request), puts it on screen, and hands over to hydrate.js, which loads the app once
 *   the badges show. No render (none possible, refused, too slow): the requests below, and the app
 *   at once.
 * - A page that carries the app's script (the server's render turned off): this starts the first
 *   view's API requests while it is on its way; the app takes the answers (src/api/preloaded.ts),
 *   each once, and only for the very request and token it was made with.
 * Anything unexpected: it does nothing more, and the app asks as it always does. It also starts
 * the browser's formatting (below). Keep it tiny, and in step with src/api/client.ts,
 * src/routes/loaders.ts, src/badges/member.ts and src/config/load.ts (the fragment, the view).
 */
;(function () {
  'use strict'
  var me = document.currentScript
  var entry = me && me.getAttribute('data-entry')
  // hydrate.js as the build named it (its content's hash in the name: kept for good).
  var hydrateSrc = (me && me.getAttribute('data-hydrate')) || 'hydrate.js'
  // Demo mode, a page in a portal's frame: no token; the render is asked for all the same, with
  // the embed snippet's settings the server could not see with the page.
  var demo = Boolean(me && me.hasAttribute('data-demo'))

  // The member token out of the address bar at once (a screenshot, a copied or shared link, the
  // browser's history), not when the app starts after the first paint. The fragment the page came
  // with stays in memory, for this script, hydrate.js and the app (src/config/load.ts).
  var original = location.hash
  try {
    var inAddress = new URLSearchParams(original.slice(1))
    if (inAddress.has('member_token')) {
      window.__badgeShowcaseFragment = original
      inAddress.delete('member_token')
      // (Through a URL: a path starting with '//' written as it is would name another host.)
      var address = new URL(location.href)
      address.hash = inAddress.toString()
      history.replaceState(history.state, '', address.href)
    }
  } catch {
    // Left in the address: the app takes it out when it starts.
  }
  var chunks = ((me && me.getAttribute('data-chunks')) || '').split(' ').filter(Boolean)
  var appLoading = false

  // The app's code and the view's: once, and only where the page does not carry it itself.
  function loadApp() {
    if (!entry || appLoading) return
    appLoading = true
    for (var i = 0; i < chunks.length; i += 1) {
      var link = document.createElement('link')
      link.rel = 'modulepreload'
      link.crossOrigin = ''
      link.href = chunks[i]
      document.head.appendChild(link)
    }
    var script = document.createElement('script')
    script.type = 'module'
    script.crossOrigin = ''
    script.src = entry
    document.head.appendChild(script)
  }

  function oneView(value) {
    var view = String(value || '').toLowerCase()
    return view === 'earned' || view === 'available' ? view : null
  }

  // A setting of config.json, as the server put it in the page (#runtime-config), or null.
  function configured(name) {
    try {
      var block = document.getElementById('runtime-config')
      var settings = block && JSON.parse(block.textContent)
      return settings && typeof settings[name] === 'string' ? settings[name] : null
    } catch {
      return null
    }
  }

  var plan = null
  try {
    var fragment = new URLSearchParams(original.slice(1))
    var token = fragment.get('member_token')
    var base = new URL(document.baseURI).pathname.replace(/\/+$/, '')
    var path = location.pathname.slice(base.length) || '/'
    var search = new URLSearchParams(location.search)
    var match = /^\/customers\/([^/]+)\/(earned|available|badges\/([^/]+))\/?$/.exec(path)
    // No token: demo mode (the page carries its data, or asks for its render here) or not signed
    // in. Another API: not ours.
    if ((token || demo) && !fragment.get('api') && location.pathname.indexOf(base) === 0) {
      plan = { token: token, base: base, search: search, page: path + location.search }
      if (match) {
        plan.customer = decodeURIComponent(match[1])
        plan.by = (search.get('by') || '').trim() || null
        plan.view = match[3] ? 'detail' : match[2]
        plan.badgeId = match[3] && decodeURIComponent(match[3])
      } else if (token && path === '/' && !(window.parent !== window && fragment.get('route'))) {
        // (In a portal's frame, a route from the portal's address opens instead: the app works
        // that one out, src/config/embed.ts.)
        // The root opens the token's member (src/routes/loaders.ts, startLoader).
        var claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')))
        plan.customer = claims.sub
        plan.by = typeof claims.idType === 'string' ? claims.idType : null
        // The view the app opens there: the embed snippet's, else config.json's (the server puts
        // it in the page), else earned; read without regard to case, an unknown one skipped, as
        // the app does (src/config/load.ts).
        plan.view = oneView(fragment.get('view')) || oneView(configured('view')) || 'earned'
        plan.search = new URLSearchParams()
        plan.page =
          '/customers/' +
          encodeURIComponent(plan.customer) +
          '/' +
          plan.view +
          (plan.by ? '?by=' + plan.by : '')
      }
      if (typeof plan.customer !== 'string' || (plan.by && !/^[A-Za-z]{1,32}$/.test(plan.by))) {
        plan = null
      }
    }
  } catch {
    plan = null
  }

  // The browser's time zone, for the render. Temporal names it at once; the formatting's own
  // answer (browsers without Temporal) first loads its locale data, 80 to 160 ms at 4x CPU, and the
  // render's request would wait for it. src/main.tsx names it the same way to compare.
  function timeZone() {
    try {
      var zone = typeof Temporal === 'object' ? Temporal.Now.timeZoneId() : null
      if (typeof zone === 'string') return zone
    } catch {
      // The formatting's answer below.
    }
    return Intl.DateTimeFormat().resolvedOptions().timeZone
  }

  // The first view's API requests, as the app will make them.
  function startRequests() {
    try {
      var customer = plan.customer
      var search = plan.search
      // Query parameters in sorted order: the app's key for a request sorts them the same way.
      var list = function (query) {
        return 'customer/' + encodeURIComponent(customer) + '?' + query + '&limit=50&page=0'
      }
      var paths = []
      if (plan.view === 'earned') {
        var sorts = { 'last-earned': 'LAST_EARNED_ON_DATE', 'last-event': 'LAST_EARNED_EVENT_DATE' }
        var query = new URLSearchParams({ badgeType: 'EARNED' })
        var group = (search.get('group') || '').trim()
        if (group) query.set('groupId', group)
        if (search.get('expired') === '1') query.set('includeExpired', 'true')
        paths.push(list(query) + '&sortOn=' + (sorts[search.get('sort')] || 'RANK'))
      } else if (plan.view === 'available') {
        // The earned list too: the available view's first paint waits for both (available.tsx).
        paths.push(list('badgeType=AVAILABLE') + '&sortOn=RANK')
        paths.push(list('badgeType=EARNED') + '&sortOn=RANK')
      } else {
        var id = encodeURIComponent(plan.badgeId)
        paths.push('badgeMeta/' + id)
        paths.push(
          'management/' + encodeURIComponent(customer) + '/badge/' + id + '?includeStatistics=true',
        )
      }
      var headers = { Accept: 'application/json' }
      if (plan.token) headers.Authorization = 'Bearer ' + plan.token
      if (plan.by) headers['X-CAP-CUSTOMER-IDENTIFIER'] = plan.by
      window.__badgeShowcaseEarly = paths.map(function (tail) {
        var apiPath = '/api_gateway/v1/badges/' + tail
        var response = fetch(plan.base + apiPath, { headers: headers })
        // Unused (the app did not start, or asked otherwise): not an error in the console.
        response.catch(function () {})
        return {
          key: (plan.by || '') + '|' + apiPath,
          token: plan.token || null,
          response: response,
        }
      })
    } catch {
      // Nothing started: the app makes its requests itself.
    }
  }

  // Without a render: the requests, then the app (which takes their answers).
  var given = false
  function withoutRender() {
    if (given) return
    given = true
    if (plan && plan.view) startRequests()
    loadApp()
  }

  // A link to a part of this page (the skip link; its href resolves against <base>, another page):
  // focused and shown, the fragment (the token) left as it is.
  function inPage(link, event) {
    var href = link.getAttribute('href') || ''
    if (href.charAt(0) !== '#') return false
    event.preventDefault()
    var target = document.getElementById(href.slice(1))
    if (target) {
      target.focus()
      target.scrollIntoView()
    }
    return true
  }

  // The view as the server rendered it, on screen; hydrate.js loads the app once it shows.
  function show(rendered) {
    var root = document.getElementById('root')
    var attributes = rendered.htmlAttributes || {}
    if (
      given ||
      !root ||
      root.firstChild ||
      typeof rendered.html !== 'string' ||
      typeof rendered.head !== 'string' ||
      typeof rendered.state !== 'object' ||
      !Array.isArray(rendered.chunks)
    ) {
      return withoutRender()
    }
    given = true
    ;['lang', 'dir', 'data-theme'].forEach(function (name) {
      if (typeof attributes[name] === 'string') {
        document.documentElement.setAttribute(name, attributes[name])
      }
    })
    // The brand's colour, corners and font, as the app sets them (src/config/theme.ts): through
    // the CSSOM, which the CSP allows.
    ;(Array.isArray(rendered.htmlStyle) ? rendered.htmlStyle : []).forEach(function (property) {
      if (Array.isArray(property) && /^--[a-z-]+$/.test(property[0])) {
        document.documentElement.style.setProperty(property[0], String(property[1]))
      }
    })
    // The head React hoisted: the view's title, and its first images' preloads.
    var head = document.createElement('template')
    head.innerHTML = rendered.head
    Array.prototype.forEach.call(head.content.children, function (element) {
      if (element.tagName === 'TITLE') document.title = element.textContent
      else if (element.tagName === 'LINK' && element.rel === 'preload') {
        document.head.appendChild(element.cloneNode())
      }
    })
    root.innerHTML = rendered.html
    // The data it was rendered with, for the hydration (src/server-render-state.ts): a data
    // block, never run.
    var state = document.createElement('script')
    state.type = 'application/json'
    state.id = 'server-render'
    state.textContent = JSON.stringify(rendered.state)
    document.body.appendChild(state)
    // Until hydrate.js keeps taps (a moment: it was fetched ahead), a link tapped is followed as a
    // plain link, with the fragment: the next page is rendered for the same member.
    function follow(event) {
      var link = event.target instanceof Element && event.target.closest('a[href]')
      if (!link || !root.contains(link) || event.defaultPrevented || event.button !== 0) return
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return
      if (link.hasAttribute('download') || (link.target && link.target !== '_self')) return
      // A link within the page (the skip link): its target, without touching the fragment.
      if (inPage(link, event)) return
      // Only the showcase's own pages: never the token to another site's.
      var url = new URL(link.href)
      if (url.origin !== location.origin || url.pathname.indexOf(plan.base) !== 0) return
      if (link.href.indexOf('#') >= 0) return
      event.preventDefault()
      // This page's entry gets the fragment back for the way back (see hydrate.js, leaveFor).
      try {
        var here = new URL(location.href)
        here.hash = original
        history.replaceState(history.state, '', here.href)
      } catch {
        // The way back then opens without the member.
      }
      location.assign(link.href + original)
    }
    document.addEventListener('click', follow, true)
    var hydrate = document.createElement('script')
    hydrate.src = hydrateSrc
    hydrate.setAttribute('data-entry', entry)
    hydrate.setAttribute('data-chunks', rendered.chunks.join(' '))
    hydrate.onload = function () {
      document.removeEventListener('click', follow, true)
    }
    // hydrate.js did not load: the app takes the page over all the same (its render is there).
    hydrate.onerror = function () {
      document.removeEventListener('click', follow, true)
      loadApp()
    }
    // In a portal's frame the app talks to the portal (its height, its back button): it starts at
    // once rather than after the first paint.
    if (window.parent !== window) hydrate.setAttribute('data-at-once', '')
    document.body.appendChild(hydrate)
  }

  if (plan && plan.view && entry) {
    var settings = new URLSearchParams(original.slice(1))
    settings.delete('member_token')
    var headers = {
      Accept: 'application/json',
      'X-Showcase-Page': plan.page,
      'X-Showcase-Settings': settings.toString(),
    }
    if (plan.token) headers.Authorization = 'Bearer ' + plan.token
    // A frame counts as embedded with or without the embed script's settings (src/config/load.ts).
    if (window.parent !== window) headers['X-Showcase-Framed'] = '1'
    try {
      headers['X-Showcase-Time-Zone'] = timeZone()
    } catch {
      // The server's own zone; a browser elsewhere then renders for itself.
    }
    // hydrate.js takes the page over once the render is on screen: fetched meanwhile, into the
    // browser's cache (the build's copy is kept for good). Not a <link rel=preload>: when no render
    // comes (204), an unused preload is a warning in the console of the brand's portal.
    fetch(hydrateSrc)
      .then(function (response) {
        return response.arrayBuffer()
      })
      .catch(function () {
        // The script tag asks again, and says so if it fails.
      })
    fetch(plan.base + '/first-view', { headers: headers })
      .then(function (response) {
        return response.status === 200 ? response.json() : null
      })
      .then(function (rendered) {
        if (rendered && typeof rendered === 'object') show(rendered)
        else withoutRender()
      }, withoutRender)
      // Whatever went wrong putting it on screen: the app comes all the same.
      .catch(loadApp)
    // A render still not here after a few seconds: the app renders for itself.
    setTimeout(withoutRender, 4000)
  } else {
    withoutRender()
  }

  // The browser's date and number formatting costs tens of milliseconds on its first use on a
  // phone (its locale data). The app's first render needs it; started here, while the render and
  // the main script are on their way, it is not part of the render's long task. In three steps,
  // each a task of its own (the language's data, the dates, the numbers), as hydrate.js does: in
  // one piece it was a 125 ms task on a phone's CPU (4x), after the page's first paint. (The
  // requests above go out first.)
  var warmUps = [
    function () {
      new Intl.Locale(navigator.language).maximize()
    },
    function () {
      Intl.DateTimeFormat().resolvedOptions()
    },
    function () {
      new Intl.NumberFormat().format(0)
    },
  ]
  function warmUp() {
    var next = warmUps.shift()
    if (!next) return
    try {
      next()
    } catch {
      // Nothing lost: the app starts it itself.
    }
    setTimeout(warmUp, 0)
  }
  setTimeout(warmUp, 0)
})()
