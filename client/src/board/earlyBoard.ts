import { takeLinkToken } from '../app/linkToken'
import { matchRoute } from '../app/routes'
import { useServerConfig } from '../app/serverConfigStore'
import { DocSession, type DocSessionOptions } from './DocSession'
import { useEventViews } from '../canvas/eventViewStore'

/**
 * A moderator's board opened before the board page's own code has run:
 * board.html starts its socket, this device's copy in IndexedDB and the
 * event's details while the browser still evaluates tldraw (about a tenth of
 * a second on a laptop), instead of after it. The board page then takes the
 * doc over (`take`) rather than opening a second one.
 */
export class EarlyBoard {
  private docSession: DocSession | null

  private constructor(readonly options: DocSessionOptions) {
    this.docSession = new DocSession(options)
    void this.docSession.load()
    void useServerConfig.getState().load()
    void useEventViews.getState().load(options.eventId, options.token)
  }

  /** Opens the board of the page's address, if it is a moderator's board link with its token. */
  static open(location: Pick<Location, 'pathname'>): EarlyBoard | null {
    const route = matchRoute(location.pathname)
    if (route.name !== 'board') return null
    // Takes the token out of the address as the board page would; it reads it back from there.
    const token = takeLinkToken()
    if (!token) return null
    return new EarlyBoard({
      eventId: route.eventId,
      tableId: route.tableId,
      token,
      readOnly: false,
    })
  }

  /** The doc, once, for the board page that opens these same options; null otherwise. */
  take(options: DocSessionOptions): DocSession | null {
    const { eventId, tableId, token, readOnly } = this.options
    const same =
      options.eventId === eventId &&
      options.tableId === tableId &&
      options.token === token &&
      options.readOnly === readOnly
    const taken = same ? this.docSession : null
    if (taken) this.docSession = null
    return taken
  }
}
