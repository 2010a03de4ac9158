import * as Y from 'yjs'
import { CloseCode, CloseReason, parseRoomName } from '@tablecloth/shared'
import { StorageError, type DocStore } from '../store/docStore'
import { Room, type RoomEvents, type RoomPresence, type UpdateCheck } from './Room'
import type { PresenceState } from './RoomAwareness'
import { SyncConnection, type ConnectionInfo, type SyncSocket } from './SyncConnection'
import type { SyncLimits } from './syncLimits'

/** Writes a fresh board's initial content, e.g. the current station's frames. */
export type InitialiseDoc = (eventId: string, tableId: string, doc: Y.Doc) => void

/**
 * Runs once after a board is loaded, before any socket sees it: repairs
 * what the store holds (see `repairLoadedBoard`). `transact` runs a logged
 * server edit; `log` writes one line. Whatever it throws is reported and the
 * board still opens.
 */
export type OnBoardLoaded = (
  room: string,
  doc: Y.Doc,
  transact: (edit: (doc: Y.Doc) => void) => void,
) => void

export interface RoomRegistryOptions {
  store: DocStore
  limits: SyncLimits
  /** How long a board with no sockets stays in memory before it is compacted and unloaded. */
  roomIdleMs: number
  initialiseDoc?: InitialiseDoc
  /** Called after every logged change to a board. */
  onRoomChange?: (room: string) => void
  /** Vets what a client's update writes before it is stored (see `Room.receiveUpdate`). */
  checkUpdate?: UpdateCheck
  onLoaded?: OnBoardLoaded
  /** What other processes sharing the store must hear of (cluster/BoardRelay.ts). */
  share?: RoomSharing
  log: (line: string) => void
}

/**
 * The registry's side of relaying between processes: which boards this
 * process holds, and what happens on them.
 */
export interface RoomSharing {
  opened(room: string): void
  closed(room: string): void
  logged(room: string, seq: number, update: Uint8Array): void
  presence(room: string, frame: Uint8Array): void
  /** False while the relay between processes is down: edits are then refused, not kept from the others. */
  readonly available: boolean
}

/** A room's live numbers, for the organiser's overview. */
export interface RoomStats {
  connections: number
  awareness: PresenceState[]
}

