import {
  Box,
  createShapeId,
  toRichText,
  type Editor,
  type TLFrameShape,
  type TLNoteShape,
  type TLShapeId,
} from 'tldraw'
import {
  isClusterHeadingMeta,
  NOTE_FONT,
  NOTE_TEXT_SIZE,
  placeNoteInColumn, stationFrameId, type NoteColour, type Rect } from '@tablecloth/shared'


export interface NoteToPin {
  stationId: string
  columnIndex: number
  text: string
  colour: NoteColour
}

/**
 * Pins a written note into a column of a station: into the column's frame, at
 * the first free place of the column's grid (no note is covered), growing the
 * frame downwards when the grid is full so the note still belongs to the
 * column. One undoable step. Returns the note's id, or null when the column's
 * frame is not on this device's board (yet).
 */
export function pinNote(editor: Editor, note: NoteToPin): TLShapeId | null {
  const frameId = stationFrameId(note.stationId, note.columnIndex) as TLShapeId
  const frame = editor.getShape<TLFrameShape>(frameId)
  const frameBounds = editor.getShapePageBounds(frameId)
  if (!frame || frame.type !== 'frame' || !frameBounds) return null

  // Every note and cluster heading on the page, not only the frame's children: one dropped onto
  // the column without being put into the frame must not be covered either.
  const occupied: Rect[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    if (shape.type !== 'note' && !isClusterHeadingMeta(shape.meta)) continue
    const bounds = editor.getShapePageBounds(shape)
    if (bounds) occupied.push({ x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h })
  }
  const column = { x: frameBounds.x, y: frameBounds.y, w: frameBounds.w, h: frameBounds.h }
  const { position, columnHeight } = placeNoteInColumn(column, occupied)
  const local = editor.getPointInShapeSpace(frameId, position)
  const id = createShapeId()
  editor.run(() => {
    editor.markHistoryStoppingPoint('pin note')
    if (columnHeight > frame.props.h) {
      editor.updateShape<TLFrameShape>({ id: frameId, type: 'frame', props: { h: columnHeight } })
    }
    editor.createShape<TLNoteShape>({
      id,
      type: 'note',
      parentId: frameId,
      x: local.x,
      y: local.y,
      props: {
        richText: toRichText(note.text),
        color: note.colour,
        size: NOTE_TEXT_SIZE,
        font: NOTE_FONT,
      },
    })
  })
  return id
}

/**
 * Keeps a shape in the moderator's view: when it lies outside, the camera
 * widens to show both what was in view and the shape, rather than jumping
 * away from the station the group is looking at.
 */
export function revealShape(editor: Editor, id: TLShapeId): void {
  const bounds = editor.getShapePageBounds(id)
  const viewport = editor.getViewportPageBounds()
  if (!bounds || viewport.contains(bounds)) return
  editor.zoomToBounds(Box.Common([viewport, bounds]), { animation: { duration: 300 } })
}
