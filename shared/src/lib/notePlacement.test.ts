import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  COLUMN_PADDING,
  NOTE_GAP,
  NOTE_SIZE,
  noteSlot,
  slotCapacity,
  stationLayout,
} from './boardLayout'
import {
  CLUSTER_HEADING_GAP,
  CLUSTER_HEADING_HEIGHT,
  layoutColumn,
  type LayoutNote,
} from './columnLayout'
import { readingOrder } from './noteClassification'
import { noteInDirection, noteRows, placeNoteInColumn, type PlacedNote } from './notePlacement'
import { rectsOverlap, type Rect } from './rect'

const column = stationLayout(0, 2).columns[0]!
const nextColumn = stationLayout(0, 2).columns[1]!
const noteAt = (point: { x: number; y: number }): Rect => ({ ...point, w: NOTE_SIZE, h: NOTE_SIZE })

function inside(inner: Rect, outer: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  )
}

/** Fills a column note by note, as the capture bar does, growing it when asked to. */
function fill(count: number, start: Rect = column): { column: Rect; notes: Rect[] } {
  let current = start
  const notes: Rect[] = []
  for (let i = 0; i < count; i++) {
    const placement = placeNoteInColumn(current, notes)
    current = { ...current, h: placement.columnHeight }
    notes.push(noteAt(placement.position))
  }
  return { column: current, notes }
}

describe('placeNoteInColumn', () => {
  it('fills the grid left to right, top to bottom, without growing a column that has room', () => {
    const { column: after, notes } = fill(4)
    expect(after).toEqual(column)
    expect(notes.map(({ x, y }) => ({ x, y }))).toEqual(
      [0, 1, 2, 3].map((i) => noteSlot(column, i)),
    )
  })

  it('never overlaps a note and always keeps the note inside the column, growing it downwards', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: slotCapacity(column) + 8 }), (count) => {
        const { column: after, notes } = fill(count)
        expect(after.x).toBe(column.x)
        expect(after.y).toBe(column.y)
        expect(after.w).toBe(column.w)
        for (const [i, note] of notes.entries()) {
          expect(inside(note, after)).toBe(true)
          for (const other of notes.slice(i + 1)) expect(rectsOverlap(note, other)).toBe(false)
        }
      }),
    )
  })

  it('grows a full column by one row, keeping the padding below the new note', () => {
    const { column: full } = fill(slotCapacity(column))
    expect(full.h).toBe(column.h)
    const placement = placeNoteInColumn(full, fill(slotCapacity(column)).notes)
    expect(placement.columnHeight).toBe(column.h + NOTE_SIZE + NOTE_GAP)
    expect(placement.position.y + NOTE_SIZE + COLUMN_PADDING).toBe(
      column.y + placement.columnHeight,
    )
  })

  it('steps around notes that grew with their text, and starts a new row below the tallest', () => {
    const tall = { ...noteAt(noteSlot(column, 0)), h: NOTE_SIZE * 2 }
    const placement = placeNoteInColumn(column, [tall, noteAt(noteSlot(column, 1))])
    expect(placement.position).toEqual(noteSlot(column, 2))
    const next = placeNoteInColumn(column, [
      tall,
      noteAt(noteSlot(column, 1)),
      noteAt(noteSlot(column, 2)),
    ])
    // Never between rows: the next row starts below the tall note, at the left.
    expect(next.position).toEqual({ x: noteSlot(column, 0).x, y: tall.y + tall.h + NOTE_GAP })
  })

  it('reuses a place freed in a row', () => {
    const placed = [0, 1, 3, 4].map((i) => noteAt(noteSlot(column, i)))
    expect(placeNoteInColumn(column, placed).position).toEqual(noteSlot(column, 2))
  })

  it('keeps a tall note out of a free place whose row is too short for it', () => {
    const placed = [0, 1, 3, 4, 5].map((i) => noteAt(noteSlot(column, i)))
    const placement = placeNoteInColumn(column, placed, NOTE_SIZE + 68)
    expect(placement.position).toEqual(noteSlot(column, 6))
  })

  it('never puts a note into the rows of a cluster or beside its heading', () => {
    const top = noteSlot(column, 0).y
    const heading = {
      bounds: {
        x: noteSlot(column, 0).x,
        y: top,
        w: 3 * NOTE_SIZE + 2 * NOTE_GAP,
        h: CLUSTER_HEADING_HEIGHT,
      },
      clusterId: 'cluster:a',
    }
    const y = top + CLUSTER_HEADING_HEIGHT + CLUSTER_HEADING_GAP
    const clustered = { bounds: noteAt({ x: noteSlot(column, 0).x, y }), clusterId: 'cluster:a' }
    const placement = placeNoteInColumn(column, [heading, clustered])
    expect(placement.position).toEqual({ x: noteSlot(column, 0).x, y: y + NOTE_SIZE + NOTE_GAP })
    // The next note joins that row of single notes.
    const single = { bounds: noteAt(placement.position) }
    expect(placeNoteInColumn(column, [heading, clustered, single]).position).toEqual({
      x: noteSlot(column, 1).x,
      y: placement.position.y,
    })
  })

  it('fills a column with notes of every height in rows without overlaps, as the layout tidies it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 170 }), { minLength: 1, maxLength: 30 }),
        (grows) => {
          let current = column
          const notes: LayoutNote[] = []
          for (const [i, growY] of grows.entries()) {
            const h = NOTE_SIZE + growY
            const placement = placeNoteInColumn(
              current,
              notes.map((note) => note.bounds),
              h,
            )
            current = { ...current, h: placement.columnHeight }
            notes.push({
              id: `n${i}`,
              text: '',
              bounds: { ...placement.position, w: NOTE_SIZE, h },
            })
          }
          for (const [i, note] of notes.entries()) {
            expect(inside(note.bounds, current)).toBe(true)
            for (const other of notes.slice(i + 1))
              expect(rectsOverlap(note.bounds, other.bounds)).toBe(false)
          }
          // Written in order into an empty column, the notes stand where the tidy layout puts them.
          const tidy = layoutColumn(column, notes)
          for (const note of notes)
            expect(tidy.notes.get(note.id)).toEqual({ x: note.bounds.x, y: note.bounds.y })
        },
      ),
    )
  })

  it('ignores notes in the neighbouring column', () => {
    const neighbour = noteAt(noteSlot(nextColumn, 0))
    expect(placeNoteInColumn(column, [neighbour]).position).toEqual(noteSlot(column, 0))
  })
})

