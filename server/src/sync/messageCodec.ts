import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import {
  messageYjsSyncStep1,
  messageYjsSyncStep2,
  messageYjsUpdate,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
} from 'y-protocols/sync'
import { MessageType } from '@tablecloth/shared'

/** A Yjs update parsed into its structs and delete set. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

/**
 * One client's entry in an awareness update. The state stays as the UTF-8 bytes
 * of its JSON text: the server relays presence without parsing it, and only
 * `roomStats` ever decodes it.
 */
export interface AwarenessEntry {
  clientId: number
  clock: number
  state: Uint8Array
}

/**
 * Every frame a board client may send, decoded once at the socket boundary.
 * Byte arrays are views into the received frame, not copies.
 */
export type SyncFrame =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array; decoded: DecodedUpdate }
  /** `raw` is the whole frame, relayed to peers unchanged. */
  | { type: 'sync-update'; update: Uint8Array; decoded: DecodedUpdate; raw: Uint8Array }
  /** Entries are relayed re-encoded, in the room's presence batch, never as the received frame. */
  | { type: 'awareness'; entries: AwarenessEntry[] }
  | { type: 'query-awareness' }
  /** The frame is garbage; `detail` says why without quoting any of it, so it may be logged. */
  | { type: 'invalid'; detail: string }

/** JSON `null` as awareness writes it: the client left. */
const NULL_STATE = new Uint8Array([0x6e, 0x75, 0x6c, 0x6c])

/** Whether an awareness state says the client left. */
export function isRemovedState(state: Uint8Array): boolean {
  return (
    state.length === 4 &&
    state[0] === NULL_STATE[0] &&
    state[1] === NULL_STATE[1] &&
    state[2] === NULL_STATE[2] &&
    state[3] === NULL_STATE[3]
  )
}

/** The awareness state that marks a client as gone. */
export function removedState(): Uint8Array {
  return NULL_STATE
}

/**
 * Decodes one websocket frame from a board client. Anything that is not
 * exactly one well-formed y-websocket message, including a doc update Yjs
 * cannot parse, comes back as `invalid`; this function never throws.
 */
export function decodeFrame(data: Uint8Array): SyncFrame {
  const decoder = decoding.createDecoder(data)
  try {
    const messageType = decoding.readVarUint(decoder)
    switch (messageType) {
      case MessageType.Sync:
        return decodeSync(decoder, data)
      case MessageType.Awareness:
        return decodeAwareness(decoder)
      case MessageType.QueryAwareness:
        return ended(decoder, { type: 'query-awareness' })
      case MessageType.Auth:
        return invalid('auth messages only travel from server to client')
      default:
        return invalid(`unknown message type ${messageType}`)
    }
  } catch (error) {
    // lib0 and Yjs throw on truncated or inconsistent bytes; that is the
    // verdict we want, turned into a value the connection closes on. Only the
    // error's class is kept: a JSON parse message would quote board text.
    return invalid(`undecodable (${error instanceof Error ? error.name : typeof error})`)
  }
}

function decodeSync(decoder: decoding.Decoder, data: Uint8Array): SyncFrame {
  const step = decoding.readVarUint(decoder)
  switch (step) {
    case messageYjsSyncStep1: {
      const stateVector = decoding.readVarUint8Array(decoder)
      if (!isStateVector(stateVector)) return invalid('malformed state vector')
      return ended(decoder, { type: 'sync-step1', stateVector })
    }
    case messageYjsSyncStep2:
    case messageYjsUpdate: {
      const update = decoding.readVarUint8Array(decoder)
      if (decoding.hasContent(decoder)) return invalid('trailing bytes')
      // Parsing the whole update here rejects garbage before anything is
      // logged, and the room reuses the parse to decide whether it is news.
      const decoded = Y.decodeUpdate(update)
      return step === messageYjsUpdate
        ? { type: 'sync-update', update, decoded, raw: data }
        : { type: 'sync-step2', update, decoded }
    }
    default:
      return invalid(`unknown sync step ${step}`)
  }
}

function decodeAwareness(decoder: decoding.Decoder): SyncFrame {
  const payload = decoding.readVarUint8Array(decoder)
  if (decoding.hasContent(decoder)) return invalid('trailing bytes')
  const inner = decoding.createDecoder(payload)
  const count = decoding.readVarUint(inner)
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(inner)
    const clock = decoding.readVarUint(inner)
    const state = decoding.readVarUint8Array(inner)
    entries.push({ clientId, clock, state })
  }
  return ended(inner, { type: 'awareness', entries })
}

function isStateVector(bytes: Uint8Array): boolean {
  const decoder = decoding.createDecoder(bytes)
  const clients = decoding.readVarUint(decoder)
  for (let i = 0; i < clients; i++) {
    decoding.readVarUint(decoder)
    decoding.readVarUint(decoder)
  }
  return !decoding.hasContent(decoder)
}

function ended(decoder: decoding.Decoder, frame: SyncFrame): SyncFrame {
  return decoding.hasContent(decoder) ? invalid('trailing bytes') : frame
}

function invalid(detail: string): SyncFrame {
  return { type: 'invalid', detail }
}

/** The server's opening message: its state vector, so the client answers with what it lacks. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

/** Everything in `doc` that a peer with `stateVector` lacks. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  writeSyncStep2(encoder, doc, stateVector)
  return encoding.toUint8Array(encoder)
}

/** One doc update as a frame for peers. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** Awareness entries as a frame for peers. */
export function encodeAwareness(entries: readonly AwarenessEntry[]): Uint8Array {
  return encodeAwarenessFrame(entries.map(encodeAwarenessEntry))
}

/**
 * One awareness entry in its wire form, to be joined into frames by
 * `encodeAwarenessFrame`: a batch encodes each entry once and then leaves out
 * a receiver's own entries by leaving out their bytes.
 */
export function encodeAwarenessEntry(entry: AwarenessEntry): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entry.clientId)
  encoding.writeVarUint(encoder, entry.clock)
  // Same bytes as awareness's writeVarString: a length, then the UTF-8 text.
  encoding.writeVarUint8Array(encoder, entry.state)
  return encoding.toUint8Array(encoder)
}

/** Entries from `encodeAwarenessEntry` as one awareness frame. */
export function encodeAwarenessFrame(encodedEntries: readonly Uint8Array[]): Uint8Array {
  const count = encodedEntries.length
  let payloadBytes = varUintBytes(count)
  for (const entry of encodedEntries) payloadBytes += entry.byteLength
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Awareness)
  encoding.writeVarUint(encoder, payloadBytes)
  encoding.writeVarUint(encoder, count)
  for (const entry of encodedEntries) encoding.writeUint8Array(encoder, entry)
  return encoding.toUint8Array(encoder)
}

/** Bytes lib0 takes to write `value` as a varUint: 7 bits a byte. */
function varUintBytes(value: number): number {
  let bytes = 1
  for (let rest = value; rest > 0x7f; rest = Math.floor(rest / 0x80)) bytes++
  return bytes
}
