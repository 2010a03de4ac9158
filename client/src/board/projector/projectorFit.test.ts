import { describe, expect, it } from 'vitest'
import { NOTE_GAP, NOTE_SIZE, noteSlot, stationLayout } from '@tablecloth/shared'
import { PROJECTOR_MARGIN, notesOfStation, projectorFitArea } from './projectorFit'

const layout = stationLayout(1, 2)
const column = layout.columns[0]!
const note = (index: number) => ({ ...noteSlot(column, index), w: NOTE_SIZE, h: NOTE_SIZE })
const bottomOf = (rect: { y: number; h: number }) => rect.y + rect.h

describe('projectorFitArea', () => {
  it('spans the heading and every column across', () => {
    const area = projectorFitArea(layout.header, layout.columns, [])
    expect(area.x).toBe(layout.frame.x - PROJECTOR_MARGIN)
    expect(area.w).toBe(layout.frame.w + 2 * PROJECTOR_MARGIN)
    expect(area.y).toBe(layout.header.y - PROJECTOR_MARGIN)
  })

  it('shows one empty row of an empty station', () => {
    const area = projectorFitArea(layout.header, layout.columns, [])
    expect(bottomOf(area) - PROJECTOR_MARGIN).toBe(bottomOf(note(0)) + 40)
  })

  it('shows the rows in use and one more', () => {
    const area = projectorFitArea(layout.header, layout.columns, [note(0), note(3)])
    expect(bottomOf(area) - PROJECTOR_MARGIN).toBe(bottomOf(note(3)) + NOTE_GAP + NOTE_SIZE + 40)
  })

  it('never goes below the columns', () => {
    const area = projectorFitArea(layout.header, layout.columns, [note(17)])
    expect(bottomOf(area) - PROJECTOR_MARGIN).toBe(bottomOf(column))
  })
})

describe('notesOfStation', () => {
  it('keeps the notes in the station’s band only', () => {
    const earlier = { ...noteSlot(stationLayout(0, 2).columns[0]!, 0), w: NOTE_SIZE, h: NOTE_SIZE }
    expect(notesOfStation([earlier, note(0)], 1, 3)).toEqual([note(0)])
  })
})
