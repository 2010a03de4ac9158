/**
 * The baseline the bench compares our server with: a y-websocket relay that
 * does the sync handshake and fans out doc and awareness updates, and nothing
 * else. No auth, no persistence, no limits, no validation. Every URL path is a
 * room. Run as its own process (`PORT`, `HOST`); it announces its address on
 * stdout like our server does.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import { MessageType } from '@tablecloth/shared'

interface Room {
  doc: Y.Doc
  awareness: awarenessProtocol.Awareness
  /** Each socket with the awareness client ids it announced, removed when it leaves. */
  sockets: Map<WebSocket, Set<number>>
}

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

function createRoom(): Room {
  const doc = new Y.Doc()
  const awareness = new awarenessProtocol.Awareness(doc)
  // The relay is not a participant: without this it would show up as a peer.
  awareness.setLocalState(null)
  const room: Room = { doc, awareness, sockets: new Map() }

  doc.on('update', (update: Uint8Array, origin: unknown) => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.Sync)
    syncProtocol.writeUpdate(encoder, update)
    broadcast(room, encoding.toUint8Array(encoder), origin)
  })

  awareness.on('update', (change: AwarenessChange, origin: unknown) => {
    const owned = room.sockets.get(origin as WebSocket)
    if (owned) {
      for (const id of change.added) owned.add(id)
      for (const id of change.removed) owned.delete(id)
    }
    const changed = [...change.added, ...change.updated, ...change.removed]
    broadcast(room, awarenessFrame(awareness, changed), origin)
  })
  return room
}

function awarenessFrame(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Awareness)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(encoder)
}

/** Sends to every socket in the room except the one the change came from. */
function broadcast(room: Room, frame: Uint8Array, origin: unknown): void {
  for (const socket of room.sockets.keys()) {
    if (socket !== origin && socket.readyState === socket.OPEN) socket.send(frame)
  }
}

function join(rooms: Map<string, Room>, name: string, socket: WebSocket): void {
  let room = rooms.get(name)
  if (!room) {
    room = createRoom()
    rooms.set(name, room)
  }
  const joined = room
  joined.sockets.set(socket, new Set())

  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (!isBinary || !(data instanceof Buffer)) return socket.close(1003, 'binary frames only')
    handleFrame(joined, socket, new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
  })
  socket.on('close', () => {
    const owned = joined.sockets.get(socket)
    joined.sockets.delete(socket)
    if (owned?.size) awarenessProtocol.removeAwarenessStates(joined.awareness, [...owned], null)
    // Nothing is persisted: an empty room is simply forgotten.
    if (joined.sockets.size === 0) {
      rooms.delete(name)
      joined.awareness.destroy()
      joined.doc.destroy()
    }
  })

  // Open the handshake from our side too, and tell the newcomer who is here.
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  syncProtocol.writeSyncStep1(encoder, joined.doc)
  socket.send(encoding.toUint8Array(encoder))
  const present = [...joined.awareness.getStates().keys()]
  if (present.length > 0) socket.send(awarenessFrame(joined.awareness, present))
}

function handleFrame(room: Room, socket: WebSocket, frame: Uint8Array): void {
  const decoder = decoding.createDecoder(frame)
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case MessageType.Sync: {
      const reply = encoding.createEncoder()
      encoding.writeVarUint(reply, MessageType.Sync)
      // Updates applied here carry the socket as origin, so the doc's update
      // handler relays them to everyone else.
      syncProtocol.readSyncMessage(decoder, reply, room.doc, socket)
      if (encoding.length(reply) > 1) socket.send(encoding.toUint8Array(reply))
      return
    }
    case MessageType.Awareness:
      awarenessProtocol.applyAwarenessUpdate(
        room.awareness,
        decoding.readVarUint8Array(decoder),
        socket,
      )
      return
    case MessageType.QueryAwareness:
      socket.send(awarenessFrame(room.awareness, [...room.awareness.getStates().keys()]))
      return
    default:
      // A relay for the bench only: unknown frames are not worth a protocol error.
      return
  }
}

function main(): void {
  const rooms = new Map<string, Room>()
  const server = http.createServer((_req, res) => res.writeHead(404).end())
  const sockets = new WebSocketServer({ server })
  sockets.on('connection', (socket, request) => {
    const name = new URL(request.url ?? '/', 'http://relay').pathname.slice(1)
    join(rooms, name, socket)
  })
  const port = Number(process.env.PORT ?? 0)
  const host = process.env.HOST ?? '127.0.0.1'
  server.listen(port, host, () => {
    const address = server.address() as AddressInfo
    console.log(`Plain relay listening on http://${address.address}:${address.port}`)
  })
  const shutdown = () => {
    for (const socket of sockets.clients) socket.terminate()
    server.close(() => process.exit(0))
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
}

main()
