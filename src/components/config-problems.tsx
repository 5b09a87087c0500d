import { useId } from 'react'
import { runtimeConfig } from '../config/load.ts'
import { t } from '../i18n/i18n.ts'

/**
 * Settings the showcase could not use, explained on the page in demo mode (where the reader is the
 * one setting it up). Members never see them: they go to the console and the portal's error event.
 */
export function ConfigProblems() {
  const { config, problems } = runtimeConfig()
  const headingId = useId()
  if (problems.length === 0 || !config.demo) return null
  return (
    <aside aria-labelledby={headingId} className="mx-auto mt-4 max-w-5xl px-4">
      <div className="rounded-card border border-line-strong bg-surface p-4 text-sm text-ink">
        <h2 id={headingId} className="font-semibold">
          {t('app.config.heading')}
        </h2>
        <ul className="mt-1 list-disc ps-5 text-ink-muted">
          {problems.map((problem) => (
            <li key={`${problem.setting}-${problem.message}`} className="api-text">
              <code>{problem.setting}</code> {problem.message}; {t('app.config.fallback')}
            </li>
          ))}
        </ul>
      </div>
    </aside>
  )
}
