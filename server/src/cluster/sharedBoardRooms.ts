import { CloseCode, CloseReason } from '@tablecloth/shared'
import type { BoardRooms } from '../events/BoardRooms'
import type { BoardRelay } from './BoardRelay'
import type { PresenceDirectory } from './PresenceDirectory'
import type { EventMessage } from './relayMessages'

/**
 * The live boards as the event layer sees them when several processes
 * share the store: what closes sockets or deletes a board is done here and
 * announced to the others, which do the same to the sockets and boards they
 * hold (`applyEventMessage`). Edits need nothing extra: they are board
 * updates, relayed as every update is.
 */
export function sharedBoardRooms(
  local: BoardRooms,
  relay: BoardRelay,
  directory: PresenceDirectory,
): BoardRooms {
  return {
    ...local,
    async presence(room) {
      return directory.summary(room, await local.presence(room))
    },
    closeRoom(room, code, reason) {
      local.closeRoom(room, code, reason)
      relay.announce({ type: 'close-room', room, code, reason })
    },
    closeConnectionsOf(subjects, code, reason) {
      const closed = local.closeConnectionsOf(subjects, code, reason)
      relay.announce({ type: 'close-subjects', subjects: [...subjects], code, reason })
      return closed
    },
    deleteRoom(room) {
      local.deleteRoom(room)
      relay.announce({
        type: 'forget-room',
        room,
        code: CloseCode.NotFound,
        reason: CloseReason.NotFound,
      })
    },
  }
}

/**
 * Does to this process's sockets and boards what another process announced,
 * through this process's own live boards (`boardRoomsOf`), as its own
 * services would.
 */
export function applyEventMessage(local: BoardRooms, message: EventMessage): void {
  switch (message.type) {
    case 'close-subjects':
      local.closeConnectionsOf(new Set(message.subjects), message.code, message.reason)
      return
    case 'close-room':
      local.closeRoom(message.room, message.code, message.reason)
      return
    case 'forget-room':
      // The origin deleted the board from the store before it announced it,
      // but a device here may have written meanwhile (a busy process reads the
      // announcement after the frames already queued), and each update it
      // logged after that delete would keep part of a deleted board; an idle
      // board compacted here in that moment would write the whole of it back.
      // So this process deletes the board from the store too, after closing its
      // sockets (4404), from which nothing is logged after that.
      local.deleteRoom(message.room)
      return
  }
}
