import { COLUMN_PADDING, NOTE_GAP, NOTE_SIZE, notesPerRow } from './boardLayout'
import type { NoteInput } from './noteClassification'
import { clusterOrder } from './noteClusters'
import type { Point, Rect } from './rect'

/**
 * Tidies one column after the moderator grouped notes: every note keeps its
 * place in reading order, each cluster moves together under its heading,
 * and nothing covers anything. Pure: the board applies the result as one
 * undoable step.
 */

/** Height of the line a cluster's heading takes above its notes. */
export const CLUSTER_HEADING_HEIGHT = 72
/** Space between a cluster's heading and its first row of notes. */
export const CLUSTER_HEADING_GAP = 12

export interface LayoutNote extends NoteInput {
  clusterId?: string
}

export interface ColumnLayout {
  /** Top-left corner of every note, in page coordinates. */
  notes: Map<string, Point>
  /** The line each cluster's heading takes, by cluster id, in page coordinates. */
  headings: Map<string, Rect>
  /** The column's height with everything inside: its own height while that suffices. */
  height: number
}

/**
 * Lays out the notes of a column (page-space bounds; a note's height counts,
 * as tldraw grows notes with long text). Single notes fill rows of the
 * column's grid; a cluster starts a new row with its heading across the
 * column, its notes in rows below, and the next note starts a new row again.
 * Laying out a laid-out column changes nothing.
 */
export function layoutColumn(column: Rect, notes: readonly LayoutNote[]): ColumnLayout {
  const perRow = notesPerRow(column)
  const left = column.x + COLUMN_PADDING
  const rowWidth = perRow * NOTE_SIZE + (perRow - 1) * NOTE_GAP
  const placed = new Map<string, Point>()
  const headings = new Map<string, Rect>()
  let y = column.y + COLUMN_PADDING
  let slot = 0
  let rowHeight = 0
  let bottom = y

  const endRow = () => {
    if (slot === 0) return
    y += rowHeight + NOTE_GAP
    slot = 0
    rowHeight = 0
  }
  const place = (note: LayoutNote) => {
    placed.set(note.id, { x: left + slot * (NOTE_SIZE + NOTE_GAP), y })
    rowHeight = Math.max(rowHeight, note.bounds.h)
    bottom = Math.max(bottom, y + note.bounds.h)
    slot++
    if (slot === perRow) endRow()
  }

  for (const run of runsOf(clusterOrder(notes))) {
    if (run.clusterId === undefined) {
      run.notes.forEach(place)
      continue
    }
    endRow()
    headings.set(run.clusterId, { x: left, y, w: rowWidth, h: CLUSTER_HEADING_HEIGHT })
    y += CLUSTER_HEADING_HEIGHT + CLUSTER_HEADING_GAP
    bottom = Math.max(bottom, y)
    run.notes.forEach(place)
    endRow()
  }
  return {
    notes: placed,
    headings,
    height: Math.max(column.h, bottom + COLUMN_PADDING - column.y),
  }
}

/** Consecutive notes of one cluster, or one single note each. */
function runsOf(
  ordered: readonly LayoutNote[],
): Array<{ clusterId?: string; notes: LayoutNote[] }> {
  const runs: Array<{ clusterId?: string; notes: LayoutNote[] }> = []
  for (const note of ordered) {
    const last = runs[runs.length - 1]
    if (note.clusterId !== undefined && last?.clusterId === note.clusterId) last.notes.push(note)
    else
      runs.push({
        ...(note.clusterId !== undefined && { clusterId: note.clusterId }),
        notes: [note],
      })
  }
  return runs
}
