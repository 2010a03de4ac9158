import * as Y from 'yjs'
import { CloseCode, CloseReason, PRESENCE_STATE_MAX_BYTES } from '@tablecloth/shared'
import { StorageError, type DocStore, type StoredBoard } from '../store/docStore'
import {
  decodeFrame,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type SyncFrame,
} from './messageCodec'
import { PresenceBatch, type PresencePeer } from './PresenceBatch'
import { RoomAwareness, type PresenceState } from './RoomAwareness'
import type { ConnectionInfo, SyncConnection } from './SyncConnection'
import { changesDoc } from './updateNovelty'

/**
 * Says why an incoming update's content may not enter a board, or null when
 * it may. `reason` is the close reason the sender gets; `detail` is for the
 * log and quotes no content. Runs against the board as it is before the
 * update, which it must not change.
 */
export type UpdateCheck = (
  decoded: ReturnType<typeof Y.decodeUpdate>,
  doc: Y.Doc,
) => { reason: string; detail: string } | null

/** A server-side edit that would grow a board past its size cap. */
export class BoardFullError extends Error {
  override readonly name = 'BoardFullError'
  constructor(readonly room: string) {
    super(`board ${room} is full`)
  }
}

/** How a room keeps within its bounds. */
export interface RoomBounds {
  /** Bytes a board may take in the store (its state plus its log); beyond it edits are refused. */
  maxBoardBytes: number
}

/** The sockets on a board and the presence each announced (only sockets that may edit announce). */
export interface RoomPresence {
  sockets: ConnectionInfo[]
  announced: Array<{ connection: ConnectionInfo; state: unknown }>
}

type DocUpdateFrame = Extract<SyncFrame, { type: 'sync-step2' | 'sync-update' }>
type AwarenessFrame = Extract<SyncFrame, { type: 'awareness' }>

/**
 * Room a growing server edit needs under the cap: a phone note of 500
 * characters, escaped and with its record, logs about 2 KB.
 */
const GROWING_EDIT_BYTES = 4 * 1024

/** Transaction origin of a client's update, which was logged before it was applied. */
const FROM_CLIENT = Symbol('from-client')

/** Transaction origin of an update another process logged and relayed (cluster/BoardRelay.ts). */
const FROM_PEER = Symbol('from-peer')

/** What a room tells its registry. */
export interface RoomEvents {
  /** The doc changed, and the change is logged and relayed. */
  changed(room: Room): void
  /** The last socket left. */
  emptied(room: Room): void
  /**
   * The doc in memory may no longer match storage (an edit could not be
   * logged, or a logged update could not be applied); the room must be
   * dropped and reloaded. Reported once, from a microtask.
   */
  broken(room: Room, error: unknown): void
  /** An update this process logged as the board's number `seq` and has now relayed to its sockets. */
  logged?(room: Room, seq: number, update: Uint8Array): void
  /** Presence a socket here announced or withdrew, as the frame relayed to the others. */
  presence?(room: Room, frame: Uint8Array): void
}

/**
 * One table board held in memory: its Y.Doc, the sockets on it and their
 * presence.
 *
 * The rule it keeps is write-before-relay: every change is in the store
 * before any peer sees it. A client's update is logged, then applied, then
 * relayed as the very frame it arrived in. A change made on the server (the
 * app's station layout, a restore) is logged from the doc's `update` event,
 * which fires before anything is relayed. So whatever a peer has seen
 * survives a crash.
 */
