import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type * as Y from 'yjs'
import { WebSocketServer, type RawData, type Server as WsServer } from 'ws'
import {
  CloseCode,
  CloseReason,
  PROTOCOL_VERSION,
  SYNC_QUERY,
  SYNC_SUBPROTOCOL,
  parseSyncPath,
  tokenFromSyncProtocols,
  roomName,
  type Role,
} from '@tablecloth/shared'
import { StorageError, type DocStore } from '../store/docStore'
import { clientAddress } from '../http/clientAddress'
import { RateLimiter } from '../domain/rateLimiter'
import type { UpdateCheck } from './Room'
import { RoomRegistry, type OnBoardLoaded, type RoomSharing } from './RoomRegistry'
import type { ConnectionInfo, GrantScope, SyncConnection } from './SyncConnection'
import { DEFAULT_SYNC_LIMITS, type SyncLimits } from './syncLimits'
import { SyncWebSocket } from './SyncWebSocket'

/** What `authorize` is asked about each board socket. */
export interface SyncAuthRequest {
  eventId: string
  tableId: string
  token: string | null
  /** The `v` query parameter as sent; anything but PROTOCOL_VERSION was refused before. */
  protocol: string | null
  remoteAddress: string
}

/**
 * Either the role the socket gets (with an optional opaque `subject`, such as
 * a token hash, that `closeConnectionsWhere` can match on revocation, and
 * the grant's `scope`, `table` unless said otherwise), or the named close
 * code it is refused with.
 */
export type SyncAuthDecision =
  | { role: Role; subject?: string | null; scope?: GrantScope }
  | { closeCode: CloseCode; reason: string }

export interface SyncServerOptions {
  store: DocStore
  authorize: (request: SyncAuthRequest) => SyncAuthDecision
  /** Largest accepted frame (config MAX_MESSAGE_BYTES); overrides `limits.maxMessageBytes`. */
  maxMessageBytes?: number
  /** Idle time before a board with no sockets is compacted and unloaded (config ROOM_IDLE_MS). */
  roomIdleMs: number
  limits?: Partial<SyncLimits>
  /** Called synchronously after every logged change to a board, with its name; keep it cheap. */
  onRoomChange?: (room: string) => void
  /** Vets what each client update writes before it is stored; a rejection closes the socket (4422). */
  checkUpdate?: UpdateCheck
  /** Counts connections per address by X-Forwarded-For (see clientAddress). */
  trustProxy?: boolean
  /** Writes a fresh board's initial content (the station layout) before anyone sees it. */
  initialiseDoc?: (eventId: string, tableId: string, doc: Y.Doc) => void
  /** Repairs a board just loaded from the store, before any socket sees it. */
  onLoaded?: OnBoardLoaded
  /** Relays to the other processes sharing the store (cluster/BoardRelay.ts). */
  share?: RoomSharing
  /** One line per notable event; lines carry room names and codes, never board text or tokens. */
  log?: (line: string) => void
}

/** RFC 6455 "internal error": the server failed in a way no board close code names. */
const WS_INTERNAL_ERROR = 1011

/**
 * The board sync endpoint, `/sync/<eventId>/<tableId>?v=<PROTOCOL_VERSION>`,
 * speaking the y-websocket protocol so the stock WebsocketProvider connects.
 * The token comes in the `Sec-WebSocket-Protocol` header (see
 * `syncProtocols`) or, for stock clients that cannot set it, as `?token=`.
 *
 * Refusals happen after the websocket handshake, as a close with a named code,
 * because browsers hide HTTP statuses from websocket clients while a close code
 * reaches them (and stops y-websocket from retrying a 44xx). Authorisation is
 * synchronous, so no frame can arrive before it is decided.
 */
export class SyncServer {
  /** The boards in memory: the app edits, snapshots and closes them through this. */
  readonly registry: RoomRegistry
  private readonly wss: WsServer<typeof SyncWebSocket>
  private readonly heartbeat: NodeJS.Timeout
  private readonly log: (line: string) => void
  private closing: Promise<void> | null = null
  private readonly connectionRate: RateLimiter

