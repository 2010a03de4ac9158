import type { Editor, TLShape } from 'tldraw'
import {
  classifyNotes,
  type ColumnArea,
  type ColumnFrameMeta,
  type NoteInput,
  type PlacedNote,
  type Rect,
} from '@tablecloth/shared'

/** The column meta the server writes on a station's frames, if this shape carries it. */
export function columnMetaOf(shape: TLShape): ColumnFrameMeta | null {
  const meta = shape.meta as Partial<ColumnFrameMeta>
  return shape.type === 'frame' &&
    meta.tablecloth === 'column' &&
    typeof meta.stationId === 'string' &&
    typeof meta.columnIndex === 'number'
    ? (meta as ColumnFrameMeta)
    : null
}

/**
 * The notes of one station as the board sorts them (the shared
 * classification): those in its columns and its unsorted ones, in page
 * coordinates. This is what the arrow keys walk, so they reach exactly the
 * notes the results list for the station.
 */
export function stationNotes(editor: Editor, stationId: string): PlacedNote[] {
  const columns: ColumnArea[] = []
  const notes: NoteInput[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    const box = editor.getShapePageBounds(shape)
    if (!box) continue
    const bounds: Rect = { x: box.x, y: box.y, w: box.w, h: box.h }
    const column = columnMetaOf(shape)
    if (column) {
      columns.push({ stationId: column.stationId, columnIndex: column.columnIndex, bounds })
    } else if (shape.type === 'note') {
      const written = shape.meta.stationId
      notes.push({
        id: shape.id,
        bounds,
        text: '',
        stationId: typeof written === 'string' ? written : undefined,
      })
    }
  }
  const station = classifyNotes(notes, columns).stations.find((s) => s.stationId === stationId)
  if (!station) return []
  return [...station.columns.flatMap((column) => column.notes), ...station.unsorted]
}
