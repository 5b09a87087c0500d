import { type ComponentType, lazy, type ReactNode, Suspense, useEffect, useRef } from 'react'

/**
 * A part of the page React may take over after the rest: a Suspense boundary. The server renders
 * it with its content, and the browser hydrates that content in a pass of its own; until then React
 * drops a click inside it. So each part carries a marker (an inert <template>, first in its
 * content) that says once the part is on screen and answering, and public/hydrate.js holds a tap
 * inside a part until its marker says so. Every Suspense boundary in the app is one of these.
 */
export function Part({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  return (
    <Suspense fallback={fallback}>
      <PartStarted />
      {children}
    </Suspense>
  )
}

// An effect inside a boundary runs once that boundary is on screen and answering.
function PartStarted() {
  const marker = useRef<HTMLTemplateElement>(null)
  useEffect(() => {
    marker.current?.setAttribute('data-answering', '')
    window.dispatchEvent(new Event('badgeshowcase:part-started'))
  }, [])
  return <template ref={marker} data-part="" />
}

type Late = { Component: ComponentType<never>; load: () => Promise<unknown> }
const late: Late[] = []

/**
 * A component whose code the browser loads when it is first needed (React's lazy). The server loads
 * every one before its first render (`lateParts`), so every page it renders, the first after a
 * start included, has the part's content rather than a fallback the browser must replace.
 */
export function latePart<Props>(load: () => Promise<{ default: ComponentType<Props> }>) {
  const Component = lazy(load)
  // Only the server needs the list: the browser's bundle leaves it out.
  if (import.meta.env.SSR) late.push({ Component: Component as ComponentType<never>, load })
  return Component
}

/** Every late part, for the server to load before it renders. */
export function lateParts(): readonly Late[] {
  return late
}
