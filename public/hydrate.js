/*
 * Badge Showcase, a page the server rendered (server/server-render.ts): the member's badges are in
 * the HTML, so the app's code is not needed for them to show. This loads that code once they are
 * on screen (the page painted, the first row of badge art decoded), so on a slow connection the
 * art and the styles do not share the line with 110 kB of script, and the first paint is not held
 * behind the script's run. A tap on a link or a button before the app has taken the page over is
 * kept and played again once it has (the same element: hydration keeps the server's nodes), so it
 * is never lost; should the code fail to load, a kept link is followed as a plain link to a page the
 * server renders too. While the script downloads, it starts the browser's date and number
 * formatting (the first use costs tens of milliseconds on a phone), so the app's first render,
 * which needs it, does not pay it inside one long task. Keep it tiny; the CSP allows it as a file.
 */
;(function () {
  'use strict'
  // The fragment as the page came with it (live mode: the member token, which early.js has taken
  // out of the address): a link followed as a plain link later still needs it.
  var handed = window.__badgeShowcaseFragment
  var fragment = typeof handed === 'string' ? handed : location.hash
  var me = document.currentScript
  var entry = me && me.getAttribute('data-entry')
  if (!entry) return
  var chunks = (me.getAttribute('data-chunks') || '').split(' ').filter(Boolean)
  var root = document.getElementById('root')

  // A celebration the member closed on an earlier visit (src/components/celebrated.ts): the server
  // cannot know it, so it is hidden here, before the first paint, rather than drawn and then taken
  // away (moving the page) once the app has read the same list.
  try {
    var closed = JSON.parse(localStorage.getItem('badge-showcase:celebrated') || '[]')
    var celebrations = document.querySelectorAll('[data-celebration]')
    for (var c = 0; c < celebrations.length; c++) {
      if (closed.indexOf(celebrations[c].getAttribute('data-celebration')) >= 0)
        celebrations[c].hidden = true
    }
  } catch {
    // Storage blocked or not ours: shown, as on a first visit.
  }

  // A page of its own opened with settings in its fragment (a link like …/earned#locale=ar): the
  // server rendered it without them, never seeing the fragment, and the app draws the view again
  // (src/server-render-state.ts, rendersAsServer), or adds a note above it for a setting it cannot
  // use (demo mode). Where that moves things, the server's view is hidden until the app has drawn
  // it, so the member does not see it drawn one way and then moving (the server makes this script
  // hold the first paint, blocking="render", as the styles do). A valid colour, theme or corners
  // only change the look: the view shows at once, in the scheme and corners asked for, and the app
  // takes it over as it is (what the member opened on it stays open). Should the app not come, a
  // redrawn view shows after a while.
  var redraw = false
  if (me.hasAttribute('data-fragment-unseen')) {
    try {
      var state = JSON.parse(document.getElementById('server-render').textContent)
      // As the app compares them: the settings the render had (a language only when configured).
      var drawn = { locale: state.config.locale, font: state.config.font }
      // A portal's words only inside a portal's frame (src/config/load.ts): on a page of its own
      // the app notes them above the view (demo mode), whatever their value.
      if (window.parent !== window) {
        drawn.brand_name = state.config.brandName
        drawn.header = state.config.header
        drawn.member_name = state.config.memberName
      }
      // Values the app takes for the look (the checks of src/config/runtime.ts): nothing moves.
      var lookOnly = {
        theme: /^(light|dark|system)$/i,
        accent: /^#([0-9a-f]{3}|[0-9a-f]{6})$/i,
        radius: /^\d{1,3}(\.\d+)?(px|rem|em)$/,
      }
      var html = document.documentElement
      new URLSearchParams(fragment.slice(1)).forEach(function (value, name) {
        // (A token that is not a JWT is noted above the view too: src/config/runtime.ts.)
        if (name === 'member_token') {
          if (!/^[\w-]+\.[\w-]+\.[\w-]*$/.test(value)) redraw = true
          return
        }
        var look = Object.prototype.hasOwnProperty.call(lookOnly, name) ? lookOnly[name] : null
        var same = Object.prototype.hasOwnProperty.call(drawn, name) && drawn[name] === value
        if (look ? !look.test(value) : !same) redraw = true
        // The scheme and the corners at once, before the first paint: a dark link drawn light
        // first flashes the whole screen. (The accent waits for the app, which knows the text
        // colours readable on it; the server's are the default accent's.)
        else if (name === 'theme') html.setAttribute('data-theme', value.toLowerCase())
        else if (name === 'radius') html.style.setProperty('--radius', value)
      })
    } catch {
      redraw = false
    }
  }
  // A page rendered in another time zone than this browser's (demo mode: a member far from the
  // server): its dates can read a day off, and the app draws them again in the browser's. Hidden
  // until then, as for another language, so no member reads a date that then changes. The zone is
  // kept for the showcase's pages (server/time-zone.ts): the next page is rendered in it, shown at
  // once, and taken over as it is. Should the cookie already name this zone, the server could not
  // write dates in it: the app draws the page again as it always did, and hiding it would only
  // make every page wait. (The zone named as the app names it, src/main.tsx.)
  var renderedZone = me.getAttribute('data-time-zone')
  var zone = null
  try {
    if (typeof Temporal === 'object') zone = Temporal.Now.timeZoneId()
  } catch {
    // The date formatting's name below.
  }
  try {
    if (typeof zone !== 'string') zone = Intl.DateTimeFormat().resolvedOptions().timeZone
  } catch {
    zone = null
  }
  var zoneCookie = 'badge-showcase-tz=' + encodeURIComponent(zone || '')
  var zoneKept = false
  try {
    zoneKept = document.cookie.split('; ').indexOf(zoneCookie) >= 0
  } catch {
    // No cookies here (a sandboxed page): each page is drawn again, as on the first.
  }
  if (renderedZone && zone && zone !== renderedZone && !zoneKept) {
    redraw = true
    try {
      document.cookie =
        zoneCookie +
        '; path=' +
        new URL(document.baseURI).pathname +
        '; max-age=31536000; samesite=lax' +
        (location.protocol === 'https:' ? '; secure' : '')
    } catch {
      // Cookies blocked: each page is drawn again, as on the first.
    }
  }
  function reveal() {
    document.documentElement.removeAttribute('data-redraw')
  }
  if (redraw) {
    document.documentElement.setAttribute('data-redraw', '')
    window.addEventListener('badgeshowcase:app-started', reveal)
    setTimeout(reveal, 5000)
  }

  // Taps before the app answers them: kept in order, played again once it does. React takes the
  // page over in steps: the page itself, then each part the server rendered in a Suspense boundary
  // (between <!--$--> and <!--/$--> in the HTML), and it drops a click inside a part it has not
  // taken over yet. The app says when it has started; each part's marker (a <template data-part>
  // first in its content, src/components/part.tsx) says when that part answers.

  // What a tap presses: a link, a button, a tick box or a radio button (held back, its tick too).
  var PRESSABLE = 'a[href], button, input[type="checkbox"], input[type="radio"]'
  var kept = []
  var started = false
  var failed = false
  var done = false
  // Set while a kept tap or choice is played: the app's to handle, not ours to keep again.
  var replaying = false
  // The part an element is in: the nearest opening before it, at its level or an ancestor's, that
  // is not closed before it.
  function partOf(element) {
    for (var node = element; node && node !== root; node = node.parentNode) {
      var depth = 0
      for (var sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) {
        if (sibling.nodeType !== 8) continue
        if (sibling.data === '/$') depth += 1
        else if (/^\$[!?]?$/.test(sibling.data)) {
          if (depth === 0) return sibling
          depth -= 1
        }
      }
    }
    return null
  }
  function answers(element) {
    if (!started) return false
    var part = partOf(element)
    var marker = part && part.nextElementSibling
    if (!marker || !marker.hasAttribute('data-part')) return true
    return marker.hasAttribute('data-answering')
  }
  // A link followed as a plain link keeps the page's fragment (live mode: the member token and the
  // portal's settings, which the app has not taken and no server ever sees), else the next page
  // has no member.
  // A link to a part of this page (its href resolves against <base>, another page): focused.
  function inPage(link) {
    var href = link.getAttribute('href') || ''
    if (href.charAt(0) !== '#') return false
    var part = document.getElementById(href.slice(1))
    if (part) {
      part.focus()
      part.scrollIntoView()
    }
    return true
  }
  function withFragment(href) {
    return fragment && href.indexOf('#') < 0 && ours(href) ? href + fragment : href
  }
  // Leaves for another of the showcase's pages as a plain link. This page's entry in the history
  // gets its fragment back first (early.js took the token out of the address): Back reloads it in a
  // portal's frame, and without the token it would not know the member. (The next page's address
  // carries it anyway, until that page's early.js takes it out.)
  function leaveFor(href) {
    var next = withFragment(href)
    if (next !== href && location.hash !== fragment) {
      try {
        var here = new URL(location.href)
        here.hash = fragment
        history.replaceState(history.state, '', here.href)
      } catch {
        // The way back then opens without the member; the way forward is unchanged.
      }
    }
    window.location.assign(next)
  }
  // Only to the showcase's own pages: never the token to another site's.
  function ours(href) {
    var url = new URL(href, document.baseURI)
    var base = new URL(document.baseURI)
    return url.origin === base.origin && url.pathname.indexOf(base.pathname) === 0
  }
  function keep(event) {
    var target = event.target instanceof Element && event.target.closest(PRESSABLE)
    // The code failed to load: links are plain links, with the fragment; one to a part of this
    // page (the skip link) focuses it.
    if (failed && target && target.tagName === 'A' && root.contains(target) && plain(event)) {
      event.preventDefault()
      if (!inPage(target)) leaveFor(target.href)
      return
    }
    if (done || failed || replaying || !target || !root || !root.contains(target)) return
    // Answered, and no earlier tap still waiting: the app's own, as usual.
    if (kept.length === 0 && answers(target)) return
    if (!plain(event)) return
    event.preventDefault()
    event.stopPropagation()
    kept.push({ element: target, place: tappable().indexOf(target), at: Date.now() })
    setTimeout(replay, 5000)
  }
  // A new tab, a download, another window: the browser's own business, as always.
  function plain(event) {
    var target = event.target.closest('a[href]') || event.target.closest(PRESSABLE)
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)
      return false
    return !(target.hasAttribute('download') || (target.target && target.target !== '_self'))
  }
  function tappable() {
    return Array.prototype.slice.call(root.querySelectorAll(PRESSABLE + ', select'))
  }
  // A choice in a list box before the app answers: it cannot be held back, so it is noted and told
  // to the app once the box answers (the app may have set the box back to its own value meanwhile).
  function choose(event) {
    var target = event.target
    if (done || failed || replaying) return
    if (!(target instanceof HTMLSelectElement) || !root.contains(target)) return
    if (kept.length === 0 && answers(target)) return
    event.stopPropagation()
    kept.push({
      element: target,
      place: tappable().indexOf(target),
      at: Date.now(),
      value: target.value,
    })
    setTimeout(replay, 5000)
  }
  // The element, or, if the app drew that part afresh, the one like it (same kind, same words): the
  // only one, else the one in its place. (Tick boxes and list boxes have no words: their place.)
  function now(tap) {
    if (tap.element.isConnected) return tap.element
    var all = tappable()
    var like = all.filter(function (candidate) {
      return (
        candidate.tagName === tap.element.tagName &&
        candidate.textContent === tap.element.textContent
      )
    })
    if (like.length === 1) return like[0]
    return like.indexOf(all[tap.place]) >= 0 ? all[tap.place] : null
  }
  // In order, each once its element answers (the app or a part says so: right after React has put
  // it on screen). A link still waiting after 5 s, or whose code failed to load, is followed as a
  // plain link. A button, a tick box or a choice needs the app: it waits for it however long the
  // code takes (pressed on the page alone it would do nothing, or show a tick the list does not
  // follow), and is dropped if the code fails.
  function replay() {
    while (kept.length > 0) {
      var tap = kept[0]
      var element = now(tap)
      var answered = element !== null && answers(element)
      var link = tap.element.tagName === 'A'
      if (!answered && !failed && !(link && Date.now() - tap.at >= 5000)) break
      kept.shift()
      if (!answered) {
        if (!link || inPage(tap.element)) continue
        leaveFor(tap.element.href)
        return
      }
      if (tap.value !== undefined) {
        element.value = tap.value
        asTheApps(function () {
          element.dispatchEvent(new Event('change', { bubbles: true }))
        })
      } else {
        asTheApps(function () {
          element.click()
        })
      }
    }
    finish()
  }
  function asTheApps(play) {
    replaying = true
    try {
      play()
    } finally {
      replaying = false
    }
  }
  // The pointer resting on a link, or the focus on an element, before the app could see it: told
  // to it once that element answers (a badge starts loading when a member rests on it).
  var told = []
  function tell() {
    var rested = root.querySelector('a[href]:hover')
    if (rested && told.indexOf(rested) < 0 && answers(rested)) {
      told.push(rested)
      rested.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))
    }
    var focused = document.activeElement
    if (focused && root.contains(focused) && told.indexOf(focused) < 0 && answers(focused)) {
      told.push(focused)
      focused.dispatchEvent(new FocusEvent('focusin', { bubbles: true }))
    }
  }
  // Every part answers and nothing waits: the page is the app's alone from here.
  function finish() {
    if (done || !started || kept.length > 0) return
    var markers = root.querySelectorAll('template[data-part]')
    for (var i = 0; i < markers.length; i += 1)
      if (!markers[i].hasAttribute('data-answering')) return
    stop()
  }
  function stop() {
    done = true
    document.removeEventListener('click', keep, true)
    document.removeEventListener('change', choose, true)
    document.removeEventListener('error', hideIfArt, true)
  }
  function step() {
    if (done) return
    tell()
    replay()
  }
  document.addEventListener('click', keep, true)
  document.addEventListener('change', choose, true)

  // Badge art that fails before the app answers (a dead address) would show the browser's
  // broken-image mark until then: hidden, and the app draws the next art in its place (a new
  // element). Art already done is checked by decoding it (SVG art has no natural size to read).
  function hideBroken(image) {
    image.style.visibility = 'hidden'
  }
  function hideIfArt(event) {
    var image = event.target
    if (image instanceof HTMLImageElement && image.matches('#root img[data-art]')) {
      hideBroken(image)
    }
  }
  document.addEventListener('error', hideIfArt, true)
  Array.prototype.forEach.call(root.querySelectorAll('img[data-art]'), function (image) {
    if (image.complete) {
      image.decode().then(null, function () {
        hideBroken(image)
      })
    }
  })
  window.addEventListener('badgeshowcase:app-started', function () {
    started = true
    step()
    // A part that never answers (taken away before React reached it): after a while, the page is
    // the app's anyway.
    setTimeout(function () {
      if (kept.length === 0) stop()
    }, 10000)
  })
  window.addEventListener('badgeshowcase:part-started', step)

  function load() {
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
    // Offline, or the code gone: kept links are followed as plain links; taps are no longer kept.
    script.onerror = function () {
      failed = true
      reveal()
      replay()
    }
    document.head.appendChild(script)
  }

  function delay(ms) {
    return new Promise(function (resolve) {
      setTimeout(resolve, ms)
    })
  }

  // The browser has shown the page (the first contentful paint is reported once it is on screen).
  var shown = new Promise(function (resolve) {
    try {
      if (performance.getEntriesByName('first-contentful-paint').length > 0) return resolve()
      new PerformanceObserver(function (list) {
        if (list.getEntriesByName('first-contentful-paint').length > 0) resolve()
      }).observe({ type: 'paint', buffered: true })
    } catch {
      resolve()
    }
  })

  // The browser's date and number formatting costs tens of milliseconds on its first use on a
  // phone (its locale data), in one piece. The app's first render needs it; started here, once the
  // page is on screen and in a task of its own, it is neither in the app's long task nor added to
  // the one that parses and lays out the page (which it made 40% longer: 138 ms, of it 40 ms this).
  // In three steps, each a task of its own (the language's data, the dates, the numbers: about a
  // third of the cost each), so none of them is long either.
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
  shown.then(function () {
    setTimeout(warmUp, 0)
  })

  // The first row's art (eager, high priority): decoded, or broken, or a second gone, whichever
  // comes first, so a slow image host holds nothing up for long.
  var art = document.querySelectorAll('#root img[fetchpriority="high"]')
  var waits = []
  for (var i = 0; i < art.length; i += 1) {
    waits.push(art[i].decode().then(null, function () {}))
  }
  var decoded = Promise.race([Promise.all(waits), delay(1000)])

  function afterFrames(then) {
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        setTimeout(then, 0)
      })
    })
  }
  // Then two frames, so the one that shows the art is on screen too. A hidden tab has no frames
  // until it is shown (and needs no code before then); past three seconds the code comes anyway.
  var ready = Promise.all([shown, decoded]).then(function () {
    return new Promise(afterFrames)
  })
  // (In a portal's frame, early.js asks for the code at once: the app answers the portal.)
  // (And for a view hidden until the app draws it again: nothing is on screen to wait for.)
  if (me.hasAttribute('data-at-once') || redraw) load()
  else Promise.race([ready, delay(3000)]).then(load)
})()
