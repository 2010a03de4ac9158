import type * as Y from 'yjs'
import {
  createShapeId,
  type TLFrameShape,
  type TLNoteShape,
  type TLRecord,
  type TLShapeId,
} from '@tldraw/tlschema'
import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import {
  NOTE_SIZE,
  noteRecordJson,
  placeNoteInColumn,
  readBoardContents,
  stationFrameId,
  type BoardContents,
  type BoardOccupant,
  type HyphenationLanguage,
  type NoteColour,
  type NoteMeta,
  type NoteTextFit,
  type Station,
} from '@tablecloth/shared'
import { validateRecord, type BoardSchema } from './boardSchema'
import { recordsOf } from './boardWriter'
import { noteSizer } from './NoteSizer'
import { stationRecords } from './stationRecords'

/** A note a participant sent from the phone page, already checked. */
export interface PhoneNote {
  /** The station running when the note arrived, and its 0-based place in the day. */
  station: Station
  stationIndex: number
  /** 0-based column (guiding question) of that station. */
  column: number
  /** Normalised note text (see `normaliseNoteText`). */
  text: string
  /** ISO timestamp, stamped into the note's meta. */
  createdAt: string
  /** The shape id to write, from {@link phoneNoteId}. */
  id: TLShapeId
  /** The event's language, which hyphenates notes whose words do not say theirs. */
  language?: HyphenationLanguage
  /** The group that sent it from its phone link, stamped into the note's meta. */
  groupId?: string
  /** The group's colour; without it the note keeps tldraw's default yellow. */
  colour?: NoteColour
}

/**
 * The shape id of a phone note. With the phone's idempotency key the id is
 * derived from it, so a resent request finds the note it already wrote; the
 * `phone-` prefix keeps it apart from every id the board or the layout uses.
 */
export function phoneNoteId(idempotencyKey?: string): TLShapeId {
  return idempotencyKey ? createShapeId(`phone-${idempotencyKey}`) : createShapeId()
}

/**
 * Writes a phone note into its column, in one transaction: sized as the
 * moderator's board sizes its notes (text size and height measured with
 * tldraw's font, see `NoteSizer`), at the first free place of the column's
 * grid for its height (placed as the board places its own notes, never
 * between rows, in a cluster's rows or over another note), parented to the
 * frame with coordinates relative to it, and validated against tldraw's
 * schema. A column that is full grows, and a column frame someone deleted is
 * put back from the layout, so the note always lands visibly under its
 * question. Writing an id that exists already writes nothing: `created` is
 * false then.
 */
export function writePhoneNote(
  doc: Y.Doc,
  schema: BoardSchema,
  note: PhoneNote,
): { id: TLShapeId; created: boolean } {
  let created = false
  doc.transact(() => {
    const records = recordsOf(doc)
    if (records.has(note.id)) return
    const frameId = stationFrameId(note.station.id, note.column)
    const stored = records.get(frameId)
    const frame = isFrame(stored) ? stored : layoutFrame(note, frameId)
    // YKeyValue updates its map only when the transaction ends, so read the
    // board as it stands with the frame as it will be.
    const board = [...records.map.values()]
      .map((entry) => entry.val)
      .filter((r) => r.id !== frameId)
    const contents = readBoardContents([...board, frame])
    const column = contents.columns.find(
      (area) => area.stationId === note.station.id && area.columnIndex === note.column,
    )
    if (!column) throw new Error(`column frame ${frameId} carries no column meta`)
    const fit = noteSizer().fit(note.text, note.language ?? 'de')
    const placement = placeNoteInColumn(column.bounds, occupantsOf(contents), NOTE_SIZE + fit.growY)
    if (frame !== stored || placement.columnHeight > frame.props.h) {
      const h = Math.max(frame.props.h, placement.columnHeight)
      records.set(frameId, validateRecord(schema, { ...frame, props: { ...frame.props, h } }))
    }
    const record = noteRecord(note, fit, frameId, topIndexOf(board, frameId), {
      x: placement.position.x - column.bounds.x,
      y: placement.position.y - column.bounds.y,
    })
    records.set(note.id, validateRecord(schema, record))
    created = true
  })
  return { id: note.id, created }
}

/** Notes and cluster headings: what takes room in a column, with the cluster it belongs to. */
export function occupantsOf(contents: BoardContents): BoardOccupant[] {
  return [...contents.notes, ...contents.clusterHeadings].map(({ bounds, clusterId }) =>
    clusterId === undefined ? { bounds } : { bounds, clusterId },
  )
}

function noteRecord(
  note: PhoneNote,
  fit: NoteTextFit,
  frameId: string,
  below: IndexKey | null,
  position: { x: number; y: number },
): TLNoteShape {
  const meta: NoteMeta = {
    via: 'phone',
    stationId: note.station.id,
    createdAt: note.createdAt,
    ...(note.groupId !== undefined && { groupId: note.groupId }),
  }
  return noteRecordJson({
    id: note.id,
    parentId: frameId,
    ...position,
    index: getIndexAbove(below),
    text: note.text,
    meta: { ...meta },
    fit,
    ...(note.colour !== undefined && { colour: note.colour }),
  }) as TLNoteShape
}

/** The highest fractional index among the frame's children, so the new note is drawn on top. */
function topIndexOf(board: readonly TLRecord[], frameId: string): IndexKey | null {
  let top: IndexKey | null = null
  for (const record of board) {
    if (record.typeName !== 'shape' || record.parentId !== frameId) continue
    if (top === null || record.index > top) top = record.index
  }
  return top
}

/** The column frame as the layout writes it, for a board on which it was deleted. */
function layoutFrame(note: PhoneNote, frameId: string): TLFrameShape {
  const frame = stationRecords(note.station, note.stationIndex, true).find(
    (record) => record.id === frameId,
  )
  if (!isFrame(frame)) throw new Error(`the layout has no column frame ${frameId}`)
  return frame
}

function isFrame(record: TLRecord | undefined): record is TLFrameShape {
  return record?.typeName === 'shape' && record.type === 'frame'
}
