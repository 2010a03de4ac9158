import type * as Y from 'yjs'
import type { TLNoteShape, TLRecord } from '@tldraw/tlschema'
import {
  isClusterHeadingMeta,
  layoutColumn,
  NOTE_TEXT_MAX_LENGTH,
  noteTextLength,
  readBoardContents,
  rectCentre,
  rectContainsPoint,
  rectsOverlap,
  stationFrameId,
  type ColumnArea,
  type HyphenationLanguage,
  type LayoutNote,
  type Point,
  type Rect,
} from '@tablecloth/shared'
import { validateRecord, type BoardSchema } from './boardSchema'
import { recordsInTransaction, recordsOf } from './boardWriter'
import { noteSizer, type NoteSizer } from './NoteSizer'
import { recordProblem } from './recordCheck'

/** What mending changed, for the log. */
export interface PhoneNoteMending {
  /** Phone notes whose text size or height was set anew. */
  resized: number
  /** Columns laid out again because a resized note covered another. */
  tidied: number
}

/**
 * Sizes the phone notes of a board as the server sizes new ones (see
 * `NoteSizer`), where they were stored otherwise: written unsized by an
 * earlier version (text running over its neighbours), or sized by a board
 * that did not hyphenate. A column in which a note that grew now covers
 * another is laid out again as the moderator's board tidies it (shared
 * `layoutColumn`: reading order kept, clusters together under their
 * headings), growing the column if it must. Runs inside the caller's
 * transaction (loading a board, restoring one) and reads the records as
 * they stand in it. Other notes are left as their boards measured them.
 */
export function mendPhoneNotes(
  doc: Y.Doc,
  schema: BoardSchema,
  language: HyphenationLanguage,
  sizer: NoteSizer = noteSizer(),
): PhoneNoteMending {
  const board = recordsInTransaction(doc)
  const resized = new Set<string>()
  for (const record of board.values()) {
    const note = phoneNote(record)
    if (!note) continue
    const text = plainParagraphs(note.props.richText)
    // The phone route takes 500 characters; a longer "phone note" is no phone's, and not sized here.
    if (text === null || noteTextLength(text) > NOTE_TEXT_MAX_LENGTH) continue
    const fit = sizer.fit(text, language)
    if (fit.fontSizeAdjustment === note.props.fontSizeAdjustment && fit.growY === note.props.growY)
      continue
    const next = { ...note, props: { ...note.props, ...fit } }
    if (recordProblem(schema, next.id, next) !== null) continue
    board.set(next.id, next)
    resized.add(next.id)
  }
  if (resized.size === 0) return { resized: 0, tidied: 0 }

  const records = recordsOf(doc)
  for (const id of resized) records.set(id, board.get(id)!)
  let tidied = 0
  const contents = readBoardContents([...board.values()])
  for (const column of contents.columns) {
    const notes = contents.notes.filter((note) =>
      rectContainsPoint(column.bounds, rectCentre(note.bounds)),
    )
    if (!notes.some((note) => resized.has(note.id))) continue
    const headings = contents.clusterHeadings.filter((h) =>
      rectContainsPoint(column.bounds, rectCentre(h.bounds)),
    )
    const taken = [
      ...notes.map((note) => note.bounds),
      ...headings.map((heading) => heading.bounds),
    ]
    if (!taken.some((rect, i) => taken.slice(i + 1).some((other) => rectsOverlap(rect, other))))
      continue
    layOutColumn(doc, schema, board, column, notes, headings)
    tidied++
  }
  return { resized: resized.size, tidied }
}

/**
 * Moves a column's notes and cluster headings where the shared layout puts
 * them, and grows its frame when they need the room. Positions are turned
 * back into each shape's own coordinates (a note lies in its frame).
 */
function layOutColumn(
  doc: Y.Doc,
  schema: BoardSchema,
  board: Map<string, TLRecord>,
  column: ColumnArea,
  notes: readonly LayoutNote[],
  headings: ReadonlyArray<{ clusterId: string; bounds: Rect }>,
): void {
  const records = recordsOf(doc)
  const layout = layoutColumn(column.bounds, notes)
  const move = (id: string, from: Point, to: Point) => {
    const record = board.get(id)
    if (record?.typeName !== 'shape' || (from.x === to.x && from.y === to.y)) return
    const moved = { ...record, x: record.x + to.x - from.x, y: record.y + to.y - from.y }
    records.set(id, validateRecord(schema, moved))
  }
  for (const note of notes) {
    const to = layout.notes.get(note.id)
    if (to) move(note.id, note.bounds, to)
  }
  const headingIds = headingShapes(board)
  for (const heading of headings) {
    const to = layout.headings.get(heading.clusterId)
    const id = headingIds.get(heading.clusterId)
    if (to && id) move(id, heading.bounds, to)
  }
  const frame = board.get(stationFrameId(column.stationId, column.columnIndex))
  if (frame?.typeName === 'shape' && frame.type === 'frame' && layout.height > frame.props.h) {
    records.set(
      frame.id,
      validateRecord(schema, { ...frame, props: { ...frame.props, h: layout.height } }),
    )
  }
}

function phoneNote(record: TLRecord): TLNoteShape | null {
  return record.typeName === 'shape' && record.type === 'note' && record.meta?.via === 'phone'
    ? (record as TLNoteShape)
    : null
}

/** The cluster headings' shape ids, by cluster. */
function headingShapes(board: Map<string, TLRecord>): Map<string, string> {
  const ids = new Map<string, string>()
  for (const record of board.values()) {
    if (
      record.typeName === 'shape' &&
      record.type === 'text' &&
      isClusterHeadingMeta(record.meta)
    ) {
      ids.set(record.meta.clusterId, record.id)
    }
  }
  return ids
}

/**
 * A note's text as paragraphs of plain text, as a phone writes it; null for
 * rich text the server does not measure (lists, headings, marks), which only
 * a board can have written and measured.
 */
export function plainParagraphs(richText: unknown): string | null {
  const doc = richText as { type?: unknown; content?: unknown }
  if (doc?.type !== 'doc' || !Array.isArray(doc.content)) return null
  const lines: string[] = []
  for (const block of doc.content as Array<{ type?: unknown; content?: unknown }>) {
    if (block?.type !== 'paragraph') return null
    let line = ''
    for (const inline of (block.content ?? []) as Array<{
      type?: unknown
      text?: unknown
      marks?: unknown
    }>) {
      if (inline?.type !== 'text' || typeof inline.text !== 'string' || inline.marks !== undefined)
        return null
      line += inline.text
    }
    lines.push(line)
  }
  return lines.join('\n')
}
