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
  CLUSTER_HEADING_HEIGHT,
  isClusterHeadingMeta,
  NOTE_FONT,
  NOTE_GAP,
  NOTE_SIZE,
  NOTE_TEXT_SIZE,
  placeNoteInColumn,
  stationFrameId,
  type BoardOccupant,
  type NoteColour,
} from '@tablecloth/shared'
import { clusterIdOf } from '../clusters/clusterShapes'
import { MODERATOR_MIN_ZOOM } from '../moderatorView'
import { WrappingNoteShapeUtil } from '../../canvas/notes/WrappingNoteShapeUtil'

export interface NoteToPin {
  stationId: string
  columnIndex: number
  text: string
  colour: NoteColour
}

/**
 * Pins a written note into a column of a station: into the column's frame, at
 * the first free place of the column's grid with room for its height (no
 * note is covered, never between rows or in a cluster's rows; see
 * `placeNoteInColumn`), growing the frame downwards when the grid is full so
 * the note still belongs to the column. One undoable step. Returns the
 * note's id, or null when the column's frame is not on this device's board
 * (yet).
 */
export function pinNote(editor: Editor, note: NoteToPin): TLShapeId | null {
  const frameId = stationFrameId(note.stationId, note.columnIndex) as TLShapeId
  const frame = editor.getShape<TLFrameShape>(frameId)
  const frameBounds = editor.getShapePageBounds(frameId)
  if (!frame || frame.type !== 'frame' || !frameBounds) return null

  const id = createShapeId()
  const props: Partial<TLNoteShape['props']> = {
    richText: toRichText(note.text),
    color: note.colour,
    size: NOTE_TEXT_SIZE,
    font: NOTE_FONT,
  }
  const column = { x: frameBounds.x, y: frameBounds.y, w: frameBounds.w, h: frameBounds.h }
  const { position, columnHeight } = placeNoteInColumn(
    column,
    occupants(editor),
    NOTE_SIZE + grownBy(editor, id, props),
  )
  const local = editor.getPointInShapeSpace(frameId, position)
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
      props,
    })
  })
  return id
}

/**
 * Every note and cluster heading on the page, not only the frame's children:
 * one dropped onto the column without being put into the frame must not be
 * covered either. A heading takes the line the column layout gives it.
 */
function occupants(editor: Editor): BoardOccupant[] {
  const taken: BoardOccupant[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    const heading = isClusterHeadingMeta(shape.meta) ? shape.meta.clusterId : undefined
    if (shape.type !== 'note' && heading === undefined) continue
    const bounds = editor.getShapePageBounds(shape)
    if (!bounds) continue
    const clusterId = heading ?? clusterIdOf(shape)
    const h = heading === undefined ? bounds.h : Math.max(bounds.h, CLUSTER_HEADING_HEIGHT)
    taken.push({
      bounds: { x: bounds.x, y: bounds.y, w: bounds.w, h },
      ...(clusterId && { clusterId }),
    })
  }
  return taken
}

/** How far the note will grow for its text, measured before it is placed, so its place has room. */
function grownBy(editor: Editor, id: TLShapeId, props: Partial<TLNoteShape['props']>): number {
  const util = editor.getShapeUtil('note')
  if (!(util instanceof WrappingNoteShapeUtil)) return 0
  const shape = { id, type: 'note', props: { ...util.getDefaultProps(), ...props } } as TLNoteShape
  return util.readableTextFit(shape).growY
}

/**
 * Keeps a shape in the moderator's view: when it lies outside, the camera
 * widens to show both what was in view and the shape, rather than jumping
 * away from the station the group is looking at; when that would shrink
 * note text below what a laptop shows readably, it moves over to the shape
 * at the same size instead.
 */
export function revealShape(editor: Editor, id: TLShapeId): void {
  const bounds = editor.getShapePageBounds(id)
  const viewport = editor.getViewportPageBounds()
  if (!bounds || viewport.contains(bounds)) return
  const both = Box.Common([viewport, bounds])
  const zoom = editor.getZoomLevel() * Math.min(viewport.w / both.w, viewport.h / both.h)
  if (zoom >= MODERATOR_MIN_ZOOM) {
    editor.zoomToBounds(both, { inset: 0, animation: { duration: 300 } })
    return
  }
  const margin = NOTE_GAP
  const dx =
    bounds.maxX + margin > viewport.maxX
      ? bounds.maxX + margin - viewport.maxX
      : Math.min(0, bounds.minX - margin - viewport.minX)
  const dy =
    bounds.maxY + margin > viewport.maxY
      ? bounds.maxY + margin - viewport.maxY
      : Math.min(0, bounds.minY - margin - viewport.minY)
  const camera = editor.getCamera()
  editor.setCamera(
    { x: camera.x - dx, y: camera.y - dy, z: camera.z },
    { animation: { duration: 300 } },
  )
}
