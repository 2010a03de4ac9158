/**
 * What processes sharing a store tell each other through Redis, and how it
 * is put in bytes. Board messages travel on one channel per board, so a
 * process hears only the boards it holds; event messages on one channel.
 */

/** The channel of one board's updates and presence. */
export function boardChannel(room: string): string {
  return `tablecloth:board:${room}`
}

/** The channel of messages about events: closed links, deleted boards. */
export const EVENTS_CHANNEL = 'tablecloth:events'

const BOARD_CHANNEL_PREFIX = 'tablecloth:board:'

/** The board a channel carries, or null for another channel. */
export function roomOfChannel(channel: string): string | null {
  return channel.startsWith(BOARD_CHANNEL_PREFIX)
    ? channel.slice(BOARD_CHANNEL_PREFIX.length)
    : null
}

export type BoardMessage =
  /** An update logged as the board's number `seq`. */
  | { kind: 'update'; origin: string; seq: number; payload: Uint8Array }
  /** An awareness frame, as relayed to the sender's own sockets. */
  | { kind: 'presence'; origin: string; payload: Uint8Array }

const KIND_UPDATE = 1
const KIND_PRESENCE = 2
/** A process id is 16 hex characters (`newProcessId`). */
const ORIGIN_BYTES = 16

/** kind (1 byte) · origin (16 ASCII bytes) · seq (8 bytes, updates only) · payload */
export function encodeBoardMessage(message: BoardMessage): Buffer {
  const header = Buffer.alloc(1 + ORIGIN_BYTES + (message.kind === 'update' ? 8 : 0))
  header[0] = message.kind === 'update' ? KIND_UPDATE : KIND_PRESENCE
  header.write(message.origin.padEnd(ORIGIN_BYTES).slice(0, ORIGIN_BYTES), 1, 'latin1')
  if (message.kind === 'update') header.writeDoubleBE(message.seq, 1 + ORIGIN_BYTES)
  return Buffer.concat([header, message.payload])
}

/** The message in `bytes`, or null for bytes no process of ours wrote. */
export function decodeBoardMessage(bytes: Buffer): BoardMessage | null {
  if (bytes.length < 1 + ORIGIN_BYTES) return null
  const origin = bytes.toString('latin1', 1, 1 + ORIGIN_BYTES).trimEnd()
  if (bytes[0] === KIND_PRESENCE) {
    return { kind: 'presence', origin, payload: bytes.subarray(1 + ORIGIN_BYTES) }
  }
  if (bytes[0] !== KIND_UPDATE || bytes.length < 1 + ORIGIN_BYTES + 8) return null
  const seq = bytes.readDoubleBE(1 + ORIGIN_BYTES)
  if (!Number.isSafeInteger(seq) || seq < 1) return null
  return { kind: 'update', origin, seq, payload: bytes.subarray(1 + ORIGIN_BYTES + 8) }
}

export type EventMessage =
  /** Close the sockets opened with these tokens (by hash) everywhere: their links were rotated. */
  | { type: 'close-subjects'; origin: string; subjects: string[]; code: number; reason: string }
  /** Close a board's sockets, forget it unsaved, delete it from the store again: it was deleted. */
  | { type: 'forget-room'; origin: string; room: string; code: number; reason: string }
  /** Close a board's sockets; it stays stored. */
  | { type: 'close-room'; origin: string; room: string; code: number; reason: string }

export function encodeEventMessage(message: EventMessage): string {
  return JSON.stringify(message)
}

export function decodeEventMessage(text: string): EventMessage | null {
  try {
    const value = JSON.parse(text) as Partial<EventMessage>
    if (typeof value.origin !== 'string' || typeof value.type !== 'string') return null
    if (typeof value.code !== 'number' || typeof value.reason !== 'string') return null
    if (value.type === 'close-subjects') {
      const subjects = (value as { subjects?: unknown }).subjects
      if (!Array.isArray(subjects) || !subjects.every((s) => typeof s === 'string')) return null
      return value as EventMessage
    }
    if (value.type === 'forget-room' || value.type === 'close-room') {
      return typeof (value as { room?: unknown }).room === 'string' ? (value as EventMessage) : null
    }
    return null
  } catch {
    return null
  }
}