  constructor(private readonly options: SyncServerOptions) {
    const limits: SyncLimits = { ...DEFAULT_SYNC_LIMITS, ...options.limits }
    if (options.maxMessageBytes !== undefined) limits.maxMessageBytes = options.maxMessageBytes
    // Every socket may send one frame of the largest size at once, so it meets the check that explains it.
    limits.readerByteBurst = Math.max(limits.readerByteBurst, limits.maxMessageBytes + 64 * 1024)
    limits.writerByteBurst = Math.max(limits.writerByteBurst, 2 * limits.maxMessageBytes)
    this.connectionRate = new RateLimiter({
      burst: limits.connectionBurstPerAddress,
      perMinute: limits.connectionsPerMinutePerAddress,
    })
    this.log = options.log ?? ((line) => console.log(line))
    this.registry = new RoomRegistry({
      store: options.store,
      limits,
      roomIdleMs: options.roomIdleMs,
      log: this.log,
      ...(options.initialiseDoc && { initialiseDoc: options.initialiseDoc }),
      ...(options.onRoomChange && { onRoomChange: options.onRoomChange }),
      ...(options.checkUpdate && { checkUpdate: options.checkUpdate }),
      ...(options.onLoaded && { onLoaded: options.onLoaded }),
      ...(options.share && { share: options.share }),
    })
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: limits.maxMessageBytes,
      perMessageDeflate: false,
      WebSocket: SyncWebSocket,
      // Answer with the plain protocol name only, never the one carrying the token.
      handleProtocols: (offered) => (offered.has(SYNC_SUBPROTOCOL) ? SYNC_SUBPROTOCOL : false),
    })
    this.heartbeat = setInterval(() => this.beat(), limits.heartbeatMs)
    this.heartbeat.unref()
  }

  /** Takes over an HTTP upgrade request; anything but a board socket path gets a 404. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.closing !== null) {
      refuseUpgrade(socket, '503 Service Unavailable')
      return
    }
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://localhost')
    } catch {
      // A request target that is no URL at all ("http://[") must not end the process.
      refuseUpgrade(socket, '400 Bad Request')
      return
    }
    const target = parseSyncPath(url.pathname)
    if (target === null) {
      refuseUpgrade(socket, '404 Not Found')
      return
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.accept(ws, {
        ...target,
        // Browsers send it as a subprotocol, out of the URL and so out of proxy logs.
        token:
          tokenFromSyncProtocols(req.headers['sec-websocket-protocol']) ??
          url.searchParams.get(SYNC_QUERY.token),
        protocol: url.searchParams.get(SYNC_QUERY.protocol),
        remoteAddress: clientAddress(req, this.options.trustProxy ?? false),
      })
    })
  }

  /** Closes every socket, compacts every board and stops accepting sockets. */
  close(
    code: number = CloseCode.ShuttingDown,
    reason: string = CloseReason.ShuttingDown,
  ): Promise<void> {
    this.closing ??= this.shutDown(code, reason)
    return this.closing
  }

  private accept(ws: SyncWebSocket, request: SyncAuthRequest): void {
    const room = roomName(request.eventId, request.tableId)
    ws.on('error', (error) => this.log(`sync socket-error room=${room} error=${error.name}`))
    if (this.closing !== null) {
      this.refuse(ws, room, CloseCode.ShuttingDown, CloseReason.ShuttingDown)
      return
    }
    if (request.protocol !== String(PROTOCOL_VERSION)) {
      this.refuse(ws, room, CloseCode.ProtocolMismatch, CloseReason.ProtocolMismatch)
      return
    }
    if (!this.connectionRate.take(request.remoteAddress).allowed) {
      this.refuse(ws, room, CloseCode.RateLimited, CloseReason.RateLimited)
      return
    }
    const decision = this.decide(request)
    if (decision === null) {
      this.refuse(ws, room, WS_INTERNAL_ERROR, 'internal error')
      return
    }
    if ('closeCode' in decision) {
      this.refuse(ws, room, decision.closeCode, decision.reason)
      return
    }
    const info: ConnectionInfo = {
      room,
      eventId: request.eventId,
      tableId: request.tableId,
      role: decision.role,
      scope: decision.scope ?? 'table',
      subject: decision.subject ?? null,
    }
    const connection = this.connect(ws, info)
    if (connection === null) return
    ws.on('message', (data, isBinary) => {
      ws.alive = true
      this.receive(connection, data, isBinary)
    })
    ws.on('pong', () => {
      ws.alive = true
    })
    ws.on('close', () => connection.socketClosed())
  }

  private decide(request: SyncAuthRequest): SyncAuthDecision | null {
    try {
      return this.options.authorize(request)
    } catch (error) {
      // A failing token lookup must not take the process down; the client retries.
      this.log(`sync authorize-failed error=${errorName(error)}`)
      return null
    }
  }

  private connect(ws: SyncWebSocket, info: ConnectionInfo): SyncConnection | null {
    let connection: SyncConnection | null
    try {
      connection = this.registry.connect(ws, info)
    } catch (error) {
      if (error instanceof StorageError) {
        this.log(`sync storage-failed room=${info.room} op=${error.operation} code=${error.code}`)
        this.refuse(ws, info.room, CloseCode.StorageFailure, CloseReason.StorageFailure)
      } else {
        this.log(`sync connect-failed room=${info.room} error=${errorName(error)}`)
        this.refuse(ws, info.room, WS_INTERNAL_ERROR, 'internal error')
      }
      return null
    }
    if (connection === null) {
      this.refuse(ws, info.room, CloseCode.RateLimited, CloseReason.RateLimited)
    }
    return connection
  }

  private receive(connection: SyncConnection, data: RawData, isBinary: boolean): void {
    if (!isBinary) {
      connection.close(CloseCode.InvalidMessage, CloseReason.InvalidMessage)
      return
    }
    try {
      connection.receive(bytesOf(data))
    } catch (error) {
      // A bug in handling one frame costs that socket, not the process.
      this.log(`sync frame-failed room=${connection.info.room} error=${errorName(error)}`)
      connection.close(WS_INTERNAL_ERROR, 'internal error')
    }
  }

  private refuse(ws: SyncWebSocket, room: string, code: number, reason: string): void {
    this.log(`sync refused room=${room} code=${code}`)
    ws.close(code, reason)
  }

  private beat(): void {
    for (const ws of this.wss.clients) {
      if (!ws.alive) {
        ws.terminate()
        continue
      }
      ws.alive = false
      ws.ping()
    }
  }

  private async shutDown(code: number, reason: string): Promise<void> {
    clearInterval(this.heartbeat)
    this.registry.close(code, reason)
    await Promise.all([...this.wss.clients].map((ws) => closed(ws)))
    await new Promise<void>((resolve) => this.wss.close(() => resolve()))
  }
}

/** Resolves once the socket has closed; one that does not finish its close handshake is cut off. */
function closed(ws: SyncWebSocket, graceMs = 2000): Promise<void> {
  if (ws.readyState === SyncWebSocket.CLOSED) return Promise.resolve()
  return new Promise((resolve) => {
    const cutOff = setTimeout(() => ws.terminate(), graceMs)
    cutOff.unref()
    ws.once('close', () => {
      clearTimeout(cutOff)
      resolve()
    })
  })
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

function bytesOf(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data)
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error
}
