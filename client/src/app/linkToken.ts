import { normalisePath } from './routes'

/** The fragment keys links carry secrets under. */
export type LinkSecret =
  /** The access token of the link itself. */
  | 'token'
  /** On a projector link: the table's participant token, for the phone QR code it shows. */
  | 'join'

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
  return takeLinkSecret('token', env)
}

/**
 * A secret the link carries in its fragment under `name`, taken as
 * {@link takeLinkToken} takes the token: remembered for this path and removed
 * from the address bar.
 */
export function takeLinkSecret(
  name: LinkSecret,
  env: LinkTokenEnvironment = browserEnvironment(),
): string | null {
  const { location, history, storage } = env
  const key = storageKey(name, location.pathname)
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''))
  const fromLink = fragment.get(name)?.trim() || null

  if (fromLink) {
    try {
      storage.setItem(key, fromLink)
    } catch (error) {
      // Private modes may refuse storage: this visit still works, only a reload lacks the token.
      console.warn('Could not remember the link token on this device', error)
    }
    fragment.delete(name)
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

/**
 * Remembers a new token for the page at `pathname` (after the organiser
 * rotated the link this page was opened with), so a reload uses it.
 */
export function rememberLinkToken(
  token: string,
  env: Pick<LinkTokenEnvironment, 'location' | 'storage'> = browserEnvironment(),
): void {
  try {
    env.storage.setItem(storageKey('token', env.location.pathname), token)
  } catch (error) {
    console.warn('Could not remember the new link token on this device', error)
  }
}

/** Where a link's secret is remembered on this device: per secret and per page. */
function storageKey(name: LinkSecret, pathname: string): string {
  return `tablecloth.${name}:${normalisePath(pathname)}`
}
