import type * as Y from 'yjs'
import type { BoardPresence } from '@tablecloth/shared'

/**
 * What the event layer needs from the live board rooms. The sync layer's
 * registry implements it; tests can use an in-memory stand-in.
 */
export interface BoardRooms {
  /**
   * Runs `fn` on the room's doc (loading it if needed); the change is
   * persisted, then relayed. With `grows` (an edit that adds content, such as
   * a phone note) a board at its size cap refuses with BoardFullError.
   */
  transact(room: string, fn: (doc: Y.Doc) => void, options?: { grows?: boolean }): Promise<void>
  /** The room's full state as one update, whether or not it is loaded. */
  encodeState(room: string): Promise<Uint8Array>
  /** Sockets on the room right now (on every process sharing the store), by the link they were opened with, and the names announced. */
  presence(room: string): Promise<{
    connections: number
    presence: BoardPresence
    names: string[]
    moderatorNames: string[]
  }>
  /** Closes every connection to the room, e.g. when its event is deleted. */
  closeRoom(room: string, code: number, reason: string): void
  /**
   * Closes every connection, on any board, opened with one of these tokens
   * (by hash), e.g. after their link was rotated. Returns how many.
   */
  closeConnectionsOf(subjects: ReadonlySet<string>, code: number, reason: string): number
  /** Drops the room from memory and storage. */
  deleteRoom(room: string): void
}
