import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { NOTE_SIZE, noteSlot, stationLayout } from './boardLayout'
import {
  ROW_TOLERANCE,
  classifyNotes,
  readingOrder,
  type ColumnArea,
  type NoteInput,
} from './noteClassification'
import type { Rect } from './rect'

/** The columns of a board with two stations of two and three questions. */
function boardColumns(): ColumnArea[] {
  return [
    ...stationLayout(0, 2).columns.map((bounds, columnIndex) => ({
      stationId: 's1',
      columnIndex,
      bounds,
    })),
    ...stationLayout(1, 3).columns.map((bounds, columnIndex) => ({
      stationId: 's2',
      columnIndex,
      bounds,
    })),
  ]
}

function note(id: string, x: number, y: number, extra: Partial<NoteInput> = {}): NoteInput {
  return { id, bounds: { x, y, w: NOTE_SIZE, h: NOTE_SIZE }, text: id, ...extra }
}

function inSlot(
  id: string,
  column: Rect,
  index: number,
  extra: Partial<NoteInput> = {},
): NoteInput {
  const slot = noteSlot(column, index)
  return note(id, slot.x, slot.y, extra)
}

const ids = (notes: readonly NoteInput[]) => notes.map((n) => n.id)

describe('classifyNotes', () => {
  const columns = boardColumns()
  const [s1c0, s1c1, s2c0, , s2c2] = columns.map((column) => column.bounds) as Rect[]

  it('lists every column of every station, empty ones included', () => {
    const result = classifyNotes([], columns)
    expect(result.stations.map((station) => station.stationId)).toEqual(['s1', 's2'])
    expect(result.stations.map((station) => station.columns.map((c) => c.columnIndex))).toEqual([
      [0, 1],
      [0, 1, 2],
    ])
    expect(result.stations.every((station) => station.unsorted.length === 0)).toBe(true)
    expect(result.unplaced).toEqual([])
  })

  it('puts each note in the column it lies in', () => {
    const notes = [
      inSlot('a', s1c0!, 0),
      inSlot('b', s1c1!, 0),
      inSlot('c', s2c2!, 4),
      inSlot('d', s2c0!, 1),
    ]
    const { stations } = classifyNotes(notes, columns)
    expect(stations.map((station) => station.columns.map((column) => ids(column.notes)))).toEqual([
      [['a'], ['b']],
      [['d'], [], ['c']],
    ])
  })

  it('decides by the centre when a note straddles two columns', () => {
    const mostlyRight = note('n', s1c1!.x - NOTE_SIZE / 2 + 10, s1c1!.y + 100)
    const mostlyLeft = note('m', s1c0!.x + s1c0!.w - NOTE_SIZE / 2 - 10, s1c0!.y + 400)
    const [station] = classifyNotes([mostlyRight, mostlyLeft], columns).stations
    expect(ids(station!.columns[0]!.notes)).toEqual(['m'])
    expect(ids(station!.columns[1]!.notes)).toEqual(['n'])
  })

  it('re-classifies a note that was moved to another column', () => {
    const written = inSlot('n', s1c0!, 0, { stationId: 's1' })
    const before = classifyNotes([written], columns)
    expect(ids(before.stations[0]!.columns[0]!.notes)).toEqual(['n'])

    const moved = { ...written, bounds: { ...written.bounds, ...noteSlot(s1c1!, 2) } }
    const after = classifyNotes([moved], columns)
    expect(ids(after.stations[0]!.columns[0]!.notes)).toEqual([])
    expect(ids(after.stations[0]!.columns[1]!.notes)).toEqual(['n'])

    // Dragged into a later station's column, it answers that station's question.
    const later = { ...written, bounds: { ...written.bounds, ...noteSlot(s2c2!, 0) } }
    expect(ids(classifyNotes([later], columns).stations[1]!.columns[2]!.notes)).toEqual(['n'])
  })

  it('keeps notes outside every column as unsorted in the station they were written in', () => {
    const margin = note('m', -900, 300, { stationId: 's2' })
    const between = note('b', s1c0!.x + 10, s1c0!.y + s1c0!.h + 30, { stationId: 's1' })
    const result = classifyNotes([margin, between], columns)
    expect(ids(result.stations[0]!.unsorted)).toEqual(['b'])
    expect(ids(result.stations[1]!.unsorted)).toEqual(['m'])
  })

  it('files a stray note without a station under the nearest column’s station', () => {
    const nearSecond = note('x', s2c2!.x + s2c2!.w + 300, s2c2!.y + 200)
    const result = classifyNotes([nearSecond], columns)
    expect(ids(result.stations[1]!.unsorted)).toEqual(['x'])
  })

  it('lists stations named only by notes after the board’s own, unplaced notes apart', () => {
    const result = classifyNotes(
      [note('z', 0, 0, { stationId: 'zz' }), note('y', 0, 0, { stationId: 'aa' }), note('u', 0, 0)],
      [],
    )
    expect(result.stations.map((station) => [station.stationId, ids(station.unsorted)])).toEqual([
      ['aa', ['y']],
      ['zz', ['z']],
    ])
    expect(ids(result.unplaced)).toEqual(['u'])
  })

  it('prefers the smaller column where columns overlap, then the one painted last', () => {
    const big: ColumnArea = {
      stationId: 's1',
      columnIndex: 0,
      bounds: { x: 0, y: 0, w: 1000, h: 1000 },
    }
    const small: ColumnArea = {
      stationId: 's1',
      columnIndex: 1,
      bounds: { x: 100, y: 100, w: 400, h: 400 },
    }
    const twin: ColumnArea = { ...small, columnIndex: 2 }
    const n = note('n', 150, 150)
    expect(ids(classifyNotes([n], [small, big]).stations[0]!.columns[1]!.notes)).toEqual(['n'])
    expect(ids(classifyNotes([n], [big, small]).stations[0]!.columns[1]!.notes)).toEqual(['n'])
    expect(ids(classifyNotes([n], [big, small, twin]).stations[0]!.columns[2]!.notes)).toEqual([
      'n',
    ])
  })

  it('never loses or duplicates a note, wherever notes lie', () => {
    const anyNote = fc.record({
      id: fc.uuid(),
      bounds: fc.record({
        x: fc.integer({ min: -3000, max: 6000 }),
        y: fc.integer({ min: -3000, max: 6000 }),
        w: fc.integer({ min: 1, max: 600 }),
        h: fc.integer({ min: 1, max: 600 }),
      }),
      stationId: fc.option(fc.constantFrom('s1', 's2', 's9'), { nil: undefined }),
      text: fc.string(),
    })
    fc.assert(
      fc.property(
        fc.uniqueArray(anyNote, { selector: (n) => n.id, maxLength: 60 }),
        fc.boolean(),
        (notes, withColumns) => {
          const result = classifyNotes(notes, withColumns ? columns : [])
          const placed = [
            ...result.stations.flatMap((station) => [
              ...station.columns.flatMap((column) => column.notes),
              ...station.unsorted,
            ]),
            ...result.unplaced,
          ]
          expect(ids(placed).sort()).toEqual(ids(notes).sort())
          // The notes come back as given: texts, authors and all.
          for (const n of placed) expect(notes).toContain(n)
        },
      ),
    )
  })

  it('reads a column in the order its notes were placed in slots', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 18 }).chain((count) =>
          fc.shuffledSubarray(
            Array.from({ length: count }, (_, i) => i),
            { minLength: count },
          ),
        ),
        (order) => {
          const notes = order.map((index) =>
            inSlot(`n${String(index).padStart(2, '0')}`, s2c0!, index),
          )
          const [column] = classifyNotes(notes, columns).stations[1]!.columns
          expect(ids(column!.notes)).toEqual([...ids(notes)].sort())
        },
      ),
    )
  })
})

