import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NOTE_SIZE, stationLayout } from './boardLayout'
import { CLUSTER_HEADING_HEIGHT, layoutColumn, type LayoutNote } from './columnLayout'
import { readingOrder } from './noteClassification'
import { rectsOverlap, type Rect } from './rect'

const column = stationLayout(0, 2).columns[0]!

function note(id: string, x: number, y: number, clusterId?: string, h = NOTE_SIZE): LayoutNote {
  return { id, text: id, bounds: { x, y, w: NOTE_SIZE, h }, ...(clusterId && { clusterId }) }
}

/** The notes moved to where the layout puts them. */
function applied(notes: readonly LayoutNote[]): LayoutNote[] {
  const layout = layoutColumn(column, notes)
  return notes.map((n) => ({ ...n, bounds: { ...n.bounds, ...layout.notes.get(n.id)! } }))
}

describe('layoutColumn', () => {
  it('puts a cluster under its heading where its first note stood, and starts the next note on a new row', () => {
    const notes = [
      note('a', column.x + 40, column.y + 40),
      note('b', column.x + 264, column.y + 40, 'kurse'),
      note('c', column.x + 488, column.y + 40),
      note('d', column.x + 40, column.y + 264, 'kurse'),
    ]
    const layout = layoutColumn(column, notes)
    const heading = layout.headings.get('kurse')!
    const at = (id: string) => layout.notes.get(id)!

    // 'a' keeps its place; the cluster starts a row of its own below it.
    expect(at('a')).toEqual({ x: column.x + 40, y: column.y + 40 })
    expect(heading.y).toBeGreaterThanOrEqual(at('a').y + NOTE_SIZE)
    expect(heading.h).toBe(CLUSTER_HEADING_HEIGHT)
    // Both cluster notes side by side under the heading, in reading order.
    expect(at('b').y).toBeGreaterThanOrEqual(heading.y + heading.h)
    expect(at('d').y).toBe(at('b').y)
    expect(at('d').x).toBeGreaterThan(at('b').x)
    // The single note after the cluster begins a new row below it.
    expect(at('c').x).toBe(column.x + 40)
    expect(at('c').y).toBeGreaterThanOrEqual(at('b').y + NOTE_SIZE)
  })

  it('grows the column when the cluster needs more room than it has, and keeps its height otherwise', () => {
    const few = layoutColumn(column, [note('a', column.x, column.y, 'x')])
    expect(few.height).toBe(column.h)
    const many = Array.from({ length: 18 }, (_, i) =>
      note(`n${i}`, column.x, column.y + i, i % 2 ? 'x' : 'y'),
    )
    const layout = layoutColumn(column, many)
    expect(layout.height).toBeGreaterThan(column.h)
    const lowest = Math.max(...[...layout.notes.values()].map((p) => p.y + NOTE_SIZE))
    expect(column.y + layout.height).toBeGreaterThan(lowest)
  })

  it('makes a row as tall as its tallest note', () => {
    const layout = layoutColumn(column, [
      note('tall', column.x, column.y, undefined, 320),
      note('b', column.x + 300, column.y),
      note('c', column.x + 600, column.y),
      note('d', column.x, column.y + 400),
    ])
    expect(layout.notes.get('d')!.y).toBeGreaterThanOrEqual(layout.notes.get('tall')!.y + 320)
  })

  const notesArbitrary: fc.Arbitrary<NoteSpec[]> = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      x: fc.integer({ min: 0, max: 700 }),
      y: fc.integer({ min: 0, max: 2000 }),
      growY: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 300 })),
      cluster: fc.option(fc.constantFrom('k1', 'k2', 'k3'), { nil: undefined }),
    }),
    { selector: (n: NoteSpec) => n.id, maxLength: 30 },
  )
  type NoteSpec = { id: string; x: number; y: number; growY: number; cluster: string | undefined }
  const toNotes = (specs: readonly NoteSpec[]) =>
    specs.map((s) => note(s.id, column.x + s.x, column.y + s.y, s.cluster, NOTE_SIZE + s.growY))

  it('covers nothing: no note overlaps another note or a heading, and all stay inside the column width', () => {
    fc.assert(
      fc.property(notesArbitrary, (specs) => {
        const notes = toNotes(specs)
        const layout = layoutColumn(column, notes)
        const rects: Rect[] = [
          ...notes.map((n: LayoutNote) => ({ ...n.bounds, ...layout.notes.get(n.id)! })),
          ...layout.headings.values(),
        ]
        for (const [i, a] of rects.entries()) {
          expect(a.x).toBeGreaterThanOrEqual(column.x)
          expect(a.x + a.w).toBeLessThanOrEqual(column.x + column.w)
          expect(a.y + a.h).toBeLessThanOrEqual(column.y + layout.height)
          for (const b of rects.slice(i + 1)) expect(rectsOverlap(a, b)).toBe(false)
        }
      }),
    )
  })

  it('keeps every cluster together: read row by row, its notes follow each other', () => {
    fc.assert(
      fc.property(notesArbitrary, (specs) => {
        const order = readingOrder(applied(toNotes(specs))).map((n) => n.clusterId)
        const seen = new Set<string>()
        for (const [i, id] of order.entries()) {
          if (id === undefined || order[i - 1] === id) continue
          expect(seen.has(id)).toBe(false)
          seen.add(id)
        }
      }),
    )
  })

  it('changes nothing when laid out again', () => {
    fc.assert(
      fc.property(notesArbitrary, (specs) => {
        const once = applied(toNotes(specs))
        const twice = applied(once)
        expect(twice).toEqual(once)
      }),
    )
  })
})
