import { useLocation, useNavigate } from 'react-router'
import { type MessageKey } from '../i18n/en.ts'
import { t } from '../i18n/i18n.ts'

// The demo's story in one menu: the three demo members, one found by email, and the error cases.
const personas: Array<{ label: MessageKey; path: string }> = [
  { label: 'demo.typical', path: '/customers/62090013/earned' },
  { label: 'demo.by-email', path: '/customers/tom.sawyer%40example.com/earned?by=email' },
  { label: 'demo.new', path: '/customers/565039504/earned' },
  { label: 'demo.vip', path: '/customers/381921157/earned' },
  { label: 'demo.unknown', path: '/customers/999999/earned' },
  { label: 'demo.bad-identifier', path: '/customers/62090013/earned?by=passport' },
]

export function DemoSwitcher() {
  const location = useLocation()
  const navigate = useNavigate()
  const here = `${location.pathname}${location.search}`
  const current = personas.find((persona) => persona.path === here)
  return (
    <label className="flex items-center gap-2 text-sm text-ink">
      <span className="rounded-full bg-ink px-2 py-0.5 text-xs font-semibold text-surface">
        {t('app.demo')}
      </span>
      <span className="sr-only">{t('demo.persona')}</span>
      <select
        value={current?.path ?? ''}
        onChange={(event) => void navigate(event.target.value)}
        className="min-h-11 max-w-56 rounded-lg border border-line-strong bg-surface px-2 text-ink"
      >
        {current === undefined && <option value="">{t('demo.personas')}</option>}
        {personas.map((persona) => (
          <option key={persona.path} value={persona.path}>
            {t(persona.label)}
          </option>
        ))}
      </select>
    </label>
  )
}
