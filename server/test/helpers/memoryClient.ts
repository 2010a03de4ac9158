import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { MessageType, roomName, type Role } from '@tablecloth/shared'
import type { RoomRegistry } from '../../src/sync/RoomRegistry'
import type { GrantScope, SyncConnection } from '../../src/sync/SyncConnection'

const FROM_SERVER = 'server'

export interface CloseEvent {
  code: number
  reason: string
}

export interface MemoryClientOptions {
  eventId?: string
  tableId?: string
  role?: Role
  /** Whether the grant names the table or the whole event; `table` by default. */
  scope?: GrantScope
  subject?: string | null
  /** A doc the client already holds, e.g. from an earlier session. */
  doc?: Y.Doc
  /** Called the moment the server sends a frame, before it is delivered. */
  onServerSend?: (data: Uint8Array) => void
}

/**
 * A board client on an in-memory socket pair: a Y.Doc and an Awareness that
 * speak the y-websocket protocol to a SyncConnection the way the stock
 * provider does. Frames travel asynchronously in both directions, like on a
 * network, so the server never sees a re-entrant call.
 */
export class MemoryClient {
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  /** Frames the server sent, in order. */
  readonly received: Uint8Array[] = []
  closeEvent: CloseEvent | null = null
  private readonly closeListeners: Array<(event: CloseEvent) => void> = []
  private readonly connection: SyncConnection

  private constructor(registry: RoomRegistry, options: MemoryClientOptions) {
    this.doc = options.doc ?? new Y.Doc()
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    const eventId = options.eventId ?? 'evt'
    const tableId = options.tableId ?? 't1'
    const connection = registry.connect(
      {
        send: (data) => {
          options.onServerSend?.(data)
          queueMicrotask(() => this.handle(data))
        },
        close: (code, reason) => this.closed({ code, reason }),
      },
      {
        room: roomName(eventId, tableId),
        eventId,
        tableId,
        role: options.role ?? 'moderator',
        scope: options.scope ?? 'table',
        subject: options.subject ?? null,
      },
    )
    if (connection === null) throw new Error('room is full')
    this.connection = connection
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_SERVER) return
      this.send(frame(MessageType.Sync, (e) => syncProtocol.writeUpdate(e, update)))
    })
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      if (origin !== 'local') return
      this.sendAwareness([...added, ...updated, ...removed])
    })
    this.send(frame(MessageType.Sync, (e) => syncProtocol.writeSyncStep1(e, this.doc)))
    this.sendAwareness([this.doc.clientID])
  }

  /** Connects a client to a board of `registry`; throws if the board is full. */
  static connect(registry: RoomRegistry, options: MemoryClientOptions = {}): MemoryClient {
    return new MemoryClient(registry, options)
  }

  /** Sends bytes to the server as one frame, delivered asynchronously. */
  send(data: Uint8Array): void {
    if (this.closeEvent !== null) return
    queueMicrotask(() => this.connection.receive(data))
  }

  /** Sends the awareness entries of the given client ids, as the provider does. */
  sendAwareness(clientIds: number[]): void {
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds)
    this.send(frame(MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, update)))
  }

  /** The client drops its socket, as a closed browser tab would. */
  disconnect(): void {
    if (this.closeEvent !== null) return
    this.closeEvent = { code: 1000, reason: '' }
    this.connection.socketClosed()
  }

  /** Resolves once `predicate` holds for the client's doc. */
  waitForDoc(predicate: (doc: Y.Doc) => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (!predicate(this.doc)) return
        this.doc.off('update', check)
        resolve()
      }
      this.doc.on('update', check)
      check()
    })
  }

  /** Resolves once `predicate` holds for the presence states the client knows. */
  waitForAwareness(
    predicate: (states: Map<number, Record<string, unknown>>) => boolean,
  ): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (!predicate(this.awareness.getStates())) return
        this.awareness.off('change', check)
        resolve()
      }
      this.awareness.on('change', check)
      check()
    })
  }

  /** Resolves with the server's close code and reason. */
  waitForClose(): Promise<CloseEvent> {
    if (this.closeEvent !== null) return Promise.resolve(this.closeEvent)
    return new Promise((resolve) => this.closeListeners.push(resolve))
  }

  destroy(): void {
    this.disconnect()
    this.doc.destroy()
  }

  private handle(data: Uint8Array): void {
    if (this.closeEvent !== null) return
    this.received.push(data)
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    if (type === MessageType.Sync) {
      const reply = encoding.createEncoder()
      encoding.writeVarUint(reply, MessageType.Sync)
      syncProtocol.readSyncMessage(decoder, reply, this.doc, FROM_SERVER)
      if (encoding.length(reply) > 1) this.send(encoding.toUint8Array(reply))
    } else if (type === MessageType.Awareness) {
      const update = decoding.readVarUint8Array(decoder)
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, FROM_SERVER)
    } else {
      throw new Error(`server sent message type ${type}`)
    }
  }

  private closed(event: CloseEvent): void {
    if (this.closeEvent !== null) return
    this.closeEvent = event
    for (const listener of this.closeListeners.splice(0)) listener(event)
  }
}

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/** A y-websocket frame: the message type, then whatever `write` adds. */
export function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  write(encoder)
  return encoding.toUint8Array(encoder)
}
