import { uniqueId, type Editor, type TLNoteShape, type TLShapeId } from 'tldraw'
import { CLUSTER_ID_PREFIX, rectContainsPoint, readingOrder, type Rect } from '@tablecloth/shared'
import { clusterHeadings, clusterIdOf, columnOfShape, pageCentre, pageRect } from './clusterShapes'
import { layoutColumnOnBoard, removeOrphanHeadings } from './layoutColumnOnBoard'

/**
 * Grouping notes under a heading, as one undoable step each: the notes get
 * the cluster's id in their meta, and every column involved is laid out
 * again so the cluster stands together under its heading and covers nothing.
 */

/** Text a new cluster's heading starts with, in the moderator's language. */
export type HeadingText = string

/**
 * Groups notes into a new cluster, where the first of them (in reading
 * order) stands. Returns the new heading's id, for the moderator to name it.
 */
export function groupNotes(
  editor: Editor,
  ids: readonly TLShapeId[],
  heading: HeadingText,
): TLShapeId | null {
  const notes = notesOf(editor, ids)
  if (notes.length === 0) return null
  const first = firstInReadingOrder(editor, notes)
  const column = columnOfShape(editor, first)
  if (!column) return null
  const clusterId = `${CLUSTER_ID_PREFIX}${uniqueId()}`
  let created: TLShapeId | null = null
  editor.run(() => {
    editor.markHistoryStoppingPoint('group notes')
    const touched = columnsOf(editor, notes)
    setCluster(editor, notes, clusterId)
    // Every note of the cluster goes to the first note's column.
    moveInto(editor, notes, first)
    touched.add(column)
    created = layoutColumns(editor, touched, heading).get(clusterId) ?? null
    removeOrphanHeadings(editor)
  })
  return created
}

/** Adds notes to an existing cluster, in the column its heading stands in. */
export function joinCluster(
  editor: Editor,
  ids: readonly TLShapeId[],
  clusterId: string,
  heading: HeadingText,
): void {
  const notes = notesOf(editor, ids)
  if (notes.length === 0) return
  editor.run(() => {
    editor.markHistoryStoppingPoint('join cluster')
    const touched = columnsOf(editor, notes)
    const home = clusterHeadings(editor).get(clusterId)?.id ?? memberOf(editor, clusterId, notes)
    if (home) {
      moveInto(editor, notes, home)
      const column = columnOfShape(editor, home)
      if (column) touched.add(column)
    }
    setCluster(editor, notes, clusterId)
    layoutColumns(editor, touched, heading)
    removeOrphanHeadings(editor)
  })
}

/** Takes notes out of their clusters; a cluster left without notes loses its heading. */
export function ungroupNotes(
  editor: Editor,
  ids: readonly TLShapeId[],
  heading: HeadingText,
): boolean {
  const notes = notesOf(editor, ids).filter((id) => clusterIdOf(editor.getShape(id)!) !== undefined)
  if (notes.length === 0) return false
  editor.run(() => {
    editor.markHistoryStoppingPoint('ungroup notes')
    setCluster(editor, notes, undefined)
    layoutColumns(editor, columnsOf(editor, notes), heading)
    removeOrphanHeadings(editor)
  })
  return true
}

/**
 * After notes were dragged and dropped: onto another note, they form a
 * cluster with it (or join its cluster); into a cluster's area, they join
 * it; out of their cluster's area, they leave it. Dragging a heading with
 * its notes moves the cluster. Returns a new cluster's heading, if one was
 * made. Drops that touch no cluster change nothing.
 */
export function settleDrop(
  editor: Editor,
  draggedIds: readonly TLShapeId[],
  heading: HeadingText,
): TLShapeId | null {
  const dragged = notesOf(editor, draggedIds)
  const first = dragged[0]
  const anchor = first && pageCentre(editor, first)
  if (!first || !anchor) return null
  const movedClusters = new Set(
    [...clusterHeadings(editor)].filter(([, h]) => draggedIds.includes(h.id)).map(([id]) => id),
  )
  const isDragged = new Set<TLShapeId>(dragged)

  const target = editor
    .getCurrentPageShapes()
    .find(
      (shape) =>
        shape.type === 'note' && !isDragged.has(shape.id) && contains(editor, shape.id, anchor),
    )
  if (target) {
    const clusterId = clusterIdOf(target)
    if (clusterId) {
      joinCluster(editor, dragged, clusterId, heading)
      return null
    }
    return groupNotes(editor, [target.id, ...dragged], heading)
  }

  const areas = clusterAreas(editor, isDragged)
  for (const [clusterId, area] of areas) {
    if (movedClusters.has(clusterId) || !rectContainsPoint(area, anchor)) continue
    joinCluster(editor, dragged, clusterId, heading)
    return null
  }

  const leaving = dragged.filter((id) => {
    const clusterId = clusterIdOf(editor.getShape(id)!)
    if (!clusterId || movedClusters.has(clusterId)) return false
    const area = areas.get(clusterId)
    const centre = pageCentre(editor, id)
    return !area || !centre || !rectContainsPoint(area, centre)
  })
  if (leaving.length > 0) ungroupNotes(editor, leaving, heading)
  else if (movedClusters.size > 0) {
    editor.run(() => layoutColumns(editor, columnsOf(editor, [...dragged]), heading))
  }
  return null
}

