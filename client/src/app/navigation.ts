import { useSyncExternalStore } from 'react'
import { matchRoute, type Route } from './routes'

/** Fired on window after `navigate`, since pushState itself fires nothing. */
const NAVIGATE_EVENT = 'tablecloth:navigate'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE_EVENT, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE_EVENT, onChange)
  }
}

const currentPath = () => window.location.pathname

/** Moves to another page of the app without reloading it. */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  if (replace) window.history.replaceState(null, '', path)
  else window.history.pushState(null, '', path)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
}

/** The current pathname, re-rendering on back/forward and `navigate`. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, currentPath)
}

export function useRoute(): Route {
  return matchRoute(usePathname())
}