export class Room {
  private readonly presence = new RoomAwareness<SyncConnection>()
  private readonly connections = new Set<SyncConnection>()
  /** Presence for the others, sent once per tick rather than per frame received. */
  /**
   * The other processes sharing the store, as one more receiver of each
   * tick's presence frame: it never sends entries of its own, so it gets
   * the whole frame, one Redis message per board per tick at most.
   */
  private readonly peerProcesses: PresencePeer = {
    send: (frame) => this.events.presence?.(this, frame),
  }
  private readonly presenceBatch = new PresenceBatch<SyncConnection | PresencePeer>(() =>
    this.events.presence ? [...this.connections, this.peerProcesses] : this.connections,
  )
  /** Server-side changes already logged, relayed when the current step ends. */
  private readonly outbox: Array<{ seq: number; update: Uint8Array }> = []
  private busy = 0
  private logged = 0
  /** Bytes the board takes in the store: its compacted state plus every update logged since. */
  private storedBytes: number
  private failure: unknown = null
  private listening = false
  /** The board's updates numbered up to here are all in the doc. */
  private contiguous: number
  /** Updates numbered beyond `contiguous` that are in the doc too, waiting for the gap to close. */
  private readonly ahead = new Set<number>()

  /** `doc` must already hold the stored state: everything it emits from now on is logged. */
  constructor(
    readonly name: string,
    readonly doc: Y.Doc,
    private readonly store: DocStore,
    private readonly events: RoomEvents,
    private readonly log: (line: string) => void,
    /** Says why an update's content may not enter the board (see `boardUpdateProblem`), or null. */
    private readonly checkUpdate: UpdateCheck | null = null,
    private readonly bounds: RoomBounds = { maxBoardBytes: Infinity },
    /** Size of the stored state the doc was loaded from. */
    storedBytes = 0,
    /** The last update number the loaded state includes (DocStore `head`). */
    head = 0,
  ) {
    this.storedBytes = storedBytes
    this.contiguous = head
    doc.on('beforeTransaction', this.watchTransaction)
  }

  /** Bytes the board takes in the store (state plus log), as far as this room has seen. */
  get size(): number {
    return this.storedBytes
  }

  /** Updates logged since the state was last compacted. */
  get loggedUpdates(): number {
    return this.logged
  }

  /** The last update number up to which the doc holds every update. */
  get appliedThrough(): number {
    return this.contiguous
  }

  /** Whether the doc holds an update numbered beyond one it lacks: another process's message was missed. */
  get hasGap(): boolean {
    return this.ahead.size > 0
  }

  get connectionCount(): number {
    return this.connections.size
  }

  /** True once the doc can no longer be trusted to match storage. */
  get isBroken(): boolean {
    return this.failure !== null
  }

  /**
   * Adds a socket and opens the sync handshake with it. Who is present is a
   * reply, sent at once; the batch may later repeat some of it, which
   * awareness ignores (same clock).
   */
  join(connection: SyncConnection): void {
    this.connections.add(connection)
    connection.send(encodeSyncStep1(this.doc))
    const present = this.presence.entries()
    if (present.length > 0) connection.send(encodeAwareness(present))
  }

  /** Removes a socket and tells the others, with the next presence batch, that it is gone. */
  leave(connection: SyncConnection): void {
    if (!this.connections.delete(connection)) return
    const removal = this.presence.removeOwner(connection)
    if (this.connections.size > 0) {
      this.presenceBatch.add(connection, removal)
      return
    }
    // Nobody here is left to tell, and no timer may outlive the last socket;
    // other processes' sockets on the board still hear that this one left.
    this.presenceBatch.stop()
    if (removal.length > 0) this.events.presence?.(this, encodeAwareness(removal))
    this.events.emptied(this)
  }

  /** Answers a client's state vector with everything it lacks. */
  answerStep1(connection: SyncConnection, stateVector: Uint8Array): void {
    connection.send(encodeSyncStep2(this.doc, stateVector))
  }