const note = (id: string, x: number, y: number, h = NOTE_SIZE): PlacedNote => ({
  id,
  bounds: { x, y, w: NOTE_SIZE, h },
})

/**
 * Two columns, as the moderator sees them:
 *
 *   a  b  c  |  g
 *   d  e     |  h  i
 *   f        |
 */
const pitch = NOTE_SIZE + NOTE_GAP
const left = column.x + COLUMN_PADDING
const right = nextColumn.x + COLUMN_PADDING
const top = column.y + COLUMN_PADDING
const wall = [
  note('a', left, top),
  note('b', left + pitch, top + 12),
  note('c', left + 2 * pitch, top - 8),
  note('d', left, top + pitch),
  note('e', left + pitch, top + pitch),
  note('f', left, top + 2 * pitch),
  note('g', right, top + 20),
  note('h', right, top + pitch),
  note('i', right + pitch, top + pitch),
]
const walk = (from: string | null, ...steps: Array<'left' | 'right' | 'up' | 'down'>) =>
  steps.reduce<string | null>((at, step) => noteInDirection(wall, at, step), from)

describe('noteRows', () => {
  it('groups notes that are roughly level into one row, across columns', () => {
    expect(noteRows(wall).map((row) => row.map((n) => n.id).join(''))).toEqual([
      'abcg',
      'dehi',
      'f',
    ])
  })

  it('reads the same as the classification’s reading order', () => {
    const placed = fc.array(
      fc.record({ x: fc.integer({ min: 0, max: 2000 }), y: fc.integer({ min: 0, max: 2000 }) }),
      { maxLength: 30 },
    )
    fc.assert(
      fc.property(placed, (points) => {
        const notes = points.map((p, i) => ({ ...note(`n${i}`, p.x, p.y), text: '' }))
        expect(
          noteRows(notes)
            .flat()
            .map((n) => n.id),
        ).toEqual(readingOrder(notes).map((n) => n.id))
      }),
    )
  })
})

describe('noteInDirection', () => {
  it('starts at the first note going right or down, at the last going left or up', () => {
    expect(walk(null, 'right')).toBe('a')
    expect(walk(null, 'down')).toBe('a')
    expect(walk(null, 'left')).toBe('f')
    expect(walk(null, 'up')).toBe('f')
    expect(walk('shape:somewhere-else', 'right')).toBe('a')
  })

  it('steps left and right within a row, on into the next column, and stops at its ends', () => {
    expect(walk('a', 'right')).toBe('b')
    expect(walk('a', 'right', 'right', 'right')).toBe('g')
    expect(walk('g', 'right')).toBe('g')
    expect(walk('a', 'left')).toBe('a')
    expect(walk('i', 'left', 'left')).toBe('e')
  })

  it('goes up and down to the horizontally nearest note of the next row and stops at the edges', () => {
    expect(walk('a', 'down', 'down')).toBe('f')
    expect(walk('f', 'down')).toBe('f')
    expect(walk('c', 'down')).toBe('e')
    expect(walk('i', 'up')).toBe('g')
    expect(walk('f', 'up', 'up', 'up')).toBe('a')
  })

  it('has nothing to select on an empty station', () => {
    expect(noteInDirection([], null, 'right')).toBeNull()
    expect(noteInDirection([], 'shape:x', 'up')).toBeNull()
  })

  it('reaches every note from the first one', () => {
    const reached = new Set<string>()
    const visit = (id: string) => {
      if (reached.has(id)) return
      reached.add(id)
      for (const step of ['left', 'right', 'up', 'down'] as const) visit(walk(id, step)!)
    }
    visit('a')
    expect([...reached].sort()).toEqual(wall.map((n) => n.id).sort())
  })
})
