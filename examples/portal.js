// The sample portal. The showcase is looked for on this page's own host name, port 4173 (so the
// page works opened as localhost or as 127.0.0.1), or wherever ?showcase=<origin> says.
;(function () {
  var params = new URLSearchParams(location.search)
  var showcase = (
    params.get('showcase') || location.protocol + '//' + location.hostname + ':4173'
  ).replace(/\/$/, '')
  var log = document.getElementById('event-log')
  var events = ['ready', 'navigate', 'badgeopen', 'expiring', 'resize', 'error', 'tokenexpired']

  function record(which, name, detail) {
    var item = document.createElement('li')
    item.textContent = which + ' ' + name + ' ' + JSON.stringify(detail || {})
    log.appendChild(item)
    log.scrollTop = log.scrollHeight
  }

  // Every event, heard on the containers as a portal's own script would.
  ;['badges', 'api-badges'].forEach(function (id) {
    var container = document.getElementById(id)
    events.forEach(function (name) {
      container.addEventListener('badgeshowcase:' + name, function (event) {
        record('#' + id, name, event.detail)
      })
    })
  })

  // 1. What a brand pastes into its portal, with the showcase's address filled in.
  var snippet = document.createElement('script')
  snippet.src = showcase + '/embed.js'
  snippet.async = true
  snippet.dataset.target = '#badges'
  snippet.dataset.customer = params.get('customer') || '62090013'
  snippet.dataset.view = 'earned'
  snippet.dataset.locale = params.get('locale') || 'en'
  snippet.dataset.theme = params.get('theme') || 'light'
  snippet.dataset.accent = params.get('accent') || '#0a7d5a'
  snippet.dataset.brandName =
    params.get('brandName') === null ? 'Bean There' : params.get('brandName')
  snippet.dataset.header = params.get('header') || 'none'
  snippet.dataset.memberName = params.get('memberName') || 'Tom'
  // 2. The same script's JavaScript API, once it has loaded, with the options of the form.
  var form = document.getElementById('options')
  function mountFromForm() {
    if (window.apiShowcase) window.apiShowcase.unmount()
    var options = { title: 'Badges on offer' }
    new FormData(form).forEach(function (value, key) {
      if (value !== '' || key === 'brandName') options[key] = value
    })
    window.apiShowcase = window.BadgeShowcase.mount(document.getElementById('api-badges'), options)
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault()
    mountFromForm()
  })
  snippet.addEventListener('load', mountFromForm)
  snippet.addEventListener('error', function () {
    record('portal', 'error', { reason: 'no showcase at ' + showcase + ' (start it: npm start)' })
  })
  document.body.appendChild(snippet)
  var subpath = params.get('subpath')
  if (subpath) document.getElementById('subpath').href = subpath
})()
