import type * as Y from 'yjs'
import { boardDay, parseRoomName } from '@tablecloth/shared'
import type { EventStore } from '../store/eventStore'
import type { BoardSchema } from './boardSchema'
import { repairBoard } from './boardRepair'
import { describePending, salvagePending } from './pendingSalvage'
import { writeBoardDay } from './boardWriter'
import { mendPhoneNotes } from './mendPhoneNotes'

export interface LoadedBoard {
  room: string
  doc: Y.Doc
  /** Runs a logged server edit on the board. */
  transact: (edit: (doc: Y.Doc) => void) => void
  schema: BoardSchema
  events: EventStore
  log: (line: string) => void
}

/**
 * What the server does with every board it loads, before any socket sees
 * it, in one logged edit: sets again the notes held back behind a damaged
 * stored part (see `salvagePending`), removes what the content gate would
 * refuse (see `repairBoard`), sizes phone notes stored unsized (see
 * `mendPhoneNotes`), and brings the board in line with where the day stands.
 * The second part also finishes a station change that could not switch this
 * board while it ran, and restores `meta` should anything have rewritten it.
 * What was repaired is reported by count, never by content.
 */
export function repairLoadedBoard({ room, doc, transact, schema, events, log }: LoadedBoard): void {
  const target = parseRoomName(room)
  const event = target === null ? null : events.get(target.eventId)
  transact(() => {
    const pending = salvagePending(doc, { schema })
    if (pending) log(`store pending-updates room=${room} ${describePending(pending)}`)
    const repair = repairBoard(doc, schema)
    if (repair.removedEntries + repair.removedForeign + repair.migrated > 0) {
      log(
        `board repaired room=${room} removed-entries=${repair.removedEntries} ` +
          `removed-foreign=${repair.removedForeign} migrated=${repair.migrated}`,
      )
    }
    // Phone notes stored unsized by earlier versions get the size a board gives them.
    const mended = mendPhoneNotes(doc, schema, event?.config.language ?? 'de')
    if (mended.resized > 0) {
      log(
        `board notes-mended room=${room} resized=${mended.resized} tidied-columns=${mended.tidied}`,
      )
    }
    if (event === null || !event.config.tables.some((table) => table.id === target?.tableId)) return
    const day = boardDay(event.config.stations, event.state.currentStation, event.state.timer)
    writeBoardDay(doc, schema, event.config, day)
  })
}
