import { expect } from 'vitest'
import { REFERENCE_NOTES, REFERENCE_TABLES, type ReferenceNote } from '@tablecloth/shared/testing'
import { winnendenTemplate, type CreateEventResponse } from '@tablecloth/shared'
import { until } from './boardProvider'
import { columnFrameId, noteRecord, recordsOf, type EventBoards } from './eventBoards'

/** The board's id of a reference note: its id in the document, as a tldraw shape id. */
export const referenceShapeId = (note: ReferenceNote) => `shape:${note.id}`

/**
 * The reference day (Winnenden 2019) on real boards: the event from its
 * template, and all its 478 notes written station by station onto the
 * eleven boards, each station changed with snapshots as on the day. Each
 * note goes into the column of its question (the first column when its
 * table wrote an extra question). Resolves once the server holds every note;
 * the third station is still running.
 */
export async function seedReferenceDay(boards: EventBoards): Promise<CreateEventResponse> {
  const event = await boards.createEvent(winnendenTemplate())
  const config = winnendenTemplate()
  const tableIndex = new Map(REFERENCE_TABLES.map((table, index) => [table.id, index]))
  const writers = await Promise.all(
    REFERENCE_TABLES.map((_, index) => boards.openTable(event, index)),
  )
  // A second client per board sees each note once the server has stored it.
  const watchers = await Promise.all(
    REFERENCE_TABLES.map((_, index) => boards.openTable(event, index)),
  )

  for (let station = 0; station < config.stations.length; station++) {
    const stationId = `s${station + 1}`
    const questions = config.stations[station]!.columns
    const notes = REFERENCE_NOTES.filter((note) => note.station === station + 1)
    notes.forEach((note, slot) => {
      const board = writers[tableIndex.get(note.tableId)!]!
      const column = Math.max(0, questions.indexOf(note.question))
      const parentId = columnFrameId(board.doc, station, column)
      if (parentId === undefined) throw new Error(`no frame for ${note.id}`)
      recordsOf(board.doc).set(
        referenceShapeId(note),
        noteRecord({
          id: referenceShapeId(note),
          parentId,
          x: 40,
          y: 60 + (slot % 40) * 10,
          text: note.text,
          meta: { stationId, createdAt: '2019-07-02T09:00:00.000Z' },
        }),
      )
    })
    await Promise.all(
      watchers.map((watcher, index) => {
        const ids = notes
          .filter((note) => tableIndex.get(note.tableId) === index)
          .map(referenceShapeId)
        const records = recordsOf(watcher.doc)
        return until(watcher.doc, () => ids.every((id) => records.has(id)))
      }),
    )
    if (station === config.stations.length - 1) break
    const next = await boards.api('POST', `/api/events/${event.id}/stations/next`, {
      token: event.organiserToken,
    })
    expect(next.status).toBe(200)
    // The next station's frames are on every board before its notes go in.
    await Promise.all(
      writers.map((writer) =>
        until(writer.doc, () => columnFrameId(writer.doc, station + 1, 1) !== undefined),
      ),
    )
  }
  return event
}
