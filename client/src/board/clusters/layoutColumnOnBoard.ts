import {
  createShapeId,
  toRichText,
  type Editor,
  type TLFrameShape,
  type TLShapeId,
  type TLTextShape,
} from 'tldraw'
import {
  clusterHeadingMeta,
  layoutColumn,
  rectContainsPoint,
  type LayoutNote,
} from '@tablecloth/shared'
import { clusterHeadings, clusterIdOf, pageCentre, pageRect } from './clusterShapes'

/**
 * Applies the shared column layout to one column of the board: moves its
 * notes, puts each cluster's heading above its notes (writing a heading for
 * a cluster that has none, removing those of clusters without notes), and
 * grows the frame when the column needs the room. Call inside `editor.run`.
 * Returns the heading shapes it created, by cluster id.
 */
export function layoutColumnOnBoard(
  editor: Editor,
  frameId: TLShapeId,
  newHeadingText: string,
): Map<string, TLShapeId> {
  const frame = editor.getShape<TLFrameShape>(frameId)
  const column = pageRect(editor, frameId)
  if (!frame || !column) return new Map()

  const notes: LayoutNote[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    if (shape.type !== 'note') continue
    const centre = pageCentre(editor, shape.id)
    const bounds = pageRect(editor, shape.id)
    if (!centre || !bounds || !rectContainsPoint(column, centre)) continue
    const clusterId = clusterIdOf(shape)
    notes.push({ id: shape.id, text: '', bounds, ...(clusterId && { clusterId }) })
  }
  const layout = layoutColumn(column, notes)

  if (layout.height > frame.props.h) {
    editor.updateShape<TLFrameShape>({ id: frameId, type: 'frame', props: { h: layout.height } })
  }
  // Notes dropped onto the column from elsewhere become its children, as the server writes them.
  const strays = notes
    .map((n) => n.id as TLShapeId)
    .filter((id) => editor.getShape(id)?.parentId !== frameId)
  if (strays.length > 0) editor.reparentShapes(strays, frameId)
  for (const [id, position] of layout.notes) {
    const local = editor.getPointInShapeSpace(frameId, position)
    editor.updateShape({ id: id as TLShapeId, type: 'note', x: local.x, y: local.y })
  }

  const created = new Map<string, TLShapeId>()
  const headings = clusterHeadings(editor)
  for (const [clusterId, line] of layout.headings) {
    const local = editor.getPointInShapeSpace(frameId, line)
    const existing = headings.get(clusterId)
    if (existing) {
      if (existing.parentId !== frameId) editor.reparentShapes([existing.id], frameId)
      editor.updateShape<TLTextShape>({ id: existing.id, type: 'text', x: local.x, y: local.y })
      continue
    }
    const id = createShapeId()
    editor.createShape<TLTextShape>({
      id,
      type: 'text',
      parentId: frameId,
      x: local.x,
      y: local.y,
      meta: { ...clusterHeadingMeta(clusterId) },
      props: { richText: toRichText(newHeadingText), size: 'xl', font: 'sans', autoSize: true },
    })
    created.set(clusterId, id)
  }
  return created
}

/** Removes the headings of clusters no note belongs to any more. */
export function removeOrphanHeadings(editor: Editor): void {
  const used = new Set<string>()
  for (const shape of editor.getCurrentPageShapes()) {
    const clusterId = clusterIdOf(shape)
    if (clusterId) used.add(clusterId)
  }
  const orphans = [...clusterHeadings(editor)]
    .filter(([clusterId]) => !used.has(clusterId))
    .map(([, heading]) => heading.id)
  if (orphans.length > 0) editor.deleteShapes(orphans)
}
