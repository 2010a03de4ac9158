/**
 * A sticky note shaped like the records tldraw keeps in a board's `records`, so
 * the bench moves the same bytes over the wire that a moderator's edit does.
 */

import { BOARD_PAGE_ID, noteRecordJson, type NoteRecordJson } from '@tablecloth/shared'

/** What receivers need to time a note: which probe it carries and when it was written. */
export interface ProbeStamp {
  probe: string
  /** `performance.now()` of the writer; every client shares the bench process's clock. */
  sentAt: number
}

/** A bench note: a board's note record carrying its probe. */
export type NoteRecord = NoteRecordJson & { meta: { bench: ProbeStamp } }

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * A fractional index key for the n-th note. Keys with the `b` head carry two
 * base-62 digits, which orders 3844 notes above the station frames (`a…`).
 */
function noteIndex(n: number): string {
  return `b${DIGITS[Math.floor(n / 62) % 62]}${DIGITS[n % 62]}`
}

/** A new note, as written when a moderator captures what the table said. */
export function newNote(
  id: string,
  n: number,
  text: string,
  position: { x: number; y: number },
  stamp: ProbeStamp,
): NoteRecord {
  const note = noteRecordJson({
    id,
    parentId: BOARD_PAGE_ID,
    ...position,
    index: noteIndex(n),
    text,
  })
  return { ...note, meta: { bench: stamp } }
}

/** The same note dragged elsewhere: tldraw rewrites the whole record on every move. */
export function movedNote(
  note: NoteRecord,
  position: { x: number; y: number },
  stamp: ProbeStamp,
): NoteRecord {
  return { ...note, x: position.x, y: position.y, meta: { bench: stamp } }
}

/** The probe a received record carries, or null for records that are not bench notes. */
export function probeOf(record: unknown): ProbeStamp | null {
  if (typeof record !== 'object' || record === null) return null
  const meta = (record as { meta?: { bench?: unknown } }).meta
  const stamp = meta?.bench as Partial<ProbeStamp> | undefined
  if (typeof stamp?.probe !== 'string' || typeof stamp.sentAt !== 'number') return null
  return { probe: stamp.probe, sentAt: stamp.sentAt }
}
