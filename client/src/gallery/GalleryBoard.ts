import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { observeBoardMeta, readBoardDay, type BoardDayState } from '@tablecloth/shared'
import { createSyncProvider } from '../canvas/syncProvider'

/**
 * - connecting: no copy of the board yet;
 * - live: in sync with the server, changes arrive as they are made;
 * - offline: the socket dropped; the last copy stays shown while it reconnects;
 * - refused: the server refused the link (close code in `refusedWith`).
 */
export type GalleryBoardStatus = 'connecting' | 'live' | 'offline' | 'refused'

export interface GalleryBoardState {
  status: GalleryBoardStatus
  /** The doc holds the board (it has synced at least once). */
  ready: boolean
  /** Where the day stands on this board, as the server last wrote it. */
  day: BoardDayState | null
  refusedWith: number | null
}

/**
 * One table's board as the gallery watches it: a Y.Doc on the board's sync
 * socket, read by the room view (`room/useStationColumns`) straight from the
 * doc, without tldraw. Unlike a `BoardSession` it keeps no copy on the device
 * and reports to no page-wide connection store: the gallery holds one of these
 * per table, and none of them ever writes (the socket only watches, and the
 * server refuses edits from a viewer).
 */
export class GalleryBoard {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  private state: GalleryBoardState = {
    status: 'connecting',
    ready: false,
    day: null,
    refusedWith: null,
  }
  private readonly listeners = new Set<() => void>()
  private readonly stops: Array<() => void> = []
  private closed = false

  constructor(
    readonly eventId: string,
    readonly tableId: string,
    token: string,
  ) {
    // Read-only: no presence, nothing from this browser's other tabs (which may
    // hold a moderator's unsent edits).
    this.provider = createSyncProvider(this.doc, { eventId, tableId, token, readOnly: true })
  }

  /** Connects; the board is ready once the server's copy has arrived. */
  open(): void {
    const { provider } = this
    const onSync = (synced: boolean) => {
      if (synced && !this.closed) this.update({ status: 'live', ready: true })
    }
    const onStatus = ({ status }: { status: 'connected' | 'connecting' | 'disconnected' }) => {
      if (status === 'disconnected' && this.state.status === 'live') {
        this.update({ status: 'offline' })
      }
    }
    const onRefused = ({ code }: { code: number }) => {
      console.warn(`The server refused the gallery’s view of table ${this.tableId} (${code})`)
      this.update({ status: 'refused', refusedWith: code })
    }
    provider.on('sync', onSync)
    provider.on('status', onStatus)
    provider.on('closed', onRefused)
    this.stops.push(() => {
      provider.off('sync', onSync)
      provider.off('status', onStatus)
      provider.off('closed', onRefused)
    })

    const onMeta = () => {
      const day = readBoardDay(this.doc)
      if (JSON.stringify(day) !== JSON.stringify(this.state.day)) this.update({ day })
    }
    this.stops.push(observeBoardMeta(this.doc, onMeta))

    // Reconnect at once when the network comes back rather than after the provider's backoff.
    const onOnline = () => {
      if (this.state.status !== 'refused' && !provider.wsconnected) provider.connect()
    }
    window.addEventListener('online', onOnline)
    this.stops.push(() => window.removeEventListener('online', onOnline))

    provider.connect()
  }

  getState = (): GalleryBoardState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    for (const stop of this.stops.splice(0).reverse()) stop()
    this.provider.destroy()
    this.doc.destroy()
    this.listeners.clear()
  }

  private update(patch: Partial<GalleryBoardState>): void {
    this.state = { ...this.state, ...patch }
    for (const listener of [...this.listeners]) listener()
  }
}