describe('readingOrder', () => {
  it('reads rows top to bottom and each row left to right, tolerating hand-placed notes', () => {
    const wobble = ROW_TOLERANCE - 5
    const notes = [
      note('row2-left', 0, 260 + wobble),
      note('row1-right', 500, 0),
      note('row1-middle', 250, wobble),
      note('row2-right', 250, 255),
      note('row1-left', 0, 10),
    ]
    expect(ids(readingOrder(notes))).toEqual([
      'row1-left',
      'row1-middle',
      'row1-right',
      'row2-left',
      'row2-right',
    ])
  })

  it('keeps a row together when one of its notes has grown tall with text', () => {
    const tall = { ...note('tall', 0, 0), bounds: { x: 0, y: 0, w: NOTE_SIZE, h: 520 } }
    const notes = [note('next-row', 0, 600), note('beside', 250, 20), tall]
    expect(ids(readingOrder(notes))).toEqual(['tall', 'beside', 'next-row'])
  })

  it('starts a new row for a note placed clearly lower', () => {
    const notes = [note('low', 0, ROW_TOLERANCE + 30), note('high', 400, 0)]
    expect(ids(readingOrder(notes))).toEqual(['high', 'low'])
  })

  it('orders notes in the same spot by id, so every reader agrees', () => {
    const notes = [note('b', 0, 0), note('a', 0, 0), note('c', 0, 0)]
    expect(ids(readingOrder(notes))).toEqual(['a', 'b', 'c'])
    expect(ids(readingOrder([...notes].reverse()))).toEqual(['a', 'b', 'c'])
  })
})
