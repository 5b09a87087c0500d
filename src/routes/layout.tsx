import { Outlet, useParams } from 'react-router'

export function Layout() {
  const { customer } = useParams()
  return (
    <div className="min-h-dvh bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
          <p className="text-lg font-bold text-slate-900">Badge Showcase</p>
          {customer && (
            <p className="min-w-0 truncate text-sm text-slate-700">
              Member <span className="font-medium text-slate-900">{customer}</span>
            </p>
          )}
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-4 py-6">
        <Outlet />
      </main>
    </div>
  )
}
