import { normalisePath } from './routes'

const STORAGE_PREFIX = 'tablecloth.token:'
const FRAGMENT_KEY = 'token'

/** What `takeLinkToken` touches, so tests can hand in their own. */
export interface LinkTokenEnvironment {
  location: Pick<Location, 'pathname' | 'search' | 'hash'>
  history: Pick<History, 'replaceState' | 'state'>
  storage: Pick<Storage, 'getItem' | 'setItem'>
}

function browserEnvironment(): LinkTokenEnvironment {
  return { location: window.location, history: window.history, storage: window.localStorage }
}

/**
 * The access token of the link this page was opened with.
 *
 * Links carry their token in the fragment (`#token=…`): browsers never send
 * the fragment to a server, so tokens stay out of access logs and proxies.
 * On arrival the token is remembered for this path, so a reload (also an
 * offline one served by the service worker) still has it, and it is taken out
 * of the address bar, where a projected screen would show it and where it
 * would be copied along with the page address.
 *
 * Returns the remembered token when the fragment has none, or null.
 */
export function takeLinkToken(env: LinkTokenEnvironment = browserEnvironment()): string | null {
  const { location, history, storage } = env
  const key = STORAGE_PREFIX + normalisePath(location.pathname)
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''))
  const fromLink = fragment.get(FRAGMENT_KEY)?.trim() || null

  if (fromLink) {
    try {
      storage.setItem(key, fromLink)
    } catch (error) {
      // Private modes may refuse storage: this visit still works, only a reload lacks the token.
      console.warn('Could not remember the link token on this device', error)
    }
    fragment.delete(FRAGMENT_KEY)
    const rest = fragment.toString()
    const address = location.pathname + location.search + (rest ? `#${rest}` : '')
    history.replaceState(history.state, '', address)
    return fromLink
  }

  try {
    return storage.getItem(key)
  } catch (error) {
    console.warn('Could not read the remembered link token', error)
    return null
  }
}
