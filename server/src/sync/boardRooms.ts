import { CloseCode, CloseReason } from '@tablecloth/shared'
import type { BoardRooms } from '../events/BoardRooms'
import { summarisePresence } from './boardPresence'
import type { SyncServer } from './SyncServer'

/**
 * The event layer's view of the live boards, served by the sync server's
 * registry. Registry calls are synchronous (SQLite is); the promises only
 * keep the event layer independent of that.
 */
export function boardRoomsOf(sync: SyncServer): BoardRooms {
  const registry = sync.registry
  return {
    transact: async (room, edit, options) => registry.transact(room, edit, options),
    encodeState: async (room) => registry.encodeState(room),
    presence: async (room) => summarisePresence(registry.roomPresence(room)),
    closeRoom: (room, code, reason) => registry.closeRoom(room, code, reason),
    closeConnectionsOf: (subjects, code, reason) =>
      registry.closeConnectionsWhere(
        (info) => info.subject !== null && subjects.has(info.subject),
        code,
        reason,
      ),
    deleteRoom: (room) => registry.deleteRoom(room, CloseCode.NotFound, CloseReason.NotFound),
  }
}

/** Who is on each board this process holds, for the other processes' control rooms. */
export function* localPresence(
  registry: SyncServer['registry'],
): Generator<[string, ReturnType<typeof summarisePresence>]> {
  for (const room of registry.loadedRooms()) {
    yield [room, summarisePresence(registry.roomPresence(room))]
  }
}