  /**
   * A doc update from a client (its sync step 2 or a live edit). Nothing new:
   * ignored. From a read-only socket: refused with 4403. Otherwise logged,
   * applied and relayed, in that order; if it cannot be logged the socket is
   * closed with 4507 and nobody sees it. One that parses but that Yjs cannot
   * integrate is un-logged and refused with 4422.
   */
  receiveUpdate(connection: SyncConnection, frame: DocUpdateFrame): void {
    if (this.failure !== null) {
      connection.close(CloseCode.StorageFailure, CloseReason.StorageFailure)
      return
    }
    if (!changesDoc(this.doc, frame.decoded)) return
    if (!connection.canWrite) {
      this.log(`sync refused-write room=${this.name} role=${connection.info.role}`)
      connection.close(CloseCode.Forbidden, CloseReason.Forbidden)
      return
    }
    const rejected = this.checkUpdate?.(frame.decoded, this.doc) ?? null
    if (rejected !== null) {
      this.log(`sync refused-content room=${this.name} ${rejected.detail}`)
      connection.close(CloseCode.InvalidMessage, rejected.reason)
      return
    }
    if (!this.hasRoomFor(frame.update.byteLength)) {
      this.log(`sync board-full room=${this.name} bytes=${this.storedBytes}`)
      connection.close(CloseCode.BoardFull, CloseReason.BoardFull)
      return
    }
    const seq = this.logClientUpdate(connection, frame.update)
    if (seq === null) return
    let applied = false
    this.busy++
    try {
      applied = this.applyLogged(frame.update, seq)
    } finally {
      this.busy--
    }
    if (!applied) {
      connection.close(CloseCode.InvalidMessage, CloseReason.InvalidMessage)
      return
    }
    this.relay(frame.type === 'sync-update' ? frame.raw : encodeUpdate(frame.update), connection)
    this.events.logged?.(this, seq, frame.update)
    this.flushOutbox()
    this.events.changed(this)
  }

  /**
   * An update another process logged as number `seq` and relayed: applied
   * without logging again, and relayed to this process's sockets. One seen
   * already is skipped; one beyond a gap is applied (Yjs keeps what cannot
   * integrate yet) and the gap is reported by `hasGap` until it closes.
   */
  receivePeerUpdate(seq: number, update: Uint8Array): void {
    if (this.failure !== null || seq <= this.contiguous || this.ahead.has(seq)) return
    if (!this.applyFromPeer(update)) return
    this.markApplied(seq)
    this.relay(encodeUpdate(update), null)
    this.flushOutbox()
  }

  /**
   * The board as stored, read again after a missed message: applied without
   * logging (Yjs skips what the doc has), and everything it adds relayed.
   */
  catchUp(stored: StoredBoard): void {
    if (this.failure !== null || stored.head <= this.contiguous) return
    if (stored.update !== null) {
      const before = Y.encodeStateVector(this.doc)
      if (!this.applyFromPeer(stored.update)) return
      this.relay(encodeUpdate(Y.encodeStateAsUpdate(this.doc, before)), null)
    }
    this.contiguous = stored.head
    for (const seq of this.ahead) if (seq <= stored.head) this.ahead.delete(seq)
    this.advance()
    this.flushOutbox()
  }

  /** Presence another process's sockets announced. */
  receivePeerPresence(frame: Uint8Array): void {
    let decoded: SyncFrame
    try {
      decoded = decodeFrame(frame)
    } catch {
      return
    }
    if (decoded.type !== 'awareness') return
    // Into this board's batch, as if the other processes were one more
    // socket: this process's sockets get their cursors in the same frame per
    // tick as their neighbours' here, and the batch sends no entry back to
    // where it came from.
    this.presenceBatch.add(this.peerProcesses, decoded.entries)
  }

  /**
   * Presence from a client, relayed to the others with the next presence
   * batch if it changed anything (see PresenceBatch). Only sockets that may
   * edit announce themselves: a projector, the gallery or a phone watching
   * the board is nobody at the table, so its presence is neither kept nor
   * relayed (it would show a name in the control room). States above
   * PRESENCE_STATE_MAX_BYTES are dropped as well.
   */
  receiveAwareness(connection: SyncConnection, frame: AwarenessFrame): void {
    if (!connection.canWrite) return
    if (frame.entries.some((entry) => entry.state.byteLength > PRESENCE_STATE_MAX_BYTES)) {
      this.log(`sync presence-too-large room=${this.name} role=${connection.info.role}`)
      return
    }
    this.presenceBatch.add(connection, this.presence.apply(connection, frame.entries))
  }

