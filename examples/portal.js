// The sample portal: where the showcase lives is given as ?showcase=<origin> (default the demo on
// http://localhost:4173), so the page works against any running showcase.
;(function () {
  var params = new URLSearchParams(location.search)
  var showcase = (params.get('showcase') || 'http://localhost:4173').replace(/\/$/, '')

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
  // 2. The same script's JavaScript API, once it has loaded.
  snippet.addEventListener('load', function () {
    window.apiShowcase = window.BadgeShowcase.mount(document.getElementById('api-badges'), {
      customer: '565039504',
      view: 'available',
      theme: 'dark',
      accent: '#ffb000',
      title: 'Badges you can earn',
    })
  })
  document.body.appendChild(snippet)
  var subpath = params.get('subpath')
  if (subpath) document.getElementById('subpath').href = subpath
})()
