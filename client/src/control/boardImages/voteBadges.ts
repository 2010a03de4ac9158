import type { Rect } from '@tablecloth/shared'

/**
 * Dot votes in a board image. The live board draws a note's dots as a round
 * violet count on its top-right corner, in front of the canvas (`VoteOverlay`),
 * which tldraw's SVG export does not see. The images draw the same badge into
 * the exported SVG, so the PNG rasterised from it has it too.
 */

/** The badge's diameter in page units: the live board's at zoom 1. */
export const BADGE_DIAMETER = 72
/** The live board's badge colours (`.vote-badge` in capture.css; the room view's dots too). */
const BADGE_FILL = '#6741d9'
const BADGE_RING = '#ffffff'

/** One note's dots: the count, centred on the note's top-right corner (page units). */
export interface VoteBadge {
  noteId: string
  votes: number
  cx: number
  cy: number
}

/** The badges of the notes that have dots, in the order given (later ones on top). */
export function voteBadgesOf(
  notes: ReadonlyArray<{ id: string; votes: number; bounds: Rect }>,
): VoteBadge[] {
  return notes
    .filter((note) => note.votes > 0)
    .map((note) => ({
      noteId: note.id,
      votes: note.votes,
      cx: note.bounds.x + note.bounds.w,
      cy: note.bounds.y,
    }))
}

const SVG_NS = 'http://www.w3.org/2000/svg'

/**
 * The SVG with a badge per entry drawn on top of everything. tldraw's export
 * sets the `viewBox` in page units, so badges stand at their page positions.
 * `fontFamily` should name a font the SVG embeds (tldraw embeds the fonts
 * its shapes use), so the count looks the same wherever the file is opened.
 */
export function withVoteBadges(
  svg: string,
  badges: readonly VoteBadge[],
  fontFamily: string,
): string {
  if (badges.length === 0) return svg
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
  const root = doc.documentElement
  if (root.localName !== 'svg' || doc.getElementsByTagName('parsererror').length > 0) {
    throw new Error('the exported board image is no SVG')
  }
  const layer = doc.createElementNS(SVG_NS, 'g')
  layer.setAttribute('data-tablecloth', 'vote-badges')
  const radius = BADGE_DIAMETER / 2
  for (const badge of badges) {
    const group = doc.createElementNS(SVG_NS, 'g')
    group.setAttribute('data-tablecloth', 'vote-badge')
    group.setAttribute('data-note-id', badge.noteId)
    group.setAttribute('data-votes', String(badge.votes))
    const circle = doc.createElementNS(SVG_NS, 'circle')
    circle.setAttribute('cx', String(badge.cx))
    circle.setAttribute('cy', String(badge.cy))
    circle.setAttribute('r', String(radius - 1))
    circle.setAttribute('fill', BADGE_FILL)
    circle.setAttribute('stroke', BADGE_RING)
    circle.setAttribute('stroke-width', '3')
    const count = doc.createElementNS(SVG_NS, 'text')
    count.setAttribute('x', String(badge.cx))
    count.setAttribute('y', String(badge.cy))
    count.setAttribute('text-anchor', 'middle')
    count.setAttribute('dominant-baseline', 'central')
    count.setAttribute('fill', BADGE_RING)
    count.setAttribute('font-family', fontFamily)
    count.setAttribute('font-weight', 'bold')
    // Two digits still fit the circle; three (a hundred dots) shrink.
    const digits = String(badge.votes).length
    count.setAttribute('font-size', String(digits > 2 ? radius * 0.75 : radius))
    count.textContent = String(badge.votes)
    group.append(circle, count)
    layer.append(group)
  }
  root.append(layer)
  return new XMLSerializer().serializeToString(doc)
}
