import type { Editor, TLShape, TLShapeId, TLTextShape } from 'tldraw'
import { isClusterHeadingMeta, rectCentre, rectContainsPoint, type Rect } from '@tablecloth/shared'
import { columnMetaOf } from '../capture/stationNotes'

/**
 * Reading the board's clusters through the editor: which cluster a note
 * belongs to, where each cluster's heading is, and which column a point of
 * the page lies in.
 */

/** The cluster a note belongs to, if any. */
export function clusterIdOf(shape: TLShape): string | undefined {
  const id = shape.meta.clusterId
  return shape.type === 'note' && typeof id === 'string' && id !== '' ? id : undefined
}

/** Every cluster heading on the page, by cluster id. */
export function clusterHeadings(editor: Editor): Map<string, TLTextShape> {
  const headings = new Map<string, TLTextShape>()
  for (const shape of editor.getCurrentPageShapes()) {
    if (shape.type === 'text' && isClusterHeadingMeta(shape.meta)) {
      headings.set(shape.meta.clusterId, shape as TLTextShape)
    }
  }
  return headings
}

export function pageRect(editor: Editor, id: TLShapeId): Rect | null {
  const box = editor.getShapePageBounds(id)
  return box ? { x: box.x, y: box.y, w: box.w, h: box.h } : null
}

/** The centre of a shape on the page. */
export function pageCentre(editor: Editor, id: TLShapeId) {
  const rect = pageRect(editor, id)
  return rect ? rectCentre(rect) : null
}

/** The station column (frame) whose area holds the point, if any. */
export function columnFrameAt(editor: Editor, point: { x: number; y: number }): TLShapeId | null {
  for (const shape of editor.getCurrentPageShapes()) {
    if (!columnMetaOf(shape)) continue
    const rect = pageRect(editor, shape.id)
    if (rect && rectContainsPoint(rect, point)) return shape.id
  }
  return null
}

/** The column a note sits in, judged by its centre as the classification judges it. */
export function columnOfShape(editor: Editor, id: TLShapeId): TLShapeId | null {
  const centre = pageCentre(editor, id)
  return centre ? columnFrameAt(editor, centre) : null
}