  /** Everyone present, sent at once: a reply, not a relay. */
  answerAwarenessQuery(connection: SyncConnection): void {
    connection.send(encodeAwareness(this.presence.entries()))
  }

  /**
   * Runs a server-side edit in one transaction. The change is logged before
   * it is relayed; if logging fails the room is broken and the StorageError
   * is thrown here. An edit that adds to the board (`grows`, e.g. a phone
   * note) is refused with BoardFullError once the board is at its cap; the
   * day's own edits (station layout, timer) always go through.
   */
  transact(edit: (doc: Y.Doc) => void, options: { grows?: boolean } = {}): void {
    if (this.failure !== null) throw this.failure
    if (options.grows && !this.hasRoomFor(GROWING_EDIT_BYTES)) throw new BoardFullError(this.name)
    this.busy++
    try {
      this.doc.transact(() => edit(this.doc), this)
    } finally {
      this.busy--
      this.flushOutbox()
    }
    if (this.failure !== null) throw this.failure
  }

  /** The full state as one update. */
  encodeState(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc)
  }

  /**
   * Folds the log into one stored state. Throws if the state cannot be
   * encoded or stored; the log is then left intact and nothing is lost.
   */
  compact(): void {
    if (this.failure !== null || this.logged === 0) return
    const state = this.encodeState()
    // Only through the last update the doc holds with all before it: on a
    // shared store, a later one may be another process's, still on its way here.
    this.store.compact(this.name, state, this.contiguous)
    this.logged = 0
    this.storedBytes = state.byteLength
  }

  /**
   * Whether `bytes` more fit under the board's cap. A board whose log has
   * grown past it is compacted first: a log of moves is much larger than the
   * board they leave behind.
   */
  private hasRoomFor(bytes: number): boolean {
    const cap = this.bounds.maxBoardBytes
    if (this.storedBytes + bytes <= cap) return true
    if (this.logged > 0) {
      try {
        this.compact()
      } catch (error) {
        this.log(`sync compaction-failed room=${this.name} error=${errorName(error)}`)
      }
    }
    return this.storedBytes + bytes <= cap
  }

  stats(): { connections: number; awareness: PresenceState[] } {
    return { connections: this.connections.size, awareness: this.presence.states() }
  }

  /** Who holds a socket on this board and what each announced, by the grant it came with. */
  who(): RoomPresence {
    return {
      sockets: [...this.connections].map((connection) => connection.info),
      announced: this.presence
        .ownedStates()
        .map(({ owner, state }) => ({ connection: owner.info, state })),
    }
  }

  /** The sockets on this board, for closing a selection of them. */
  connectionList(): SyncConnection[] {
    return [...this.connections]
  }

  /** Closes every socket on this board. */
  closeAll(code: number, reason: string): void {
    for (const connection of this.connectionList()) connection.close(code, reason)
  }

  /** Releases the doc; the room must not be used afterwards. */
  destroy(): void {
    this.presenceBatch.stop()
    this.doc.off('beforeTransaction', this.watchTransaction)
    this.doc.off('update', this.logServerChange)
    this.doc.destroy()
  }

  private logClientUpdate(connection: SyncConnection, update: Uint8Array): number | null {
    try {
      const seq = this.store.append(this.name, update)
      this.logged++
      this.storedBytes += update.byteLength
      this.markApplied(seq)
      return seq
    } catch (error) {
      if (!(error instanceof StorageError)) throw error
      this.log(`sync storage-failed room=${this.name} op=${error.operation} code=${error.code}`)
      connection.close(CloseCode.StorageFailure, CloseReason.StorageFailure)
      return null
    }
  }

  /** Applies a logged client update; if Yjs cannot integrate it, un-logs it and breaks the room. */
  private applyLogged(update: Uint8Array, seq: number): boolean {
    try {
      Y.applyUpdate(this.doc, update, FROM_CLIENT)
      return true
    } catch (error) {
      // The bytes parsed but did not integrate, and the doc may be half
      // changed. Left in the log the update would fail every later load.
      this.log(`sync apply-failed room=${this.name} error=${errorName(error)}`)
      this.unlog(seq)
      this.fail(error)
      return false
    }
  }

  private unlog(seq: number): void {
    try {
      this.store.discard(this.name, seq)
      this.logged--
    } catch (error) {
      if (!(error instanceof StorageError)) throw error
      this.log(`sync storage-failed room=${this.name} op=${error.operation} code=${error.code}`)
    }
  }

  /**
   * Yjs encodes a transaction's update only while something listens for
   * `update`. A client's update was logged as it arrived, so during its
   * transaction nobody listens and the hot path encodes nothing; every other
   * transaction (a server edit, an observer reacting to a client) is listened
   * to and logged. Observers run in transactions of their own, which start
   * before the client's transaction is encoded: the listener then sees that
   * one too, and skips it by its origin.
   */
  private readonly watchTransaction = (transaction: Y.Transaction): void => {
    const wanted = transaction.origin !== FROM_CLIENT && transaction.origin !== FROM_PEER
    if (wanted === this.listening) return
    this.listening = wanted
    if (wanted) this.doc.on('update', this.logServerChange)
    else this.doc.off('update', this.logServerChange)
  }

  /**
   * Logs every change that did not come from a client: the app's edits, and
   * anything an observer writes in reaction to a client's update. Runs inside
   * Yjs's event dispatch, so it records a failure instead of throwing.
   */
  private readonly logServerChange = (update: Uint8Array, origin: unknown): void => {
    if (origin === FROM_CLIENT || origin === FROM_PEER || this.failure !== null) return
    let seq: number
    try {
      seq = this.store.append(this.name, update)
    } catch (error) {
      this.log(`sync storage-failed room=${this.name} op=append code=${codeOf(error)}`)
      this.fail(error)
      return
    }
    this.logged++
    this.storedBytes += update.byteLength
    this.markApplied(seq)
    this.outbox.push({ seq, update })
    if (this.busy === 0) this.flushOutbox()
  }

  private flushOutbox(): void {
    if (this.outbox.length === 0) return
    for (const { seq, update } of this.outbox) {
      this.relay(encodeUpdate(update), null)
      this.events.logged?.(this, seq, update)
    }
    this.outbox.length = 0
    this.events.changed(this)
  }

  /**
   * Applies what is stored already (another process logged it) without
   * logging it again; an update Yjs cannot integrate breaks the room.
   */
  private applyFromPeer(update: Uint8Array): boolean {
    this.busy++
    try {
      Y.applyUpdate(this.doc, update, FROM_PEER)
      return true
    } catch (error) {
      this.log(`sync apply-failed room=${this.name} error=${errorName(error)} from=peer`)
      this.fail(error)
      return false
    } finally {
      this.busy--
    }
  }

  /** Counts update `seq` as in the doc, moving `contiguous` on as far as no number is missing. */
  private markApplied(seq: number): void {
    if (seq === this.contiguous + 1) {
      this.contiguous = seq
      this.advance()
    } else if (seq > this.contiguous) this.ahead.add(seq)
  }

  private advance(): void {
    while (this.ahead.delete(this.contiguous + 1)) this.contiguous++
  }

  private relay(frame: Uint8Array, except: SyncConnection | null): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.send(frame)
    }
  }

  private fail(error: unknown): void {
    if (this.failure !== null) return
    this.failure = error
    queueMicrotask(() => this.events.broken(this, error))
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error
}

function codeOf(error: unknown): string {
  return error instanceof StorageError ? error.code : errorName(error)
}
