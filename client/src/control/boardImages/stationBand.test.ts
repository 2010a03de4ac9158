import { describe, expect, it } from 'vitest'
import { NOTE_SIZE, STATION_GAP, stationLayout, type Rect } from '@tablecloth/shared'
import { IMAGE_MARGIN, stationBand, type BandShape } from './stationBand'

/** The heading and columns the server writes for station `index` with id `s<index+1>`. */
function layoutShapes(index: number, columns: number): BandShape[] {
  const layout = stationLayout(index, columns)
  const stationId = `s${index + 1}`
  return [
    {
      id: `title-${stationId}`,
      meta: { tablecloth: 'station-title', stationId, stationIndex: index },
      bounds: layout.header,
    },
    ...layout.columns.map((bounds, columnIndex) => ({
      id: `col-${stationId}-${columnIndex}`,
      meta: { tablecloth: 'column', stationId, stationIndex: index, columnIndex },
      bounds,
    })),
  ]
}

function note(id: string, x: number, y: number, stationId = 's1'): BandShape {
  return { id, meta: { stationId }, bounds: { x, y, w: NOTE_SIZE, h: NOTE_SIZE } }
}

const grow = (rect: Rect, by: number): Rect => ({
  x: rect.x - by,
  y: rect.y - by,
  w: rect.w + 2 * by,
  h: rect.h + 2 * by,
})

describe('stationBand', () => {
  it('draws a station’s heading and columns with a margin', () => {
    const shapes = [...layoutShapes(0, 2), ...layoutShapes(1, 1)]
    const band = stationBand(shapes, { id: 's1', index: 0, columnCount: 2 })
    expect(band?.shapeIds).toEqual(['title-s1', 'col-s1-0', 'col-s1-1'])
    expect(band?.bounds).toEqual(grow(stationLayout(0, 2).frame, IMAGE_MARGIN))
  })

  it('takes loose shapes by where they are, not by the station they were written in', () => {
    const second = stationLayout(1, 1)
    const shapes = [
      ...layoutShapes(0, 2),
      ...layoutShapes(1, 1),
      note('beside-first', -300, 500),
      note('moved-down', second.columns[0]!.x + 40, second.columns[0]!.y + 40, 's1'),
    ]
    expect(stationBand(shapes, { id: 's1', index: 0, columnCount: 2 })?.shapeIds).toContain(
      'beside-first',
    )
    expect(stationBand(shapes, { id: 's1', index: 0, columnCount: 2 })?.shapeIds).not.toContain(
      'moved-down',
    )
    expect(stationBand(shapes, { id: 's2', index: 1, columnCount: 1 })?.shapeIds).toContain(
      'moved-down',
    )
  })

  it('widens the picture to loose shapes beside the columns', () => {
    const band = stationBand([...layoutShapes(0, 1), note('left', -300, 500)], {
      id: 's1',
      index: 0,
      columnCount: 1,
    })
    expect(band?.bounds.x).toBe(-300 - IMAGE_MARGIN)
  })

  it('keeps everything below the last station on the board, where full columns grow', () => {
    const layout = stationLayout(0, 1).frame
    const far = layout.y + layout.h + 5 * STATION_GAP
    const grown = layoutShapes(0, 1).map((shape) =>
      shape.id === 'col-s1-0'
        ? { ...shape, bounds: { ...shape.bounds!, h: shape.bounds!.h + 600 } }
        : shape,
    )
    const band = stationBand([...grown, note('low', 40, far)], {
      id: 's1',
      index: 0,
      columnCount: 1,
    })
    expect(band?.shapeIds).toContain('low')
    expect(band!.bounds.y + band!.bounds.h).toBe(far + NOTE_SIZE + IMAGE_MARGIN)
  })

  it('has nothing to draw for a station the board has no columns for', () => {
    expect(stationBand(layoutShapes(0, 2), { id: 's2', index: 1, columnCount: 1 })).toBeNull()
  })

  it('draws whole page units', () => {
    const band = stationBand([...layoutShapes(0, 1), note('odd', 10.4, 300.6)], {
      id: 's1',
      index: 0,
      columnCount: 1,
    })
    for (const value of Object.values(band!.bounds)) expect(Number.isInteger(value)).toBe(true)
  })
})
