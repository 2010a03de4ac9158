import { PATH_SEGMENT } from './ids'

/**
 * The wire, named once. Server and client import these; nothing re-declares them.
 */

/** Bumped whenever the board document layout or sync rules change incompatibly. */
export const PROTOCOL_VERSION = 1

/** Query parameter names on the sync websocket URL. */
export const SYNC_QUERY = { token: 'token', protocol: 'v' } as const

/** All board sync sockets live under this path: `/sync/<eventId>/<tableId>`. */
export const SYNC_PATH_PREFIX = '/sync'

/**
 * Websocket close codes. 4000–4999 is the range RFC 6455 leaves to applications;
 * we mirror HTTP status numbers where one fits so logs read naturally.
 */
export const CloseCode = {
  /** The client speaks an older or newer protocol version. */
  ProtocolMismatch: 4400,
  /** No token, or a token that is unknown or revoked. */
  Unauthorized: 4401,
  /** The token is valid but its role may not do what was attempted. */
  Forbidden: 4403,
  /** The event or table does not exist (any more). */
  NotFound: 4404,
  /** A frame exceeded the size limit. */
  TooLarge: 4413,
  /** The board reached its size cap (MAX_BOARD_BYTES); nothing more is stored on it. */
  BoardFull: 4414,
  /** A frame could not be decoded as a y-websocket message. */
  InvalidMessage: 4422,
  /** Too many connections or messages from one address. */
  RateLimited: 4429,
  /** The server could not persist an update and refused it rather than lose it. */
  StorageFailure: 4507,
  /** The server is shutting down; reconnect shortly. */
  ShuttingDown: 4503,
} as const
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

/** Websocket close reasons are limited to 123 bytes; keep ours short and stable. */
export const CloseReason = {
  ProtocolMismatch: 'protocol version mismatch',
  Unauthorized: 'invalid or revoked token',
  Forbidden: 'role may not edit this board',
  NotFound: 'unknown event or table',
  TooLarge: 'frame too large',
  BoardFull: 'board is full',
  InvalidMessage: 'malformed sync message',
  RateLimited: 'rate limit exceeded',
  StorageFailure: 'storage unavailable; update refused',
  ShuttingDown: 'server shutting down',
} as const satisfies Record<keyof typeof CloseCode, string>

/**
 * The reason sent with 4422 when an update decodes but writes a record
 * tldraw's schema rejects: the device's board has something no other device
 * could open.
 */
export const RECORD_REJECTED_REASON = 'board record rejected by schema'

/**
 * The reason sent with 4422 when an update decodes but writes anything other
 * than plain tldraw records into the board's `records` array: another Yjs
 * content encoding, a nested type, a root other than `records`, a server-owned
 * entry such as `meta`, or values beyond the depth and size limits.
 */
export const CONTENT_REJECTED_REASON = 'board content rejected'

/**
 * Largest presence (awareness) state one client may announce, as UTF-8 JSON.
 * Larger states are dropped, never relayed; the board page trims its own
 * presence (selection, scribbles) to stay below it.
 */
export const PRESENCE_STATE_MAX_BYTES = 8 * 1024

/**
 * Board sockets carry their access token in the `Sec-WebSocket-Protocol`
 * header rather than the URL, so reverse-proxy access logs never record it.
 * The client offers two subprotocols, `tablecloth` and
 * `tablecloth.token.<token>`; the server answers with `tablecloth` only. The
 * `?token=` query form stays for stock clients that cannot set protocols.
 */
export const SYNC_SUBPROTOCOL = 'tablecloth'
const SYNC_TOKEN_PROTOCOL_PREFIX = 'tablecloth.token.'

/** The subprotocols a board client offers to send `token` out of the URL. */
export function syncProtocols(token: string): string[] {
  return [SYNC_SUBPROTOCOL, SYNC_TOKEN_PROTOCOL_PREFIX + token]
}

/** The token offered in a `Sec-WebSocket-Protocol` header, or null. */
export function tokenFromSyncProtocols(
  header: string | readonly string[] | undefined,
): string | null {
  const joined = typeof header === 'string' ? header : (header ?? []).join(',')
  const offered = joined.split(',')
  for (const raw of offered) {
    const protocol = raw.trim()
    if (protocol.startsWith(SYNC_TOKEN_PROTOCOL_PREFIX)) {
      const token = protocol.slice(SYNC_TOKEN_PROTOCOL_PREFIX.length)
      return token === '' ? null : token
    }
  }
  return null
}

/** y-websocket message types (first varint of every frame). */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const
export type MessageType = (typeof MessageType)[keyof typeof MessageType]

/** Builds the room name used by y-websocket for a table board. */
export function roomName(eventId: string, tableId: string): string {
  return `${eventId}/${tableId}`
}

/** Splits a room name built by `roomName`; null for anything else. */
export function parseRoomName(room: string): { eventId: string; tableId: string } | null {
  const slash = room.indexOf('/')
  if (slash <= 0 || slash === room.length - 1 || room.indexOf('/', slash + 1) !== -1) return null
  return { eventId: room.slice(0, slash), tableId: room.slice(slash + 1) }
}

const SYNC_PATH = new RegExp(`^${SYNC_PATH_PREFIX}/(${PATH_SEGMENT})/(${PATH_SEGMENT})/?$`)

/** Parses `/sync/<eventId>/<tableId>`; returns null for anything else. */
export function parseSyncPath(pathname: string): { eventId: string; tableId: string } | null {
  const match = SYNC_PATH.exec(pathname)
  if (!match || !match[1] || !match[2]) return null
  return { eventId: match[1], tableId: match[2] }
}
