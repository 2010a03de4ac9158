import type { Editor, TLShapeId } from 'tldraw'
import { isClusterHeadingMeta, rectsOverlap, type Point, type Rect } from '@tablecloth/shared'

/**
 * Where a button drawn in front of the board (the "+1" of a note, the
 * "Gruppieren" of a selection) may go without covering another note: the
 * first of its candidate places, in the order the caller prefers them, that
 * lies on `screen` and whose rectangle overlaps no note and no cluster
 * heading but those it is about. Rectangles are in the editor's viewport pixels.
 */
export function firstFreePlace(
  candidates: readonly Point[],
  size: { w: number; h: number },
  obstacles: readonly Rect[],
  screen: Rect | null = null,
): Point | null {
  const onScreen = (place: Point) =>
    screen === null ||
    (place.x >= screen.x &&
      place.y >= screen.y &&
      place.x + size.w <= screen.x + screen.w &&
      place.y + size.h <= screen.y + screen.h)
  return (
    candidates.find(
      (place) =>
        onScreen(place) && !obstacles.some((rect) => rectsOverlap(rect, { ...place, ...size })),
    ) ?? null
  )
}

/** The editor's viewport, in its own pixels. */
export function screenOf(editor: Editor): Rect {
  const { w, h } = editor.getViewportScreenBounds()
  return { x: 0, y: 0, w, h }
}

/** The notes and cluster headings drawn on screen, in viewport pixels, but the given ones. */
export function obstaclesOnScreen(editor: Editor, except: ReadonlySet<TLShapeId>): Rect[] {
  const culled = editor.getCulledShapes()
  const rects: Rect[] = []
  for (const { id, shape } of editor.getRenderingShapes()) {
    if (except.has(id) || culled.has(id)) continue
    if (shape.type !== 'note' && !isClusterHeadingMeta(shape.meta)) continue
    const rect = screenRectOf(editor, id)
    if (rect) rects.push(rect)
  }
  return rects
}

/** A shape's rectangle on screen, in viewport pixels. */
export function screenRectOf(editor: Editor, id: TLShapeId): Rect | null {
  const bounds = editor.getShapePageBounds(id)
  if (!bounds) return null
  const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
  const bottomRight = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY })
  return { x: topLeft.x, y: topLeft.y, w: bottomRight.x - topLeft.x, h: bottomRight.y - topLeft.y }
}

/** Space between a button and the edge of what it belongs to, in pixels. */
export const BUTTON_INSET = 6
