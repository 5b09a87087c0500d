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
  var me = document.currentScript
  var entry = me && me.getAttribute('data-entry')
  if (!entry) return
  var chunks = (me.getAttribute('data-chunks') || '').split(' ').filter(Boolean)
  var root = document.getElementById('root')

  // Taps before the app answers them: kept in order, played again once it does. React takes the
  // page over in steps: the page, then each Suspense boundary the server rendered (marked in the
  // HTML by a <!--$--> comment), and it drops a click on a part it has not taken over yet. The app
  // says when it has started and when each boundary has (src/components/app-started.tsx), so the
  // page answers once both have come: every tap before that is kept.
  var boundaries = 0
  if (root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT)
    while (walker.nextNode()) if (walker.currentNode.data === '$') boundaries += 1
  }
  var kept = []
  var started = false
  var partsStarted = 0
  var failed = false
  var answering = function () {
    return started && partsStarted >= boundaries
  }
  function keep(event) {
    var target = event.target instanceof Element && event.target.closest('a[href], button')
    if (failed || !target || !root || !root.contains(target)) return
    if (answering() && kept.length === 0) return
    // A new tab, a download, another window: the browser's own business, as always.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)
      return
    if (target.hasAttribute('download') || (target.target && target.target !== '_self')) return
    event.preventDefault()
    event.stopPropagation()
    kept.push({ element: target, place: tappable().indexOf(target), at: Date.now() })
    if (kept.length === 1) setTimeout(replay, 5000)
  }
  function tappable() {
    return Array.prototype.slice.call(root.querySelectorAll('a[href], button'))
  }
  // The element, or the one in its place with the same words if the app drew that part afresh.
  function now(tap) {
    if (tap.element.isConnected) return tap.element
    var twin = tappable()[tap.place]
    return twin && twin.textContent === tap.element.textContent ? twin : null
  }
  // In order, once the page answers; a tap still waiting after 5 s (or whose code failed to load)
  // goes as the page alone would take it: a link is followed, a button pressed.
  function replay() {
    while (kept.length > 0) {
      var tap = kept[0]
      var late = failed || Date.now() - tap.at >= 5000
      if (!late && !answering()) {
        setTimeout(replay, 5000 - (Date.now() - tap.at))
        return
      }
      kept.shift()
      var element = now(tap)
      if (element && !(late && !answering() && element.tagName === 'A')) {
        clickPastKeep(function () {
          element.click()
        })
      } else if (tap.element.tagName === 'A') {
        window.location.assign(tap.element.href)
        return
      }
    }
  }
  // A replayed click is the app's to handle, not ours to keep again.
  function clickPastKeep(click) {
    document.removeEventListener('click', keep, true)
    try {
      click()
    } finally {
      document.addEventListener('click', keep, true)
    }
  }
  // The page answers: kept taps are played, and the pointer resting on a link (or the focus on
  // one) is told to the app, which missed it (a badge starts loading when a member rests on it).
  function answered() {
    if (!answering()) return
    replay()
    var rested = root.querySelector('a[href]:hover')
    if (rested) rested.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))
    var focused = document.activeElement
    if (focused && focused !== document.body && root.contains(focused))
      focused.dispatchEvent(new FocusEvent('focusin', { bubbles: true }))
    if (kept.length === 0) document.removeEventListener('click', keep, true)
  }
  document.addEventListener('click', keep, true)
  window.addEventListener('badgeshowcase:app-started', function () {
    started = true
    answered()
  })
  window.addEventListener('badgeshowcase:part-started', function () {
    partsStarted += 1
    answered()
  })

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
      replay()
    }
    document.head.appendChild(script)
  }

  // The browser's date and number formatting costs tens of milliseconds on its first use on a
  // phone (its locale data), in one piece. The app's first render needs it; started here, while
  // the page is still being shown, it is not a long task in the way of the member's first tap.
  try {
    new Intl.NumberFormat().format(0)
    Intl.DateTimeFormat().resolvedOptions()
  } catch {
    // Nothing lost: the app starts it itself.
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

  // The first row's art (eager, high priority): decoded, or broken, or a second gone, whichever
  // comes first, so a slow image host holds nothing up for long.
  var art = document.querySelectorAll('#root img[fetchpriority="high"]')
  var waits = []
  for (var i = 0; i < art.length; i += 1) {
    waits.push(art[i].decode().then(null, function () {}))
  }
  var decoded = Promise.race([Promise.all(waits), delay(1000)])

  // Then two frames, so the one that shows the art is on screen too. A hidden tab has no frames
  // until it is shown (and needs no code before then); past three seconds the code comes anyway.
  var ready = Promise.all([shown, decoded]).then(function () {
    return new Promise(function (resolve) {
      requestAnimationFrame(function () {
        requestAnimationFrame(function () {
          setTimeout(resolve, 0)
        })
      })
    })
  })
  Promise.race([ready, delay(3000)]).then(load)
})()