/**
 * The table boards held in memory, by room name (`<eventId>/<tableId>`).
 *
 * Loading reads the store synchronously, so a room is created exactly once
 * even when several sockets arrive together: no second load can start while
 * the first is running. A room with no sockets is compacted and unloaded after
 * `roomIdleMs`; a busy room compacts whenever its log passes
 * `compactAfterUpdates`.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  private readonly idleTimers = new Map<Room, NodeJS.Timeout>()
  private readonly pendingCompactions = new Set<Room>()
  private closed = false
  private readonly events: RoomEvents = {
    changed: (room) => this.roomChanged(room),
    emptied: (room) => this.scheduleUnload(room),
    broken: (room, error) => this.dropBroken(room, error),
    logged: (room, seq, update) => this.options.share?.logged(room.name, seq, update),
    presence: (room, frame) => this.options.share?.presence(room.name, frame),
  }

  constructor(private readonly options: RoomRegistryOptions) {}

  /**
   * Attaches a socket to its board, loading the board if needed. Returns null
   * when the board already has `maxConnectionsPerRoom` sockets. Throws
   * StorageError when the board cannot be loaded.
   */
  connect(socket: SyncSocket, info: ConnectionInfo): SyncConnection | null {
    this.requireSharing()
    const room = this.open(info.room)
    if (room.connectionCount >= this.options.limits.maxConnectionsPerRoom) return null
    this.cancelUnload(room)
    const connection = new SyncConnection(socket, info, room, this.options.limits, this.options.log)
    room.join(connection)
    return connection
  }

  /**
   * Runs a server-side edit on a board, loading it if needed. The change is
   * logged, then relayed. Throws StorageError if it could not be logged; the
   * board is then dropped from memory and its sockets reconnect to the stored
   * state.
   */
  transact(roomName: string, edit: (doc: Y.Doc) => void, options: { grows?: boolean } = {}): void {
    this.requireSharing()
    const room = this.open(roomName)
    try {
      room.transact(edit, options)
    } finally {
      this.scheduleUnload(room)
    }
  }

  /**
   * The board's full state as one update, e.g. for a snapshot. An unloaded
   * board is read from the store without loading it; one never stored is
   * initialised first, so a snapshot shows its layout.
   */
  encodeState(roomName: string): Uint8Array {
    const loaded = this.rooms.get(roomName)
    // A broken room may hold an edit that never reached storage; storage is the truth then.
    if (loaded !== undefined && !loaded.isBroken) {
      if (this.options.share === undefined) return loaded.encodeState()
      // Another process's last edit may be stored and still on its way here:
      // the stored board and this doc together hold everything anyone has seen.
      const stored = this.storedState(roomName)
      return stored === null
        ? loaded.encodeState()
        : Y.mergeUpdates([stored.update, loaded.encodeState()])
    }
    const stored = this.storedState(roomName)
    // A damaged board is loaded instead, so what its damage held back is
    // salvaged (see `onLoaded`) before anyone reads it.
    if (stored !== null && !stored.damaged) return stored.update
    // Initialising a broken room's successor is left to its next load.
    if (loaded !== undefined) return stored?.update ?? Y.encodeStateAsUpdate(new Y.Doc())
    const room = this.open(roomName, stored)
    this.scheduleUnload(room)
    return room.encodeState()
  }

  /** Sockets and presence on a board; zero for a board not in memory. */
  roomStats(roomName: string): RoomStats {
    const room = this.rooms.get(roomName)
    return room === undefined ? { connections: 0, awareness: [] } : room.stats()
  }

  /** Sockets on a board with their grants, and what they announced; none for a board not in memory. */
  roomPresence(roomName: string): RoomPresence {
    return this.rooms.get(roomName)?.who() ?? { sockets: [], announced: [] }
  }

  isLoaded(roomName: string): boolean {
    return this.rooms.has(roomName)
  }

  /** Names of the boards in memory. */
  loadedRooms(): string[] {
    return [...this.rooms.keys()]
  }

  /** An update another process logged and relayed, for a board held here; others are ignored. */
  receivePeerUpdate(roomName: string, seq: number, update: Uint8Array): void {
    this.rooms.get(roomName)?.receivePeerUpdate(seq, update)
  }

  receivePeerPresence(roomName: string, frame: Uint8Array): void {
    this.rooms.get(roomName)?.receivePeerPresence(frame)
  }

  /** Whether a board held here lacks an update another process logged. */
  hasGap(roomName: string): boolean {
    return this.rooms.get(roomName)?.hasGap ?? false
  }

  /**
   * Reads a board held here again from the store, for a message that was
   * missed; when the store has updates the doc lacks, they are applied and
   * relayed. Throws StorageError when the store cannot be read.
   */
  catchUp(roomName: string): void {
    const room = this.rooms.get(roomName)
    if (room === undefined || room.isBroken) return
    const head = this.options.store.head(roomName)
    if (head <= room.appliedThrough && !room.hasGap) return
    room.catchUp(this.options.store.read(roomName))
  }

  /** Closes every socket on a board (revocation, deletion) and unloads it, compacted. */
  closeRoom(roomName: string, code: number, reason: string): void {
    const room = this.rooms.get(roomName)
    if (room === undefined) return
    room.closeAll(code, reason)
    this.unload(room, true)
  }

  /**
   * Closes the board's sockets, forgets it without compacting and deletes it
   * from the store, for a deleted table or event; on a shared store every
   * process does this, the deleting one and those it told.
   */
  deleteRoom(roomName: string, code: number, reason: string): void {
    const room = this.rooms.get(roomName)
    if (room !== undefined) {
      room.closeAll(code, reason)
      this.unload(room, false)
    }
    this.options.store.deleteRoom(roomName)
  }

  /** Closes the sockets `select` picks, e.g. those of a revoked grant; returns how many. */
  closeConnectionsWhere(
    select: (info: ConnectionInfo) => boolean,
    code: number,
    reason: string,
  ): number {
    let closed = 0
    for (const room of [...this.rooms.values()]) {
      for (const connection of room.connectionList()) {
        if (!select(connection.info)) continue
        connection.close(code, reason)
        closed++
      }
    }
    return closed
  }

  /** Closes every socket, compacts and unloads every board. Later calls to `open` throw. */
  close(code: number = CloseCode.ShuttingDown, reason: string = CloseReason.ShuttingDown): void {
    this.closed = true
    for (const room of [...this.rooms.values()]) {
      room.closeAll(code, reason)
      this.unload(room, true)
    }
  }

  /** The room in memory, loaded first if needed; `stored` is its stored state if read already. */
  private open(roomName: string, stored?: StoredState | null): Room {
    const existing = this.rooms.get(roomName)
    if (existing !== undefined) return existing
    if (this.closed) throw new Error('board rooms are closed')
    const { doc, bytes, head } = this.loadDoc(roomName, stored)
    const room = new Room(
      roomName,
      doc,
      this.options.store,
      this.events,
      this.options.log,
      this.options.checkUpdate ?? null,
      { maxBoardBytes: this.options.limits.maxBoardBytes },
      bytes,
      head,
    )
    this.rooms.set(roomName, room)
    this.options.share?.opened(roomName)
    this.options.log(`sync room-loaded room=${roomName}`)
    this.afterLoad(room)
    return room
  }

  /** Lets the app repair a board just loaded; a failure is reported, and the board opens as stored. */
  private afterLoad(room: Room): void {
    const onLoaded = this.options.onLoaded
    if (onLoaded === undefined) return
    try {
      onLoaded(room.name, room.doc, (edit) => room.transact(edit))
    } catch (error) {
      this.options.log(`sync repair-failed room=${room.name} error=${errorName(error)}`)
    }
  }

  /**
   * The board's doc from the store, or for a board never stored the app's
   * initial content, stored whole as the board's first state: if initialising
   * throws, nothing half-written is left behind. A stored part that does not
   * decode (a corrupt row) is reported and left out, so the rest of the
   * board still loads; a store that cannot be read at all is an error.
   */
  private loadDoc(
    roomName: string,
    read?: StoredState | null,
  ): { doc: Y.Doc; bytes: number; head: number } {
    const found = read === undefined ? this.storedState(roomName) : read
    const stored = found?.update ?? null
    const doc = new Y.Doc()
    if (stored !== null) {
      try {
        Y.applyUpdate(doc, stored)
        return { doc, bytes: stored.byteLength, head: found!.head }
      } catch (error) {
        doc.destroy()
        throw new StorageError('load', roomName, error)
      }
    }
    const initialise = this.options.initialiseDoc
    if (initialise === undefined) return { doc, bytes: 0, head: 0 }
    try {
      const target = parseRoomName(roomName)
      if (target === null) throw new RangeError(`not a board room: ${roomName}`)
      const { eventId, tableId } = target
      doc.transact(() => initialise(eventId, tableId, doc))
      const state = Y.encodeStateAsUpdate(doc)
      // Merged with whatever another process stored meanwhile, which is read back.
      this.options.store.compact(roomName, state, 0, { create: true })
      const stored = this.options.store.read(roomName)
      if (stored.update !== null) Y.applyUpdate(doc, stored.update)
      return { doc, bytes: state.byteLength, head: stored.head }
    } catch (error) {
      doc.destroy()
      throw error
    }
  }

  /**
   * The board as stored, one update, or null for a board never stored. A
   * stored part that does not decode (a row damaged on disk) is reported in
   * the log and left out, so the rest of the board still loads; a store that
   * cannot be read at all throws.
   */
  private storedState(roomName: string): StoredState | null {
    try {
      const { update, head } = this.options.store.read(roomName)
      return update === null ? null : { update, head, damaged: false }
    } catch (error) {
      if (!(error instanceof StorageError) || error.code !== 'CORRUPT_UPDATE') throw error
    }
    const { update, head, corrupt } = this.options.store.loadReadable(roomName)
    for (const part of corrupt) {
      this.options.log(
        `store corrupt-row room=${roomName} part=${part === 'state' ? 'state' : `update:${part}`}`,
      )
    }
    return update === null ? null : { update, head, damaged: true }
  }

  /** Refuses work while the relay to other processes is down: an edit made now would reach only this one. */
  private requireSharing(): void {
    const share = this.options.share
    if (share !== undefined && !share.available) {
      throw new StorageError('append', null, new RelayUnavailableError())
    }
  }

  private roomChanged(room: Room): void {
    this.options.onRoomChange?.(room.name)
    if (room.loggedUpdates < this.options.limits.compactAfterUpdates) return
    if (this.pendingCompactions.has(room)) return
    this.pendingCompactions.add(room)
    // After the current frame is relayed, so compaction never delays a peer.
    setImmediate(() => {
      this.pendingCompactions.delete(room)
      if (this.rooms.get(room.name) === room) this.compact(room)
    })
  }

  /**
   * Compacts a board, never throwing: it runs from timers, where an error
   * would end the process. Nothing is lost when it fails, as the log still
   * holds every update; it is reported and retried on the next change.
   */
  private compact(room: Room): void {
    try {
      room.compact()
    } catch (error) {
      const code = error instanceof StorageError ? error.code : errorName(error)
      this.options.log(`sync compaction-failed room=${room.name} code=${code}`)
    }
  }

  private scheduleUnload(room: Room): void {
    if (this.rooms.get(room.name) !== room || room.connectionCount > 0) return
    this.cancelUnload(room)
    const timer = setTimeout(() => {
      this.idleTimers.delete(room)
      if (room.connectionCount === 0) this.unload(room, true)
    }, this.options.roomIdleMs)
    timer.unref()
    this.idleTimers.set(room, timer)
  }

  private cancelUnload(room: Room): void {
    const timer = this.idleTimers.get(room)
    if (timer === undefined) return
    clearTimeout(timer)
    this.idleTimers.delete(room)
  }

  /** Forgets a board, compacted first if asked; never throws, as it runs from timers too. */
  private unload(room: Room, compact: boolean): void {
    if (this.rooms.get(room.name) !== room) return
    this.cancelUnload(room)
    if (compact) this.compact(room)
    this.rooms.delete(room.name)
    this.options.share?.closed(room.name)
    try {
      room.destroy()
    } catch (error) {
      this.options.log(`sync unload-failed room=${room.name} error=${errorName(error)}`)
    }
    this.options.log(`sync room-unloaded room=${room.name}`)
  }

  private dropBroken(room: Room, error: unknown): void {
    const code = error instanceof StorageError ? error.code : 'APPLY_FAILED'
    this.options.log(`sync room-dropped room=${room.name} code=${code}`)
    // Sockets reconnect and get the stored state, which holds everything they were sent.
    if (error instanceof StorageError) {
      room.closeAll(CloseCode.StorageFailure, CloseReason.StorageFailure)
    } else {
      room.closeAll(CloseCode.ShuttingDown, CloseReason.ShuttingDown)
    }
    this.unload(room, false)
  }
}

/** A board as stored, and whether a damaged part was left out of it. */
interface StoredState {
  update: Uint8Array
  head: number
  damaged: boolean
}

/** The relay between processes (Redis) is down; edits wait until it is back. */
export class RelayUnavailableError extends Error {
  override readonly name = 'RelayUnavailableError'
  readonly code = 'RELAY_UNAVAILABLE'
  constructor() {
    super('the relay between server processes is unavailable')
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error
}
