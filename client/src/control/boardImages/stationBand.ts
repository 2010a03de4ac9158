import { STATION_GAP, stationLayout, type Rect } from '@tablecloth/shared'

/** Space around a station's band in its image, in page units. */
export const IMAGE_MARGIN = 40

/** A shape directly on the board's page, as far as choosing a station's band needs it. */
export interface BandShape {
  id: string
  meta: Readonly<Record<string, unknown>>
  /** Its bounds on the page; undefined when tldraw cannot say. */
  bounds: Rect | undefined
}

/** The shapes that make up one station's picture, and the page area to draw. */
export interface StationBand {
  /** Shapes on the page to draw; their children (notes in columns) come with them. */
  shapeIds: string[]
  /** Whole page units, so a PNG at 2× is exactly twice the SVG's size. */
  bounds: Rect
}

/** The columns and the heading the server writes for each station. */
function layoutStationId(meta: BandShape['meta']): string | null {
  const kind = meta.tablecloth
  if (kind !== 'column' && kind !== 'station-title') return null
  return typeof meta.stationId === 'string' ? meta.stationId : null
}

/**
 * What belongs to a station's picture: its heading and columns (with the
 * notes inside them), and every other shape on the page whose centre lies in
 * the station's band. The band runs from half a station gap above the
 * station's heading down to half a gap above the next station on this board,
 * or without end when there is none yet: the last station's columns grow
 * downwards when they fill up, and that is all still this station.
 *
 * The drawn area covers the station's layout and everything chosen, plus a
 * margin. Null when the board has no columns for the station.
 */
export function stationBand(
  shapes: readonly BandShape[],
  station: { id: string; index: number; columnCount: number },
): StationBand | null {
  const own = shapes.filter((shape) => layoutStationId(shape.meta) === station.id)
  if (own.length === 0) return null

  const layout = stationLayout(station.index, station.columnCount).frame
  const top = Math.min(layout.y, ...own.flatMap((shape) => (shape.bounds ? [shape.bounds.y] : [])))
  const nextTop = Math.min(
    ...shapes.flatMap((shape) => {
      const stationId = layoutStationId(shape.meta)
      return stationId !== null && stationId !== station.id && shape.bounds && shape.bounds.y > top
        ? [shape.bounds.y]
        : []
    }),
  )
  const bandTop = top - STATION_GAP / 2
  const bandBottom = nextTop - STATION_GAP / 2

  const chosen = shapes.filter((shape) => {
    const stationId = layoutStationId(shape.meta)
    if (stationId !== null) return stationId === station.id
    if (!shape.bounds) return false
    const centreY = shape.bounds.y + shape.bounds.h / 2
    return centreY >= bandTop && centreY < bandBottom
  })

  let minX = layout.x
  let minY = layout.y
  let maxX = layout.x + layout.w
  let maxY = layout.y + layout.h
  for (const { bounds } of chosen) {
    if (!bounds || ![bounds.x, bounds.y, bounds.w, bounds.h].every(Number.isFinite)) continue
    minX = Math.min(minX, bounds.x)
    minY = Math.min(minY, bounds.y)
    maxX = Math.max(maxX, bounds.x + bounds.w)
    maxY = Math.max(maxY, bounds.y + bounds.h)
  }
  const x = Math.floor(minX - IMAGE_MARGIN)
  const y = Math.floor(minY - IMAGE_MARGIN)
  return {
    shapeIds: chosen.map((shape) => shape.id),
    bounds: { x, y, w: Math.ceil(maxX + IMAGE_MARGIN) - x, h: Math.ceil(maxY + IMAGE_MARGIN) - y },
  }
}
