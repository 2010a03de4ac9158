import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { YKeyValue } from 'y-utility/y-keyvalue'
import WebSocket from 'ws'
import {
  BOARD_META,
  boardRecordsArray,
  MessageType,
  observeBoardMeta,
  readBoardDay,
  richTextToPlain,
} from '@tablecloth/shared'
import { probeOf, type NoteRecord, type ProbeStamp } from './noteRecord'
import type { BoardAddress } from './targets/benchTarget'

/** YKeyValue's 'change' payload, which its typings leave untyped. */
type RecordChanges = Map<
  string,
  | { action: 'add'; newValue: NoteRecord }
  | { action: 'update'; oldValue: NoteRecord; newValue: NoteRecord }
  | { action: 'delete'; oldValue: NoteRecord }
>

/** Called when this client applies a note another client wrote. */
export type NoteListener = (stamp: ProbeStamp, appliedAt: number) => void

/** Reads the probe a received record carries, or null for records that carry none. */
export type StampReader = (record: NoteRecord) => ProbeStamp | null

/** A `ws` WebSocket class, constructed as browsers construct theirs. */
export type WebSocketClass = new (url: string, protocols?: string | string[]) => WebSocket

export interface BoardClientOptions {
  /**
   * What the client says over awareness. `echo`, the default, is stock
   * y-websocket: it sends every awareness change, its peers' as well as its
   * own. `own` sends only its own state, as the app's board does; `none`
   * announces nothing, as the app's projector and gallery do
   * (client/src/canvas/syncProvider.ts).
   */
  presence?: 'echo' | 'own' | 'none'
  /** The `ws` WebSocket class to connect with, e.g. one bound to a local address. */
  WebSocket?: WebSocketClass
  /** How a received record names its probe; the bench note's stamp by default. */
  stampOf?: StampReader
}

/**
 * Calls `onNote` for every record another client wrote that carries a probe,
 * at the moment this doc applied it.
 */
export function observeNotes(
  records: YKeyValue<NoteRecord>,
  onNote: NoteListener,
  stampOf: StampReader = probeOf,
): void {
  records.on('change', (changes: RecordChanges, transaction: Y.Transaction) => {
    // The writer's own edit is not a receipt.
    if (transaction.local) return
    const appliedAt = performance.now()
    for (const change of changes.values()) {
      if (change.action === 'delete') continue
      const stamp = stampOf(change.newValue)
      if (stamp) onNote(stamp, appliedAt)
    }
  })
}

/**
 * One stock y-websocket client on a board, as a browser tab would run it: a
 * Y.Doc, a `WebsocketProvider`, and the board's records through YKeyValue.
 */
export class BoardClient {
  readonly doc = new Y.Doc()
  readonly records: YKeyValue<NoteRecord>
  readonly provider: WebsocketProvider
  /** Connections lost after the first sync. */
  drops = 0
  /** Awareness frames the server sent this client, over every connection it had. */
  awarenessFrames = 0

