import { describe, expect, it } from 'vitest'
import { NOTE_SIZE, noteSlot, stationLayout, type Rect } from '@tablecloth/shared'
import { MODERATOR_MIN_ZOOM, moderatorView } from './moderatorView'

/** The canvas of a 1366×768 laptop, between the station bar and the capture bar. */
const LAPTOP = { w: 1366, h: 500 }
const two = stationLayout(0, 2).columns
const three = stationLayout(1, 3).columns
const notes = (columns: Rect[], perColumn: number): Rect[] =>
  columns.flatMap((column) =>
    Array.from({ length: perColumn }, (_, i) => ({
      ...noteSlot(column, i),
      w: NOTE_SIZE,
      h: NOTE_SIZE,
    })),
  )
const shows = (view: { x: number; y: number; zoom: number }, rect: Rect, screen = LAPTOP) =>
  rect.x >= view.x - 0.01 &&
  rect.y >= view.y - 0.01 &&
  rect.x + rect.w <= view.x + screen.w / view.zoom + 0.01 &&
  rect.y + rect.h <= view.y + screen.h / view.zoom + 0.01

describe('moderatorView', () => {
  it('shows a new station’s columns across and its first row, no closer than the board’s own size', () => {
    const view = moderatorView(two, [], LAPTOP)!
    expect(view.zoom).toBeLessThanOrEqual(1)
    expect(view.zoom).toBeGreaterThanOrEqual(MODERATOR_MIN_ZOOM)
    for (const column of two) expect(shows(view, { ...column, h: NOTE_SIZE })).toBe(true)
  })

  it('fits the rows in use when they fit with text of 14 px or more', () => {
    const used = notes(two, 6)
    const view = moderatorView(two, used, LAPTOP)!
    expect(view.zoom * 25).toBeGreaterThanOrEqual(14)
    for (const note of used) expect(shows(view, note)).toBe(true)
  })

  it('never shrinks text below 14 px: with more rows it shows the lowest, where notes are added', () => {
    // Eight rows of grown notes, in columns grown to hold them.
    const grown = two.map((column) => ({ ...column, h: 2600 }))
    const used = grown.flatMap((column) =>
      Array.from({ length: 24 }, (_, i) => ({
        ...noteSlot(column, i % 3),
        y: column.y + 40 + Math.floor(i / 3) * 292,
        w: NOTE_SIZE,
        h: 268,
      })),
    )
    const view = moderatorView(grown, used, LAPTOP)!
    expect(view.zoom).toBe(MODERATOR_MIN_ZOOM)
    const lowest = used.reduce((a, b) => (b.y > a.y ? b : a))
    expect(shows(view, lowest)).toBe(true)
    expect(shows(view, used[0]!)).toBe(false)
  })

  it('keeps three columns across at 14 px text on a laptop', () => {
    const view = moderatorView(three, notes(three, 3), LAPTOP)!
    expect(view.zoom).toBeGreaterThanOrEqual(MODERATOR_MIN_ZOOM)
    for (const column of three) expect(shows(view, { ...column, h: NOTE_SIZE })).toBe(true)
  })

  it('has nothing to show without columns', () => {
    expect(moderatorView([], [], LAPTOP)).toBeNull()
  })
})
