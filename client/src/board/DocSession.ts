import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import type { WebsocketProvider } from 'y-websocket'
import { boardRecordsArray } from '@tablecloth/shared'
import { createSyncProvider } from '../canvas/syncProvider'
import { superviseConnection } from './connectionSupervisor'

export interface DocSessionOptions {
  eventId: string
  tableId: string
  token: string
  /** The projector: shows the board, never writes. */
  readOnly: boolean
}

/**
 * On a device's first visit to a board there is nothing local to show; this
 * long it waits for the server's copy before showing the board as it is
 * (empty, or whatever arrives later).
 */
const FIRST_VISIT_WAIT_MS = 4000

/**
 * The IndexedDB database holding this device's copy of a board. The
 * projector keeps its own: it must never hold edits that only a moderator's
 * device has made, as it would offer them to the server, which refuses any
 * change from a read-only link.
 */
export function localDatabaseName({ eventId, tableId, readOnly }: DocSessionOptions): string {
  return `tablecloth:${eventId}:${tableId}${readOnly ? ':projector' : ''}`
}

/**
 * A board's doc on this device, without any view of it: the Y.Doc, this
 * device's copy in IndexedDB and the sync socket, supervised into the page's
 * connection store. The moderator's `BoardSession` binds a tldraw store to
 * it; the projector reads it as it is, and loads no tldraw.
 *
 * `load()` shows the local copy first (offline-first), and waits for the
 * server only when this device has never seen the board.
 */
export class DocSession {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  readonly persistence: IndexeddbPersistence
  private stopSupervising: (() => void) | null = null
  private closed = false
  private loading: Promise<boolean> | null = null

  constructor(options: DocSessionOptions) {
    this.persistence = new IndexeddbPersistence(localDatabaseName(options), this.doc)
    this.provider = createSyncProvider(this.doc, options)
  }

  /**
   * Starts syncing; resolves true once the doc is worth showing, false if
   * closed meanwhile. Calling it again answers the same promise: a board
   * link starts loading before the board page runs (see `earlyBoard`).
   */
  load(): Promise<boolean> {
    this.loading ??= this.startLoading()
    return this.loading
  }

  private async startLoading(): Promise<boolean> {
    this.stopSupervising = superviseConnection(this.provider, this.persistence)
    await this.loadLocalCopy()
    if (this.closed) return false
    await this.waitForServerOnFirstVisit()
    return !this.closed
  }

  /** Stops syncing for good (the doc stays readable), e.g. for a board this page cannot show. */
  stopSyncing(): void {
    this.stopSupervising?.()
    this.stopSupervising = null
  }

  /**
   * Forgets this device's copy of the board, for a board that refused what
   * the copy holds (e.g. after the server was restored from a backup): the
   * next open loads the board from the server alone.
   */
  async discardLocalCopy(): Promise<void> {
    await this.persistence.clearData()
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.stopSyncing()
    this.provider.destroy()
    this.persistence.destroy().catch((error: unknown) => {
      console.warn('Closing this device’s copy of the board failed', error)
    })
    this.doc.destroy()
  }

  /** Resolves once IndexedDB has loaded the board, or at once if there is no IndexedDB. */
  private async loadLocalCopy(): Promise<void> {
    const { persistence } = this
    try {
      // `whenSynced` never settles when IndexedDB cannot be opened; the open itself rejects then.
      const opened = persistence._db.then(() => persistence.whenSynced)
      await Promise.race([persistence.whenSynced, opened])
    } catch (error) {
      console.warn('No copy of the board on this device (IndexedDB unavailable)', error)
    }
  }

  private waitForServerOnFirstVisit(): Promise<void> {
    const { provider } = this
    const hasLocalCopy = boardRecordsArray(this.doc).length > 0
    if (hasLocalCopy || !navigator.onLine || provider.synced) return Promise.resolve()
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        provider.off('sync', onSync)
        provider.off('connection-close', done)
        provider.off('closed', done)
        resolve()
      }
      const onSync = (synced: boolean) => {
        if (synced) done()
      }
      const timer = setTimeout(done, FIRST_VISIT_WAIT_MS)
      provider.on('sync', onSync)
      provider.on('connection-close', done)
      provider.on('closed', done)
    })
  }
}
