/*
 * Badge Showcase embed: puts the showcase in an iframe on a member portal.
 *
 *   <div id="badges"></div>
 *   <script src="https://showcase.example.com/embed.js" data-target="#badges"
 *           data-customer="62090013" data-view="earned" data-locale="fr" data-theme="dark"
 *           data-accent="#0a7d5a" async></script>
 *
 * or from script: const showcase = BadgeShowcase.mount(element, { customer, memberToken, ... })
 * then showcase.setMemberToken(freshToken) and showcase.unmount().
 *
 * Settings travel in the iframe's URL fragment (never sent to a server). Messages go only to the
 * showcase's exact origin and are accepted only from it, from this iframe.
 */
;(function () {
  'use strict'
  var script = document.currentScript
  var appUrl = new URL('./', script ? script.src : location.href)
  var appOrigin = appUrl.origin
  var settings = ['by', 'view', 'locale', 'theme', 'accent', 'radius', 'font']

  function mount(target, options) {
    var element = typeof target === 'string' ? document.querySelector(target) : target
    if (!element) throw new Error('BadgeShowcase.mount: no element ' + target)
    options = options || {}
    var fragment = new URLSearchParams()
    fragment.set('parent', location.origin)
    settings.forEach(function (name) {
      if (options[name]) fragment.set(name, options[name])
    })
    if (options.customer) fragment.set('customer', options.customer)
    if (options.memberToken) fragment.set('member_token', options.memberToken)

    var path = ''
    if (options.customer) {
      var member = 'customers/' + encodeURIComponent(options.customer) + '/'
      var page = options.badge
        ? 'badges/' + encodeURIComponent(options.badge)
        : options.view || 'earned'
      path = member + page + (options.by ? '?by=' + encodeURIComponent(options.by) : '')
    }

    var iframe = document.createElement('iframe')
    iframe.src = appUrl.href + path + '#' + fragment.toString()
    iframe.title = options.title || 'Your badges'
    iframe.style.width = '100%'
    iframe.style.border = '0'
    iframe.style.display = 'block'
    iframe.style.height = (options.initialHeight || 640) + 'px'
    element.appendChild(iframe)

    function onMessage(event) {
      if (event.origin !== appOrigin || event.source !== iframe.contentWindow) return
      var data = event.data
      // The showcase reports its height, so the frame fits it with no inner scrollbar.
      if (
        data &&
        data.type === 'badge-showcase:height' &&
        typeof data.height === 'number' &&
        data.height > 0
      ) {
        iframe.style.height = Math.ceil(Math.min(data.height, 100000)) + 'px'
      }
    }
    window.addEventListener('message', onMessage)

    return {
      iframe: iframe,
      setMemberToken: function (token) {
        if (iframe.contentWindow) {
          iframe.contentWindow.postMessage(
            { type: 'badge-showcase:token', token: String(token) },
            appOrigin,
          )
        }
      },
      unmount: function () {
        window.removeEventListener('message', onMessage)
        iframe.remove()
      },
    }
  }

  window.BadgeShowcase = window.BadgeShowcase || {}
  window.BadgeShowcase.mount = mount

  if (script && script.dataset.target) {
    var data = script.dataset
    var fromSnippet = {
      customer: data.customer,
      memberToken: data.memberToken,
      badge: data.badge,
      title: data.title,
    }
    settings.forEach(function (name) {
      fromSnippet[name] = data[name]
    })
    var start = function () {
      window.BadgeShowcase.snippet = mount(data.target, fromSnippet)
    }
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
    else start()
  }
})()
