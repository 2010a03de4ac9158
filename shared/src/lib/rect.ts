/**
 * Axis-aligned rectangles and points in tldraw page coordinates, as plain data.
 * Board layout, note placement and note classification all speak this shape,
 * so the server, the client and the results export agree on every pixel.
 */

/** A point on the board, in page coordinates (y grows downwards, as in tldraw). */
export interface Point {
  x: number
  y: number
}

/** An axis-aligned rectangle: top-left corner plus width and height. */
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

/** The centre of a rectangle. */
export function rectCentre(rect: Rect): Point {
  return { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 }
}

/** The area of a rectangle; degenerate rectangles have area 0. */
export function rectArea(rect: Rect): number {
  return Math.max(0, rect.w) * Math.max(0, rect.h)
}

/** Whether a point lies inside a rectangle; points on the edge count as inside. */
export function rectContainsPoint(rect: Rect, point: Point): boolean {
  return (
    point.x >= rect.x &&
    point.x <= rect.x + rect.w &&
    point.y >= rect.y &&
    point.y <= rect.y + rect.h
  )
}

/**
 * Whether two rectangles share some area. Rectangles that only touch along an
 * edge do not overlap: notes laid out edge to edge are not on top of each other.
 */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/** The distance from a point to the nearest point of a rectangle; 0 when inside. */
export function distanceToRect(rect: Rect, point: Point): number {
  const dx = Math.max(rect.x - point.x, 0, point.x - (rect.x + rect.w))
  const dy = Math.max(rect.y - point.y, 0, point.y - (rect.y + rect.h))
  return Math.hypot(dx, dy)
}

/** A rectangle grown by `margin` on every side (shrunk when negative). */
export function expandRect(rect: Rect, margin: number): Rect {
  return { x: rect.x - margin, y: rect.y - margin, w: rect.w + 2 * margin, h: rect.h + 2 * margin }
}

/** The smallest rectangle holding all of `rects`, or null for none. */
export function unionRects(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null
  const left = Math.min(...rects.map((r) => r.x))
  const top = Math.min(...rects.map((r) => r.y))
  const right = Math.max(...rects.map((r) => r.x + r.w))
  const bottom = Math.max(...rects.map((r) => r.y + r.h))
  return { x: left, y: top, w: right - left, h: bottom - top }
}
