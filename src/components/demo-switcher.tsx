import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router'
import { type MessageKey } from '../i18n/en.ts'
import { t } from '../i18n/i18n.ts'

type Identities = {
  id: string
  email?: string
  mobile?: string
  externalId?: string
  cardNumber?: string
}

type Persona = { label: MessageKey; path: string }

// The demo's story in one menu: the three demo members, one found by email, and the error cases.
const personas = {
  typical: { label: 'demo.typical', path: '/customers/62090013/earned' },
  byEmail: { label: 'demo.by-email', path: '/customers/tom.sawyer%40example.com/earned?by=email' },
  new: { label: 'demo.new', path: '/customers/565039504/earned' },
  vip: { label: 'demo.vip', path: '/customers/381921157/earned' },
  unknown: { label: 'demo.unknown', path: '/customers/999999/earned' },
  badIdentifier: { label: 'demo.bad-identifier', path: '/customers/62090013/earned?by=passport' },
} as const satisfies Record<string, Persona>

// Who the demo members are (the emulator's dataset, DESIGN.md section 6), so that the menu names
// the member shown on any of their pages, however the route identifies them.
const members: Array<{ persona: Persona; identities: Identities }> = [
  {
    persona: personas.typical,
    identities: {
      id: '62090013',
      email: 'tom.sawyer@example.com',
      mobile: '15550100001',
      externalId: 'TOM-001',
      cardNumber: 'CARD-0001',
    },
  },
  { persona: personas.new, identities: { id: '565039504', email: 'new.member@example.com' } },
  { persona: personas.vip, identities: { id: '381921157', email: 'vip@example.com' } },
]

const kinds = ['email', 'mobile', 'externalId', 'cardNumber'] as const

const digits = (value: string) => value.replace(/\D/g, '')

function sameIdentity(kind: (typeof kinds)[number], ours: string, theirs: string) {
  if (kind === 'email') return ours.toLowerCase() === theirs.toLowerCase()
  if (kind === 'mobile') return digits(theirs) !== '' && digits(ours) === digits(theirs)
  return ours === theirs
}

/** The persona a route's member is, matched as the API matches members; undefined off a member. */
function personaFor(customer: string | undefined, by: string | null): Persona | undefined {
  if (customer === undefined) return undefined
  const wanted = customer.trim()
  const kindName = by?.trim() ?? ''
  if (kindName === '') {
    const member = members.find((candidate) => candidate.identities.id === wanted)
    return member?.persona ?? personas.unknown
  }
  const kind = kinds.find((option) => option.toLowerCase() === kindName.toLowerCase())
  if (kind === undefined) return personas.badIdentifier
  const member = members.find((candidate) => {
    const value = candidate.identities[kind]
    return value !== undefined && sameIdentity(kind, value, wanted)
  })
  if (member === undefined) return personas.unknown
  return member.persona === personas.typical && kind === 'email' ? personas.byEmail : member.persona
}

/**
 * Another member, on the view this one is on (their offers, the same badge): a sales engineer
 * compares two members on one badge without finding it again. Filters are this member's: dropped.
 */
function switchedPath(personaPath: string, pathname: string, onMember: boolean): string {
  const view = onMember ? pathname.split('/').slice(3).join('/') : ''
  if (view === '' || view === 'earned') return personaPath
  return personaPath.replace(/\/earned(?=\?|$)/, `/${view}`)
}

export function DemoSwitcher() {
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const { customer } = useParams()
  const [search] = useSearchParams()
  const current = personaFor(customer, search.get('by'))
  return (
    // Never wider than the header: on a narrow phone the list box gives way, not the page.
    <label className="flex max-w-full min-w-0 items-center gap-2 text-sm text-ink">
      {/* On one line (two, at 320 px in French, made a blob): the list box gives way instead. */}
      <span className="shrink-0 rounded-full bg-ink px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-surface">
        {t('app.demo')}
      </span>
      <span className="sr-only">{t('demo.persona')}</span>
      <select
        value={current?.path ?? ''}
        onChange={(event) =>
          void navigate(switchedPath(event.target.value, pathname, customer !== undefined))
        }
        className="min-h-11 max-w-64 min-w-0 rounded-lg border border-line-strong bg-surface px-2 text-ink"
      >
        {current === undefined && <option value="">{t('demo.personas')}</option>}
        {Object.values(personas).map((persona) => (
          <option key={persona.path} value={persona.path}>
            {t(persona.label)}
          </option>
        ))}
      </select>
    </label>
  )
}