  constructor(
    address: BoardAddress,
    name: string,
    onNote: NoteListener,
    options: BoardClientOptions = {},
  ) {
    this.records = new YKeyValue<NoteRecord>(
      // The bench writes only notes and reads back what it wrote; YKeyValue trusts the entries.
      boardRecordsArray(this.doc) as Y.Array<{ key: string; val: NoteRecord }>,
    )
    this.provider = new WebsocketProvider(address.serverUrl, address.room, this.doc, {
      WebSocketPolyfill: (options.WebSocket ?? WebSocket) as unknown as typeof globalThis.WebSocket,
      params: address.params,
      // All clients share one process: over a BroadcastChannel they would reach
      // each other without the server, and the bench would time nothing.
      disableBc: true,
    })
    this.announce(options.presence ?? 'echo', name)
    observeNotes(this.records, onNote, options.stampOf)
    this.provider.on('connection-close', () => {
      if (this.provider.synced) this.drops++
    })
    // The provider applies frames without telling; a listener of our own on each socket counts them.
    this.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') this.provider.ws?.addEventListener('message', this.countFrame)
    })
  }

  private readonly countFrame = (event: MessageEvent): void => {
    const data: unknown = event.data
    // The provider asks for ArrayBuffers; the message type is the first byte.
    if (data instanceof ArrayBuffer && new Uint8Array(data)[0] === MessageType.Awareness) {
      this.awarenessFrames++
    }
  }

  /** Resolves after the first full sync; rejects if the server closes for good (e.g. 4401). */
  synced(): Promise<void> {
    if (this.provider.synced) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const onSync = (isSynced: boolean) => {
        if (!isSynced) return
        this.provider.off('sync', onSync)
        this.provider.off('closed', onClosed)
        resolve()
      }
      const onClosed = (event: { code: number; reason: string }) => {
        this.provider.off('sync', onSync)
        this.provider.off('closed', onClosed)
        reject(new Error(`${this.provider.url} closed with ${event.code} ${event.reason}`))
      }
      this.provider.on('sync', onSync)
      this.provider.on('closed', onClosed)
    })
  }

  /** Sets up what this client says over awareness; see `BoardClientOptions.presence`. */
  private announce(presence: 'echo' | 'own' | 'none', name: string): void {
    const provider = this.provider
    if (presence === 'echo') {
      provider.awareness.setLocalStateField('user', { name })
      return
    }
    const broadcast = provider._awarenessUpdateHandler
    provider.awareness.off('update', broadcast)
    if (presence === 'none') {
      provider.awareness.setLocalState(null)
      return
    }
    const ownOnly: typeof broadcast = (changes, origin) => {
      if (origin !== provider) broadcast(changes, origin)
    }
    provider.awareness.on('update', ownOnly)
    // `destroy()` detaches whatever handler this names.
    provider._awarenessUpdateHandler = ownOnly
    provider.awareness.setLocalStateField('user', { name })
  }

  moveCursor(x: number, y: number): void {
    this.provider.awareness.setLocalStateField('cursor', { x, y })
  }

  write(note: NoteRecord): void {
    this.records.set(note.id, note)
  }

  /** Writes the notes in one transaction, so they travel as one update. */
  writeAll(notes: readonly NoteRecord[]): void {
    this.doc.transact(() => {
      for (const note of notes) this.records.set(note.id, note)
    })
  }

  /** Notes on the board as this client holds it, whoever wrote them. */
  noteCount(): number {
    let count = 0
    for (const { val } of this.records.map.values()) {
      // The records hold every tldraw record of the board: frames, page, document too.
      const record: { type?: unknown } = val
      if (record.type === 'note') count++
    }
    return count
  }

  /** The station the server last wrote into this board's meta; -1 before it has synced one. */
  stationIndex(): number {
    return readBoardDay(this.doc)?.stationIndex ?? -1
  }

  /**
   * Resolves with `performance.now()` at the moment this client's doc first
   * holds station `stationIndex` or a later one. Yjs runs map observers while
   * it applies the update, so the time is when the change arrived, not when
   * some later task looked.
   */
  untilStation(stationIndex: number): Promise<number> {
    if (this.stationIndex() >= stationIndex) return Promise.resolve(performance.now())
    return new Promise((resolve) => {
      const stop = observeBoardMeta(this.doc, () => {
        if (this.stationIndex() < stationIndex) return
        const at = performance.now()
        stop()
        resolve(at)
      }, [BOARD_META.day])
    })
  }

  note(id: string): NoteRecord | undefined {
    return this.records.get(id)
  }

  /** Any record of the board by id: frames and the page as well as notes. */
  record(id: string): unknown {
    return this.records.get(id)
  }

  /**
   * Writes a record that is not a note (e.g. a grown column frame). The
   * records map is typed for notes, which is what the bench writes most.
   */
  writeRecord<R extends { id: string }>(record: R): void {
    this.records.set(record.id, record as unknown as NoteRecord)
  }

  remove(id: string): void {
    this.records.delete(id)
  }

  /**
   * Resolves with the id of the first note whose plain text is `text`, as
   * soon as this client holds one, e.g. a note a browser pinned.
   */
  untilNoteWithText(text: string): Promise<string> {
    const find = (): string | undefined => {
      for (const [id, { val }] of this.records.map) {
        if (val.type === 'note' && richTextToPlain(val.props.richText) === text) return id
      }
      return undefined
    }
    const found = find()
    if (found) return Promise.resolve(found)
    return new Promise((resolve) => {
      const onChange = () => {
        const id = find()
        if (!id) return
        this.records.off('change', onChange)
        resolve(id)
      }
      this.records.on('change', onChange)
    })
  }

  destroy(): void {
    this.provider.destroy()
    this.doc.destroy()
  }
}
