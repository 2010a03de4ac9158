import { describe, expect, it } from 'vitest'
import { NOTE_GAP, NOTE_SIZE, noteSlot, stationLayout } from '@tablecloth/shared'
import {
  PROJECTOR_MARGIN,
  PROJECTOR_MIN_ZOOM,
  notesOfStation,
  projectorFitArea,
  projectorView,
  stationFitArea,
} from './projectorFit'

const layout = stationLayout(1, 2)
const column = layout.columns[0]!
const note = (index: number) => ({ ...noteSlot(column, index), w: NOTE_SIZE, h: NOTE_SIZE })
const bottomOf = (rect: { y: number; h: number }) => rect.y + rect.h

describe('projectorFitArea', () => {
  it('spans every column across, from the columns’ top (the station bar shows the heading)', () => {
    const area = projectorFitArea(layout.columns, [])
    expect(area.x).toBe(layout.frame.x - PROJECTOR_MARGIN)
    expect(area.w).toBe(layout.frame.w + 2 * PROJECTOR_MARGIN)
    expect(area.y).toBe(column.y - PROJECTOR_MARGIN)
  })

  it('shows one empty row of an empty station', () => {
    const area = projectorFitArea(layout.columns, [])
    expect(bottomOf(area) - PROJECTOR_MARGIN).toBe(bottomOf(note(0)) + 40)
  })

  it('shows the rows in use and one more', () => {
    const area = projectorFitArea(layout.columns, [note(0), note(3)])
    expect(bottomOf(area) - PROJECTOR_MARGIN).toBe(bottomOf(note(3)) + NOTE_GAP + NOTE_SIZE + 40)
  })

  it('never goes below the columns', () => {
    const area = projectorFitArea(layout.columns, [note(17)])
    expect(bottomOf(area) - PROJECTOR_MARGIN).toBe(bottomOf(column))
  })
})

describe('notesOfStation', () => {
  it('keeps the notes in the station’s band only', () => {
    const earlier = { ...noteSlot(stationLayout(0, 2).columns[0]!, 0), w: NOTE_SIZE, h: NOTE_SIZE }
    expect(notesOfStation([earlier, note(0)], 1, 3)).toEqual([note(0)])
  })
})

describe('projectorView', () => {
  const screen = { w: 1920, h: 950 }
  const zoomOf = (view: { w: number; h: number }) => Math.min(screen.w / view.w, screen.h / view.h)

  it('shows the whole area when it fits at the least zoom or larger', () => {
    const area = projectorFitArea(layout.columns, [note(0), note(3)])
    expect(projectorView(area, screen)).toEqual(area)
    expect(zoomOf(area)).toBeGreaterThanOrEqual(PROJECTOR_MIN_ZOOM)
  })

  it('keeps the least zoom for a long station and shows its bottom rows, where new notes go', () => {
    const area = projectorFitArea(layout.columns, [note(0), note(15)])
    expect(zoomOf(area)).toBeLessThan(PROJECTOR_MIN_ZOOM)
    const view = projectorView(area, screen)
    expect(zoomOf(view)).toBeCloseTo(PROJECTOR_MIN_ZOOM)
    expect(view.y + view.h).toBeCloseTo(area.y + area.h)
    expect(view.x).toBeLessThanOrEqual(area.x)
    expect(view.x + view.w).toBeGreaterThanOrEqual(area.x + area.w)
  })

  it('leaves out the empty row for new notes before it leaves out a row of notes', () => {
    // Three rows of notes fit at the least zoom; with the empty row below them they would not.
    const area = projectorFitArea(layout.columns, [note(0), note(6)])
    expect(area.spare).toBe(NOTE_GAP + NOTE_SIZE)
    expect(zoomOf(area)).toBeLessThan(PROJECTOR_MIN_ZOOM)
    const view = projectorView(area, screen)
    expect(zoomOf(view)).toBeCloseTo(PROJECTOR_MIN_ZOOM)
    expect(view.y).toBe(area.y)
    expect(view.y + view.h).toBeGreaterThanOrEqual(note(6).y + NOTE_SIZE)
  })

  it('goes below the least zoom only as far as the columns need to fit across', () => {
    const wide = stationLayout(0, 3)
    const area = projectorFitArea(wide.columns, [{ ...noteSlot(wide.columns[0]!, 15), w: NOTE_SIZE, h: NOTE_SIZE }])
    const view = projectorView(area, screen)
    expect(zoomOf(view)).toBeCloseTo(screen.w / area.w)
    expect(view.w).toBeCloseTo(area.w)
    expect(view.y + view.h).toBeCloseTo(area.y + area.h)
  })
})

describe('stationFitArea', () => {
  it('fits a station as the projector does, from the frames on the board', () => {
    const layout = stationLayout(1, 2)
    const grown = layout.columns.map((column) => ({ ...column, h: column.h + 600 }))
    const note = { ...noteSlot(grown[0]!, 0), w: NOTE_SIZE, h: NOTE_SIZE }
    const earlier = { ...noteSlot(stationLayout(0, 2).columns[0]!, 0), w: NOTE_SIZE, h: NOTE_SIZE }
    expect(stationFitArea(1, 2, 3, grown, [note, earlier])).toEqual(projectorFitArea(grown, [note]))
  })

  it('fits a station from the layout before its frames arrive', () => {
    const columns = stationLayout(0, 3).columns
    expect(stationFitArea(0, 3, 2, [], [])).toEqual(projectorFitArea(columns, []))
  })

  it('follows a column that grew past its station’s band down to its last note', () => {
    const layout = stationLayout(0, 2)
    const grown = layout.columns.map((column) => ({ ...column, h: column.h + 2000 }))
    const deep = { ...noteSlot(grown[0]!, 26), w: NOTE_SIZE, h: NOTE_SIZE }
    const area = stationFitArea(0, 2, 3, grown, [deep])
    expect(area.y + area.h).toBeGreaterThan(deep.y + deep.h)
  })
})
