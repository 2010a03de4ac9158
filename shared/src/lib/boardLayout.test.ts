import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  NOTE_SIZE,
  NOTES_PER_ROW,
  cameraTarget,
  nextFreeSlot,
  noteSlot,
  slotCapacity,
  stationFrameId,
  stationHeaderId,
  stationLayout,
  stationOfPoint,
  stationShift,
  STATION_GAP,
} from './boardLayout'
import { rectCentre, rectsOverlap, type Rect } from './rect'

const stationIndex = fc.integer({ min: 0, max: 11 })
const columnCount = fc.integer({ min: 1, max: 6 })

function inside(inner: Rect, outer: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  )
}

const noteAt = (point: { x: number; y: number }): Rect => ({ ...point, w: NOTE_SIZE, h: NOTE_SIZE })

describe('stationLayout', () => {
  it('puts the columns side by side, left to right, under the heading', () => {
    fc.assert(
      fc.property(stationIndex, columnCount, (index, count) => {
        const { frame, columns, header } = stationLayout(index, count)
        expect(columns).toHaveLength(count)
        expect(inside(header, frame)).toBe(true)
        for (const [i, column] of columns.entries()) {
          expect(inside(column, frame)).toBe(true)
          expect(column.y).toBeGreaterThanOrEqual(header.y + header.h)
          const next = columns[i + 1]
          if (next) {
            expect(next.y).toBe(column.y)
            expect(next.x).toBeGreaterThan(column.x + column.w)
          }
        }
      }),
    )
  })

  it('stacks each station below the one before, without overlap, whatever their columns', () => {
    fc.assert(
      fc.property(stationIndex, columnCount, columnCount, (index, above, below) => {
        const earlier = stationLayout(index, above).frame
        const later = stationLayout(index + 1, below).frame
        expect(later.y).toBeGreaterThan(earlier.y + earlier.h)
        expect(later.x).toBe(earlier.x)
      }),
    )
  })

  it('makes every column room for rows of notes and at least fifteen of them', () => {
    const [column] = stationLayout(0, 2).columns
    expect(slotCapacity(column!)).toBeGreaterThanOrEqual(15)
    expect(noteSlot(column!, NOTES_PER_ROW - 1).y).toBe(noteSlot(column!, 0).y)
    expect(noteSlot(column!, NOTES_PER_ROW).y).toBeGreaterThan(noteSlot(column!, 0).y)
  })
})

describe('noteSlot', () => {
  const column = fc.record({
    x: fc.integer({ min: -5000, max: 5000 }),
    y: fc.integer({ min: -5000, max: 5000 }),
    w: fc.integer({ min: 300, max: 2000 }),
    h: fc.integer({ min: 300, max: 3000 }),
  })

  it('fills a column row by row with notes that stay inside and never overlap', () => {
    fc.assert(
      fc.property(column, (rect) => {
        const notes = Array.from({ length: slotCapacity(rect) }, (_, index) =>
          noteAt(noteSlot(rect, index)),
        )
        expect(notes.length).toBeGreaterThan(0)
        for (const [i, note] of notes.entries()) {
          expect(inside(note, rect)).toBe(true)
          for (const other of notes.slice(i + 1)) expect(rectsOverlap(note, other)).toBe(false)
          const next = notes[i + 1]
          if (next) expect(next.y > note.y || (next.y === note.y && next.x > note.x)).toBe(true)
        }
      }),
    )
  })

  it('continues below a full column rather than on top of its notes', () => {
    const [rect] = stationLayout(0, 1).columns
    const overflow = noteSlot(rect!, slotCapacity(rect!))
    expect(overflow.y).toBeGreaterThanOrEqual(rect!.y + rect!.h - NOTE_SIZE)
    expect(overflow.x).toBe(noteSlot(rect!, 0).x)
  })
})

