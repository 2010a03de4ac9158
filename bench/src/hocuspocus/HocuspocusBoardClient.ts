import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { YKeyValue } from 'y-utility/y-keyvalue'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { boardRecordsArray } from '@tablecloth/shared'
import { type NoteListener, observeNotes, type WebSocketClass } from '../BoardClient'
import type { LoadClient } from '../boardLoad'
import type { NoteRecord } from '../noteRecord'
import type { BoardAddress } from '../targets/benchTarget'

/**
 * One client on a Hocuspocus board with Hocuspocus's own provider, holding
 * the board's records as our clients do, so the same note bytes travel. One
 * socket per client, as one browser tab per board would open.
 */
export class HocuspocusBoardClient implements LoadClient {
  readonly doc = new Y.Doc()
  readonly records: YKeyValue<NoteRecord>
  private readonly socket: HocuspocusProviderWebsocket
  /** Hocuspocus's provider applies presence without showing its frames. */
  readonly awarenessFrames = null
  private readonly provider: HocuspocusProvider
  drops = 0

  constructor(
    address: BoardAddress,
    name: string,
    onNote: NoteListener,
    webSocket: WebSocketClass = WebSocket,
  ) {
    this.records = new YKeyValue<NoteRecord>(
      boardRecordsArray(this.doc) as Y.Array<{ key: string; val: NoteRecord }>,
    )
    // Node 20 has no WebSocket of its own: the provider is handed `ws`.
    this.socket = new HocuspocusProviderWebsocket({
      url: address.serverUrl,
      WebSocketPolyfill: webSocket,
    })
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: address.room,
      document: this.doc,
    })
    this.provider.attach()
    this.provider.setAwarenessField('user', { name })
    observeNotes(this.records, onNote)
    this.socket.on('disconnect', () => {
      if (this.provider.isSynced) this.drops++
    })
  }

  synced(): Promise<void> {
    if (this.provider.isSynced) return Promise.resolve()
    return new Promise((resolve) => {
      const onSynced = () => {
        this.provider.off('synced', onSynced)
        resolve()
      }
      this.provider.on('synced', onSynced)
    })
  }

  moveCursor(x: number, y: number): void {
    this.provider.setAwarenessField('cursor', { x, y })
  }

  write(note: NoteRecord): void {
    this.records.set(note.id, note)
  }

  note(id: string): NoteRecord | undefined {
    return this.records.get(id)
  }

  destroy(): void {
    this.provider.destroy()
    this.socket.destroy()
    this.doc.destroy()
  }
}
