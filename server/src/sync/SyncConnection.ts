import { CloseCode, CloseReason, type Role } from '@tablecloth/shared'
import { roleMay } from '../access/accessPolicy'
import { MessageBudget } from './MessageBudget'
import { decodeFrame } from './messageCodec'
import type { Room } from './Room'
import type { SyncLimits } from './syncLimits'

/**
 * The little a connection needs from a socket. The ws adapter implements it
 * for real sockets; tests use an in-memory pair.
 */
export interface SyncSocket {
  send(data: Uint8Array): void
  close(code: number, reason: string): void
}

/**
 * What the grant a socket was opened with reaches: one table (a table's
 * board, projector or phone link) or the whole event (the organiser's link,
 * the gallery's viewer link).
 */
export type GrantScope = 'table' | 'event'

/** Who is on the other end of a board socket, as authorised at connect. */
export interface ConnectionInfo {
  /** `<eventId>/<tableId>` */
  readonly room: string
  readonly eventId: string
  readonly tableId: string
  readonly role: Role
  /** Whether the grant names this table or the whole event (a projector or the gallery, say). */
  readonly scope: GrantScope
  /**
   * Opaque id of the grant the socket was opened with (for example a token
   * hash), so a revocation can find its sockets. Never the token itself.
   */
  readonly subject: string | null
}

type ConnectionLimits = Pick<
  SyncLimits,
  | 'maxMessageBytes'
  | 'messagesPerSecond'
  | 'messageBurst'
  | 'writerBytesPerSecond'
  | 'writerByteBurst'
  | 'readerBytesPerSecond'
  | 'readerByteBurst'
>

/**
 * One board socket: enforces the frame limits, decodes each frame once and
 * hands it to its room. Every protocol violation closes the socket with a
 * named code; nothing a client sends can throw past this class.
 */
export class SyncConnection {
  /** Whether this socket's updates may change the board. */
  readonly canWrite: boolean
  private closed = false
  private readonly budget: MessageBudget
  private readonly byteBudget: MessageBudget

  constructor(
    private readonly socket: SyncSocket,
    readonly info: ConnectionInfo,
    private readonly room: Room,
    private readonly limits: ConnectionLimits,
    private readonly log: (line: string) => void,
  ) {
    this.canWrite = roleMay(info.role, 'board.edit')
    this.budget = new MessageBudget(limits.messagesPerSecond, limits.messageBurst)
    this.byteBudget = this.canWrite
      ? new MessageBudget(limits.writerBytesPerSecond, limits.writerByteBurst)
      : new MessageBudget(limits.readerBytesPerSecond, limits.readerByteBurst)
  }

  get isClosed(): boolean {
    return this.closed
  }

  /** Handles one binary frame from the client. */
  receive(data: Uint8Array): void {
    if (this.closed) return
    if (data.byteLength > this.limits.maxMessageBytes) {
      this.close(CloseCode.TooLarge, CloseReason.TooLarge)
      return
    }
    if (!this.budget.take() || !this.byteBudget.take(data.byteLength)) {
      this.log(`sync rate-limited room=${this.info.room} role=${this.info.role}`)
      this.close(CloseCode.RateLimited, CloseReason.RateLimited)
      return
    }
    const frame = decodeFrame(data)
    switch (frame.type) {
      case 'sync-step1':
        this.room.answerStep1(this, frame.stateVector)
        return
      case 'sync-step2':
      case 'sync-update':
        this.room.receiveUpdate(this, frame)
        return
      case 'awareness':
        this.room.receiveAwareness(this, frame)
        return
      case 'query-awareness':
        this.room.answerAwarenessQuery(this)
        return
      case 'invalid':
        this.log(`sync invalid-frame room=${this.info.room} detail="${frame.detail}"`)
        this.close(CloseCode.InvalidMessage, CloseReason.InvalidMessage)
        return
      default: {
        const unhandled: never = frame
        throw new Error(`unhandled frame ${(unhandled as { type: string }).type}`)
      }
    }
  }

  /** Sends one frame; a closed connection drops it. */
  send(frame: Uint8Array): void {
    if (!this.closed) this.socket.send(frame)
  }

  /** Closes the socket with a named code and leaves the room. */
  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    this.socket.close(code, reason)
    this.room.leave(this)
  }

  /** The socket closed from the other side (or died); leave the room. */
  socketClosed(): void {
    if (this.closed) return
    this.closed = true
    this.room.leave(this)
  }
}
