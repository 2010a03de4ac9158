import type * as Y from 'yjs'
import type { IndexeddbPersistence } from 'y-indexeddb'
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
import { badgeState, useConnection } from '../canvas/connectionStore'
import { DocSession, type DocSessionOptions } from './DocSession'
import { bindPresence } from './presence'
import { publishTestHook } from './testHook'
import { bindStoreToDoc, type StoreBinding } from './yStoreBinding'

export type BoardSessionOptions = DocSessionOptions

export type BoardOpenResult = 'ready' | 'incompatible' | 'closed'

/**
 * One open board: its Y.Doc, this device's copy of it in IndexedDB, the sync
 * socket, and the tldraw store bound to the doc.
 *
 * `open()` shows the local copy first (offline-first), waits for the server
 * only when this device has never seen the board, then binds the store.
 */
export class BoardSession {
  readonly doc: Y.Doc
  readonly store: TLStore
  readonly provider: WebsocketProvider
  readonly persistence: IndexeddbPersistence
  private readonly docSession: DocSession
  private binding: StoreBinding | null = null
  private readonly stops: Array<() => void> = []
  private closed = false

  constructor(
    private readonly options: BoardSessionOptions,
    private readonly onIncompatible: () => void,
    /** The board's doc when it was opened already (see `earlyBoard`); otherwise opened here. */
    docSession: DocSession = new DocSession(options),
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

    this.docSession = docSession
    this.doc = this.docSession.doc
    this.provider = this.docSession.provider
    this.persistence = this.docSession.persistence
  }

  async open(): Promise<BoardOpenResult> {
    if (!(await this.docSession.load()) || this.closed) return 'closed'

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
    await this.docSession.discardLocalCopy()
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
    for (const stop of this.stops.splice(0).reverse()) stop()
    this.docSession.close()
    this.store.dispose()
  }

  private stopSyncing(reason: string) {
    console.error(`This board cannot be shown on this device: ${reason}`)
    this.docSession.stopSyncing()
  }
}