/** The area of each cluster: its heading and notes, leaving out the `excluded` notes. */
function clusterAreas(editor: Editor, excluded: ReadonlySet<TLShapeId>): Map<string, Rect> {
  const boxes = new Map<string, Rect[]>()
  const add = (clusterId: string, rect: Rect | null) => {
    if (!rect) return
    boxes.set(clusterId, [...(boxes.get(clusterId) ?? []), rect])
  }
  for (const shape of editor.getCurrentPageShapes()) {
    const clusterId = clusterIdOf(shape)
    if (clusterId && !excluded.has(shape.id)) add(clusterId, pageRect(editor, shape.id))
  }
  for (const [clusterId, heading] of clusterHeadings(editor))
    add(clusterId, pageRect(editor, heading.id))
  const areas = new Map<string, Rect>()
  for (const [clusterId, rects] of boxes) {
    const x = Math.min(...rects.map((r) => r.x))
    const y = Math.min(...rects.map((r) => r.y))
    const right = Math.max(...rects.map((r) => r.x + r.w))
    const bottom = Math.max(...rects.map((r) => r.y + r.h))
    areas.set(clusterId, { x, y, w: right - x, h: bottom - y })
  }
  return areas
}

function contains(editor: Editor, id: TLShapeId, point: { x: number; y: number }): boolean {
  const rect = pageRect(editor, id)
  return rect !== null && rectContainsPoint(rect, point)
}

function notesOf(editor: Editor, ids: readonly TLShapeId[]): TLShapeId[] {
  return ids.filter((id) => editor.getShape(id)?.type === 'note')
}

function firstInReadingOrder(editor: Editor, ids: readonly TLShapeId[]): TLShapeId {
  const placed = ids.flatMap((id) => {
    const bounds = pageRect(editor, id)
    return bounds ? [{ id, bounds, text: '' }] : []
  })
  return (readingOrder(placed)[0]?.id as TLShapeId | undefined) ?? ids[0]!
}

function columnsOf(editor: Editor, ids: readonly TLShapeId[]): Set<TLShapeId> {
  const columns = new Set<TLShapeId>()
  for (const id of ids) {
    const column = columnOfShape(editor, id)
    if (column) columns.add(column)
  }
  return columns
}

/** A note of the cluster other than the ones being added, to find the cluster's column by. */
function memberOf(
  editor: Editor,
  clusterId: string,
  adding: readonly TLShapeId[],
): TLShapeId | undefined {
  return editor
    .getCurrentPageShapes()
    .find((shape) => clusterIdOf(shape) === clusterId && !adding.includes(shape.id))?.id
}

/**
 * Sets or clears the notes' cluster. tldraw merges a partial `meta` into the
 * stored one, so leaving a cluster writes null rather than dropping the key.
 */
function setCluster(
  editor: Editor,
  ids: readonly TLShapeId[],
  clusterId: string | undefined,
): void {
  editor.updateShapes<TLNoteShape>(
    ids.map((id) => ({ id, type: 'note', meta: { clusterId: clusterId ?? null } })),
  )
}

/**
 * Puts notes that lie outside the column of `home` next to it, so the layout
 * of that column picks them up; where in the column is the layout's job.
 */
function moveInto(editor: Editor, ids: readonly TLShapeId[], home: TLShapeId): void {
  const column = columnOfShape(editor, home)
  const at = pageRect(editor, home)
  if (!column || !at) return
  for (const id of ids) {
    if (columnOfShape(editor, id) === column) continue
    const parent = editor.getShape(id)?.parentId
    const local = parent
      ? editor.getPointInShapeSpace(parent as TLShapeId, { x: at.x + 1, y: at.y + 1 })
      : at
    editor.updateShape({ id, type: 'note', x: local.x, y: local.y })
  }
}

function layoutColumns(
  editor: Editor,
  columns: ReadonlySet<TLShapeId>,
  heading: HeadingText,
): Map<string, TLShapeId> {
  const created = new Map<string, TLShapeId>()
  for (const column of columns) {
    for (const [clusterId, id] of layoutColumnOnBoard(editor, column, heading))
      created.set(clusterId, id)
  }
  return created
}