describe('nextFreeSlot', () => {
  const [column] = stationLayout(1, 2).columns as [Rect, Rect]

  it('starts at the top left of an empty column', () => {
    expect(nextFreeSlot(column, [])).toEqual(noteSlot(column, 0))
  })

  it('takes the next slot after the notes already placed', () => {
    const placed = [0, 1, 2, 3].map((index) => noteAt(noteSlot(column, index)))
    expect(nextFreeSlot(column, placed)).toEqual(noteSlot(column, 4))
  })

  it('reuses the place of a note that was moved away', () => {
    const placed = [0, 1, 3].map((index) => noteAt(noteSlot(column, index)))
    expect(nextFreeSlot(column, placed)).toEqual(noteSlot(column, 2))
  })

  it('ignores notes in other columns and stations', () => {
    const elsewhere = [...stationLayout(1, 2).columns.slice(1), ...stationLayout(0, 2).columns].map(
      (rect) => noteAt(noteSlot(rect, 0)),
    )
    expect(nextFreeSlot(column, elsewhere)).toEqual(noteSlot(column, 0))
  })

  it('never puts a note on top of another, however the notes lie', () => {
    const note = fc.record({
      x: fc.integer({ min: column.x - 300, max: column.x + column.w + 100 }),
      y: fc.integer({ min: column.y - 300, max: column.y + column.h + 300 }),
      w: fc.integer({ min: 1, max: 900 }),
      h: fc.integer({ min: 1, max: 900 }),
    })
    fc.assert(
      fc.property(fc.array(note, { maxLength: 40 }), (occupied) => {
        const slot = noteAt(nextFreeSlot(column, occupied))
        for (const rect of occupied) expect(rectsOverlap(slot, rect)).toBe(false)
      }),
    )
  })
})

describe('stationOfPoint', () => {
  it('finds the station of every heading and column', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), columnCount, (index, count) => {
        const { header, columns } = stationLayout(index, count)
        expect(stationOfPoint(rectCentre(header), 6)).toBe(index)
        for (const column of columns) {
          expect(stationOfPoint(rectCentre(column), 6)).toBe(index)
          expect(stationOfPoint({ x: column.x + 10, y: column.y + column.h + 10 }, 6)).toBe(index)
        }
      }),
    )
  })

  it('knows no station above the board, below the last or left of it', () => {
    const last = stationLayout(2, 2).frame
    expect(stationOfPoint({ x: 100, y: -2000 }, 3)).toBeNull()
    expect(stationOfPoint({ x: 100, y: last.y + last.h + 2000 }, 3)).toBeNull()
    expect(stationOfPoint({ x: -50, y: 100 }, 3)).toBeNull()
  })
})

describe('cameraTarget', () => {
  it('shows the whole station with some room around it', () => {
    const { frame } = stationLayout(2, 3)
    const target = cameraTarget(2, 3)
    expect(inside(frame, target)).toBe(true)
    expect(target.w).toBeGreaterThan(frame.w)
  })
})

describe('shape ids', () => {
  it('names each column frame and heading distinctly and as tldraw shape ids', () => {
    const stations = ['s1', 's2', 'abc_-9']
    const frameIds = stations.flatMap((id) =>
      [0, 1, 2, 3, 4, 5].map((col) => stationFrameId(id, col)),
    )
    const headerIds = stations.map(stationHeaderId)
    const all = [...frameIds, ...headerIds]
    expect(new Set(all).size).toBe(all.length)
    for (const id of all) expect(id).toMatch(/^shape:[A-Za-z0-9_-]+$/)
    expect(stationFrameId('s2', 1)).toBe('shape:station-s2-col-1')
    expect(stationFrameId('s2', 1)).toBe(stationFrameId('s2', 1))
  })
})

describe('stationShift', () => {
  it('leaves a station where the layout puts it while the one above fits its band', () => {
    const first = stationLayout(0, 2)
    const bottom = Math.max(...first.columns.map((c) => c.y + c.h))
    expect(stationShift(1, bottom, 0)).toBe(0)
  })

  it('moves a station down below a column that grew, a full gap clear of it, and never up', () => {
    const first = stationLayout(0, 2)
    const grownBottom = first.columns[0]!.y + first.columns[0]!.h + 900
    const shift = stationShift(1, grownBottom, 0)
    expect(stationLayout(1, 2).frame.y + shift).toBe(grownBottom + STATION_GAP)
    // Later stations keep the move and add their own only if needed.
    const second = stationLayout(1, 2)
    const secondBottom = second.columns[0]!.y + second.columns[0]!.h + shift
    expect(stationShift(2, secondBottom, shift)).toBe(shift)
  })
})
