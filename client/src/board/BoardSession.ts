import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import type { WebsocketProvider } from 'y-websocket'
import {
  atom,
  createTLStore,
  defaultAssetUtils,
  defaultBindingUtils,
  defaultShapeUtils,
  type Editor,
  type TLStore,
  type TLUser,
} from 'tldraw'
import { recordsArray } from './boardRecords'
import { badgeState, useConnection } from './connectionStore'
import { superviseConnection } from './connectionSupervisor'
import { bindPresence } from './presence'
import { createSyncProvider } from './syncProvider'
import { publishTestHook } from './testHook'
import { bindStoreToDoc, type StoreBinding } from './yStoreBinding'

export interface BoardSessionOptions {
  eventId: string
  tableId: string
  token: string
  /** The projector: shows the board and others' cursors, never writes. */
  readOnly: boolean
}

export type BoardOpenResult = 'ready' | 'incompatible' | 'closed'

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
export function localDatabaseName({ eventId, tableId, readOnly }: BoardSessionOptions): string {
  return `tablecloth:${eventId}:${tableId}${readOnly ? ':projector' : ''}`
}

/**
 * One open board: its Y.Doc, this device's copy of it in IndexedDB, the sync
 * socket, and the tldraw store bound to the doc.
 *
 * `open()` shows the local copy first (offline-first), waits for the server
 * only when this device has never seen the board, then binds the store.
 */
export class BoardSession {
  readonly doc = new Y.Doc()
  readonly store: TLStore
  readonly provider: WebsocketProvider
  readonly persistence: IndexeddbPersistence
  private binding: StoreBinding | null = null
  private readonly stops: Array<() => void> = []
  private stopSupervising: (() => void) | null = null
  private closed = false

  constructor(
    private readonly options: BoardSessionOptions,
    private readonly onIncompatible: () => void,
  ) {
    const $mode = atom<'readonly' | 'readwrite'>(
      'board mode',
      options.readOnly ? 'readonly' : 'readwrite',
    )
    const $status = atom<'online' | 'offline'>('board status', 'offline')
    this.store = createTLStore({
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
      assetUtils: defaultAssetUtils,
      // No author stamps on notes: tldraw would keep people's names in the
      // board for good, and the board needs none (privacy by default).
      users: { currentUser: atom<TLUser | null>('no attribution', null) },
      collaboration: { status: $status, mode: $mode },
    })
    this.stops.push(
      useConnection.subscribe((connection) => {
        $status.set(badgeState(connection) === 'online' ? 'online' : 'offline')
        // A refused board cannot sync any more (a withdrawn link, a full
        // board, a refused change); editing it would only pile up changes
        // that never arrive. It stays readable.
        $mode.set(options.readOnly || connection.refusedWith !== null ? 'readonly' : 'readwrite')
      }),
    )

    this.persistence = new IndexeddbPersistence(localDatabaseName(options), this.doc)
    this.provider = createSyncProvider(this.doc, options)
  }

  async open(): Promise<BoardOpenResult> {
    this.stopSupervising = superviseConnection(this.provider, this.persistence)
    await this.loadLocalCopy()
    if (this.closed) return 'closed'
    await this.waitForServerOnFirstVisit()
    if (this.closed) return 'closed'

    const result = bindStoreToDoc(this.store, this.doc, {
      readOnly: this.options.readOnly,
      onIncompatible: (reason) => {
        this.stopSyncing(reason)
        this.onIncompatible()
      },
    })
    if (result.status === 'incompatible') {
      this.stopSyncing(result.reason)
      return 'incompatible'
    }
    this.binding = result.binding
    return 'ready'
  }

  /**
   * Forgets this device's copy of the board, for a board that refused what
   * the copy holds (e.g. after the server was restored from a backup): the
   * next open loads the board from the server alone. Edits only this copy
   * held are lost; the server had refused them already.
   */
  async discardLocalCopy(): Promise<void> {
    await this.persistence.clearData()
  }

  /** Wires a mounted editor to presence and the test hook; returns the undo. */
  attachEditor(editor: Editor): () => void {
    const stopPresence = bindPresence(editor, this.provider.awareness, {
      publish: !this.options.readOnly,
    })
    const withdraw = publishTestHook({ editor, doc: this.doc, provider: this.provider })
    return () => {
      withdraw()
      stopPresence()
    }
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.binding?.dispose()
    this.stopSupervising?.()
    for (const stop of this.stops.splice(0).reverse()) stop()
    this.provider.destroy()
    this.persistence.destroy().catch((error: unknown) => {
      console.warn('Closing this device’s copy of the board failed', error)
    })
    this.doc.destroy()
    this.store.dispose()
  }

  private stopSyncing(reason: string) {
    console.error(`This board cannot be shown on this device: ${reason}`)
    this.stopSupervising?.()
    this.stopSupervising = null
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
    const hasLocalCopy = recordsArray(this.doc).length > 0
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
