/*
 * Badge Showcase embed: puts the showcase in an iframe on a member portal.
 *
 *   <div id="badges"></div>
 *   <script src="https://showcase.example.com/embed.js" data-target="#badges"
 *           data-customer="62090013" data-brand-name="Bean There" data-accent="#0a7d5a" async></script>
 *
 * or from script: const showcase = BadgeShowcase.mount(element, { customer, memberToken, ... })
 * then showcase.setMemberToken(freshToken) and showcase.unmount().
 *
 * Settings travel in the iframe's URL fragment (never sent to a server). Messages go only to the
 * showcase's exact origin and are accepted only from it, from this iframe.
 *
 * The showcase's route is mirrored into one query parameter of this page (`routeParam`, default
 * `badges`): a reload, a bookmark, back and forward all open the same view. The container hears
 * badgeshowcase:ready, :navigate {route}, :badgeopen {badgeId}, :expiring {badges}, :resize
 * {height}, :error {reason} and :tokenexpired, and the matching callbacks are called (onReady,
 * onNavigate, onBadgeOpen, onExpiring, onError, and onTokenExpired, which returns a promise of a
 * fresh member token). :expiring comes once a load, with the badges running out within
 * `expiringWithinDays` (default 7; 0 turns it off).
 */
;(function () {
  'use strict'
  var script = document.currentScript
  var appUrl = new URL('./', script ? script.src : location.href)
  var appOrigin = appUrl.origin
  // mount's option → the fragment parameter the showcase reads.
  var settings = {
    by: 'by',
    view: 'view',
    locale: 'locale',
    theme: 'theme',
    accent: 'accent',
    radius: 'radius',
    font: 'font',
    brandName: 'brand_name',
    header: 'header',
    memberName: 'member_name',
    shareUrl: 'share_url',
    expiringWithinDays: 'expiring_within_days',
  }
  var callbacks = {
    ready: 'onReady',
    navigate: 'onNavigate',
    badgeopen: 'onBadgeOpen',
    expiring: 'onExpiring',
    error: 'onError',
  }
  var known = [
    'customer',
    'memberToken',
    'badge',
    'title',
    'initialHeight',
    'routeParam',
    'onReady',
    'onNavigate',
    'onBadgeOpen',
    'onExpiring',
    'onError',
    'onTokenExpired',
  ].concat(Object.keys(settings))

  /*
   * A route from this page's address, or null unless it is a path inside the showcase: one leading
   * slash (no `//host`, no scheme), no backslash, whitespace, control character or fragment, no
   * `.` or `..` segment, encoded or not. (The showcase checks it again: src/config/host-route.ts.)
   */
  function safeRoute(value) {
    if (typeof value !== 'string' || value.length === 0 || value.length > 512) return null
    if (!/^\/(?![/\\])[^\\#\s]*$/.test(value)) return null
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    if (/[\u0000-\u001f\u007f]/.test(value)) return null
    var segments = value.split('?')[0].split('/')
    for (var i = 0; i < segments.length; i += 1) {
      var decoded
      try {
        decoded = decodeURIComponent(segments[i])
      } catch {
        return null
      }
      if (decoded === '.' || decoded === '..' || /[/\\]/.test(decoded)) return null
    }
    return value
  }

  // How long a page without onTokenExpired has to answer tokenexpired with setMemberToken.
  var SNIPPET_TOKEN_WAIT_MS = 5000

  function mount(target, options) {
    var element = typeof target === 'string' ? document.querySelector(target) : target
    if (!element) throw new Error('BadgeShowcase.mount: no element ' + target)
    options = options || {}
    var problems = []
    Object.keys(options).forEach(function (name) {
      if (known.indexOf(name) === -1) problems.push(name)
    })
    // The frame's height until the showcase reports its own (the portal reserves the same room).
    var initialHeight = 640
    if (options.initialHeight !== undefined) {
      // A whole number of CSS pixels, with or without "px": 700, "700", "700px".
      var height = /^\s*(\d{3,5})(px)?\s*$/.exec(String(options.initialHeight))
      if (height && Number(height[1]) >= 100 && Number(height[1]) <= 10000) {
        initialHeight = Number(height[1])
      } else problems.push('initialHeight')
    }
    var routeParam = options.routeParam || 'badges'
    if (!/^[A-Za-z][\w-]{0,31}$/.test(routeParam)) {
      problems.push('routeParam')
      routeParam = 'badges'
    }

    function emit(name, detail) {
      element.dispatchEvent(
        new CustomEvent('badgeshowcase:' + name, { detail: detail, bubbles: true }),
      )
      var callback = options[callbacks[name]]
      if (typeof callback !== 'function') return
      try {
        callback(detail)
      } catch (error) {
        console.error('Badge Showcase: the ' + callbacks[name] + ' callback failed', error)
      }
    }

    var fragment = new URLSearchParams()
    fragment.set('parent', location.origin)
    // For share links: the portal page, without its query or fragment (they may hold its session).
    fragment.set('page', location.origin + location.pathname)
    fragment.set('route_param', routeParam)
    Object.keys(settings).forEach(function (name) {
      var value = options[name]
      // An empty brand name is a choice: no name shown; so is 0 days (no expiring event).
      if (value || value === 0 || (name === 'brandName' && value === ''))
        fragment.set(settings[name], value)
    })
    if (options.customer) fragment.set('customer', options.customer)
    if (options.memberToken) fragment.set('member_token', options.memberToken)

    var asked = new URLSearchParams(location.search).get(routeParam)
    var initialRoute = safeRoute(asked)
    if (asked !== null && initialRoute === null) problems.push('route')
    var path = ''
    if (options.customer) {
      var page = initialRoute
        ? initialRoute
        : options.badge
          ? '/badges/' + encodeURIComponent(options.badge)
          : '/' + (options.view || 'earned')
      path = 'customers/' + encodeURIComponent(options.customer) + page
      if (options.by) {
        path += (page.indexOf('?') === -1 ? '?' : '&') + 'by=' + encodeURIComponent(options.by)
      }
    } else if (initialRoute) {
      // The member is the token's: the showcase resolves the route once it knows them.
      fragment.set('route', initialRoute)
    }

    var iframe = document.createElement('iframe')
    iframe.src = appUrl.href + path + '#' + fragment.toString()
    iframe.title = options.title || 'Your badges'
    // "Share this badge" uses the device's share sheet, else copies the link.
    iframe.allow = 'web-share; clipboard-write'
    iframe.style.width = '100%'
    iframe.style.border = '0'
    iframe.style.display = 'block'
    iframe.style.height = initialHeight + 'px'
    element.appendChild(iframe)

    var ready = false
    var mirrored = initialRoute
    // After back or forward: the route asked of the showcase, and the scroll to come back to.
    var restoring = null
    var restoreScroll = null
    // Back or forward before the showcase was ready to hear it: the route to open once it is.
    var pendingRoute = null
    var askingForToken = false
    // Without onTokenExpired (the snippet), the page may still answer the tokenexpired event with
    // setMemberToken: wait that long for it before the member is asked to sign in again.
    var tokenWait = null
    // Where the page was scrolled when the member left the current view.
    var leftAt = null

    function post(message) {
      if (iframe.contentWindow) iframe.contentWindow.postMessage(message, appOrigin)
    }

    function fit(height) {
      if (typeof height !== 'number' || !(height > 0)) return false
      var next = Math.ceil(Math.min(height, 100000)) + 'px'
      if (iframe.style.height === next) return false
      iframe.style.height = next
      emit('resize', { height: Math.ceil(Math.min(height, 100000)) })
      return true
    }

    // Problems are reported once the page's own script has had a chance to listen.
    setTimeout(function () {
      problems.forEach(function (name) {
        console.warn('Badge Showcase: the option ' + name + ' cannot be used; see the README.')
        emit('error', { reason: 'config:' + name })
      })
    }, 0)

    // A frame that never says it is ready was most likely refused: the showcase's
    // SHOWCASE_FRAME_ANCESTORS must name this page's exact origin.
    var readyCheck = null
    iframe.addEventListener('load', function () {
      if (ready || readyCheck !== null) return
      readyCheck = setTimeout(function () {
        if (ready) return
        console.warn(
          'Badge Showcase: no answer from ' +
            appOrigin +
            '; is ' +
            location.origin +
            ' in its SHOWCASE_FRAME_ANCESTORS?',
        )
        emit('error', { reason: 'not-ready' })
      }, 15000)
    })

    function bringIntoView() {
      var top = iframe.getBoundingClientRect().top
      // Only when the frame's top is out of sight; scroll-margin-top on the iframe leaves room
      // for a sticky portal header.
      if (top < 0 || top >= window.innerHeight) iframe.scrollIntoView({ block: 'start' })
    }

    function onNavigate(data) {
      var route = safeRoute(data.route)
      if (route === null) return
      fit(data.height)
      var restored = restoring !== null && restoring.route === route
      // Another sort or filter of the same view is no new place to bring into sight.
      var sameView = mirrored !== null && route.split('?')[0] === mirrored.split('?')[0]
      var inAddress = new URLSearchParams(location.search).get(routeParam)
      // Back or forward already put the route in the address: nothing to add to the history.
      if (route !== mirrored && route !== inAddress) {
        var url = new URL(location.href)
        var query = new URLSearchParams(url.search)
        query.set(routeParam, route)
        // Slashes need no escaping in a query: the address reads ?badges=/badges/6650….
        url.search = query.toString().replace(/%2F/gi, '/')
        if (data.replace === true || mirrored === null) {
          history.replaceState(history.state, '', url.href)
        } else {
          // Remember where the member was on this entry (before the new view changed the
          // page's height), for their way back.
          var state = history.state
          if (state === null || typeof state === 'object') {
            var saved = Object.assign({}, state)
            saved.badgeShowcaseScroll = leftAt === null ? window.scrollY : leftAt
            history.replaceState(saved, '')
          }
          history.pushState(null, '', url.href)
        }
      }
      mirrored = route
      leftAt = null
      if (restored) {
        restoreScroll = restoring.scroll
        restoring = null
        if (restoreScroll !== null) window.scrollTo(0, restoreScroll)
        else bringIntoView()
      } else if (ready) {
        restoreScroll = null
        if (!sameView) bringIntoView()
      }
      emit('navigate', { route: route })
    }

    function onTokenNeeded() {
      emit('tokenexpired', {})
      if (askingForToken) return
      var renew = options.onTokenExpired
      if (typeof renew !== 'function') {
        if (tokenWait === null)
          tokenWait = setTimeout(function () {
            tokenWait = null
            post({ type: 'badge-showcase:no-token' })
          }, SNIPPET_TOKEN_WAIT_MS)
        return
      }
      askingForToken = true
      Promise.resolve()
        .then(function () {
          return renew()
        })
        .then(
          function (token) {
            askingForToken = false
            if (typeof token === 'string' && token.trim() !== '') {
              post({ type: 'badge-showcase:token', token: token })
            } else post({ type: 'badge-showcase:no-token' })
          },
          function (error) {
            askingForToken = false
            console.error('Badge Showcase: onTokenExpired failed', error)
            post({ type: 'badge-showcase:no-token' })
          },
        )
    }

    function onMessage(event) {
      if (event.origin !== appOrigin || event.source !== iframe.contentWindow) return
      var data = event.data
      if (!data || typeof data.type !== 'string') return
      switch (data.type) {
        // The showcase checks a portal that speaks this is there before it waits for its answers.
        case 'badge-showcase:hello':
          post({ type: 'badge-showcase:hello' })
          break
        // The showcase reports its height, so the frame fits it with no inner scrollbar.
        case 'badge-showcase:height':
          if (fit(data.height) && restoreScroll !== null) window.scrollTo(0, restoreScroll)
          break
        case 'badge-showcase:leaving':
          if (leftAt === null) leftAt = window.scrollY
          break
        case 'badge-showcase:navigate':
          onNavigate(data)
          break
        case 'badge-showcase:ready':
          if (ready) break
          ready = true
          if (pendingRoute !== null && pendingRoute !== mirrored)
            post({ type: 'badge-showcase:navigate', route: pendingRoute })
          pendingRoute = null
          emit('ready', {})
          break
        case 'badge-showcase:badgeopen':
          if (typeof data.badgeId === 'string') emit('badgeopen', { badgeId: data.badgeId })
          break
        // Badges running out soon, so the brand can tell the member by its own channels.
        case 'badge-showcase:expiring':
          if (Array.isArray(data.badges)) emit('expiring', { badges: data.badges })
          break
        case 'badge-showcase:error':
          if (typeof data.reason === 'string') emit('error', { reason: data.reason })
          break
        case 'badge-showcase:token-needed':
          onTokenNeeded()
          break
      }
    }

    // Back and forward in the portal: the showcase opens the route the address now names, and the
    // page comes back to where the member was.
    function onPopState(event) {
      var route = safeRoute(new URLSearchParams(location.search).get(routeParam))
      if (route === null || route === mirrored) {
        pendingRoute = null
        return
      }
      var saved = event.state && event.state.badgeShowcaseScroll
      restoring = { route: route, scroll: typeof saved === 'number' ? saved : null }
      // A showcase still loading (a reload, then Back at once) has no one listening yet: the
      // route waits for it to say it is ready, else the member stays on the badge they left.
      if (ready) post({ type: 'badge-showcase:navigate', route: route })
      else pendingRoute = route
    }

    // The member scrolling themselves ends any restoring of their place.
    function onOwnScroll() {
      restoreScroll = null
    }

    window.addEventListener('message', onMessage)
    window.addEventListener('popstate', onPopState)
    var interactions = ['wheel', 'touchstart', 'keydown']
    interactions.forEach(function (type) {
      window.addEventListener(type, onOwnScroll, { passive: true })
    })

    return {
      iframe: iframe,
      setMemberToken: function (token) {
        if (tokenWait !== null) {
          clearTimeout(tokenWait)
          tokenWait = null
        }
        post({ type: 'badge-showcase:token', token: String(token) })
      },
      unmount: function () {
        window.removeEventListener('message', onMessage)
        window.removeEventListener('popstate', onPopState)
        interactions.forEach(function (type) {
          window.removeEventListener(type, onOwnScroll)
        })
        if (readyCheck !== null) clearTimeout(readyCheck)
        if (tokenWait !== null) clearTimeout(tokenWait)
        iframe.remove()
      },
    }
  }

  window.BadgeShowcase = window.BadgeShowcase || {}
  window.BadgeShowcase.mount = mount

  if (script && script.dataset.target) {
    var data = script.dataset
    var fromSnippet = {}
    ;['customer', 'memberToken', 'badge', 'title', 'initialHeight', 'routeParam']
      .concat(Object.keys(settings))
      .forEach(function (name) {
        if (data[name] !== undefined) fromSnippet[name] = data[name]
      })
    var start = function () {
      window.BadgeShowcase.snippet = mount(data.target, fromSnippet)
    }
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
    else start()
  }
})()
