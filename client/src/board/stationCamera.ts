import type { Editor } from 'tldraw'
import { stationLayout, type EventConfig, type Rect } from '@tablecloth/shared'
import { moderatorView } from './moderatorView'

/**
 * Moves the moderator's view to a station, as on opening the board and
 * after a station change: its columns across and the rows in use (see
 * `moderatorView`), note text never below 14 px on screen.
 */
export function showStation(
  editor: Editor,
  config: EventConfig,
  stationIndex: number,
  animate = true,
): void {
  const station = config.stations[stationIndex]
  if (!station) return
  // tldraw re-measures its container on a 200 ms throttle. The station bar and
  // the capture bar appear as the day loads, so measure now, or the station is
  // fitted into the old, taller canvas and its lower part ends up off screen.
  editor.updateViewportScreenBounds(editor.getContainer())
  const screen = editor.getViewportScreenBounds()
  const columns = columnsOnBoard(editor, stationIndex)
  const view = moderatorView(
    columns.length > 0 ? columns : stationLayout(stationIndex, station.columns.length).columns,
    notesOnBoard(editor),
    { w: screen.w, h: screen.h },
  )
  if (!view) return
  editor.setCamera(
    { x: -view.x, y: -view.y, z: view.zoom },
    animate ? { animation: { duration: 400 } } : undefined,
  )
}

/**
 * A station's columns as they are on the board: a station moves down when a
 * column above it grew (see `stationShift`), and a grown column reaches
 * further down than the layout says. Empty before the server's frames reach
 * this board.
 */
function columnsOnBoard(editor: Editor, stationIndex: number): Rect[] {
  const columns: Rect[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    const meta = shape.meta as { tablecloth?: unknown; stationIndex?: unknown }
    if (meta.stationIndex !== stationIndex || meta.tablecloth !== 'column') continue
    const box = editor.getShapePageBounds(shape)
    if (box) columns.push({ x: box.x, y: box.y, w: box.w, h: box.h })
  }
  return columns
}

function notesOnBoard(editor: Editor): Rect[] {
  const notes: Rect[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    if (shape.type !== 'note') continue
    const box = editor.getShapePageBounds(shape)
    if (box) notes.push({ x: box.x, y: box.y, w: box.w, h: box.h })
  }
  return notes
}
