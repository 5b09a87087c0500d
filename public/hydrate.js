/*
 * Badge Showcase, a page the server rendered (server/server-render.ts): the member's badges are in
 * the HTML, so the app's code is not needed for them to show. This loads that code once they are
 * on screen (the page painted, the first row of badge art decoded), so on a slow connection the
 * art and the styles do not share the line with 110 kB of script, and the first paint is not held
 * behind the script's run. Links in the page work before it arrives (they are plain links to pages
 * the server renders too). While the script downloads, it starts the browser's date and number
 * formatting (the first use costs tens of milliseconds on a phone), so the app's first render,
 * which needs it, does not pay it inside one long task. Keep it tiny; the CSP allows it as a file.
 */
;(function () {
  'use strict'
  var me = document.currentScript
  var entry = me && me.getAttribute('data-entry')
  if (!entry) return
  var chunks = (me.getAttribute('data-chunks') || '').split(' ').filter(Boolean)

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
    document.head.appendChild(script)
    setTimeout(function () {
      try {
        new Intl.NumberFormat().format(0)
        Intl.DateTimeFormat().resolvedOptions()
      } catch {
        // Nothing lost: the app starts it itself.
      }
    }, 0)
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
