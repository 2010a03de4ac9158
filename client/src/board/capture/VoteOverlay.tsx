import { useEditor, useValue, type Editor, type TLShapeId } from 'tldraw'
import { useT } from '../../i18n/useT'
import { addVote, votesOf } from '../../canvas/noteVotes'
import {
  BUTTON_INSET,
  firstFreePlace,
  obstaclesOnScreen,
  screenOf,
  screenRectOf,
} from './overlayPlacement'

interface Badge {
  id: TLShapeId
  votes: number
  /** The note's top-right corner, in viewport pixels. */
  x: number
  y: number
  /** As strongly as the note is drawn: dimmed with an earlier station. */
  opacity: number
}

interface VoteButton {
  id: TLShapeId
  votes: number
  /** Its top-left corner, in viewport pixels (see {@link voteButtonPlace}). */
  left: number
  top: number
}

/** The "+1" button's size on screen, as capture.css draws it, for finding it a free place. */
export const VOTE_BUTTON_SIZE = { w: 52, h: 44 }

/** A badge's diameter on a note at zoom 1, in pixels; it scales with the note. */
const BADGE_SIZE = 72
/** Smallest and largest badge on screen, so a count stays readable when zoomed out. */
const BADGE_MIN = 30
const BADGE_MAX = 80

/**
 * Dot votes on the board, drawn in front of the canvas: a round count on the
 * corner of every note that has dots (moderator and projector alike), and a
 * "+1" button at the one selected note where the board can be edited, at
 * its bottom-right corner: never over another note.
 * tldraw's note shape is left as it is; this only reads `meta.votes`.
 */
export function VoteOverlay() {
  const editor = useEditor()
  const t = useT()
  const badges = useValue('dot vote badges', () => voteBadges(editor), [editor])
  const button = useValue('dot vote button', () => voteButton(editor), [editor])
  const size = useValue(
    'dot vote badge size',
    () => Math.min(BADGE_MAX, Math.max(BADGE_MIN, BADGE_SIZE * editor.getZoomLevel())),
    [editor],
  )
  return (
    <>
      {badges.map((badge) => (
        <span
          key={badge.id}
          className="vote-badge"
          data-testid="vote-badge"
          data-note-id={badge.id}
          role="img"
          aria-label={t('capture.votes', { count: badge.votes })}
          style={{
            left: badge.x - size / 2,
            top: badge.y - size / 2,
            width: size,
            height: size,
            fontSize: size * 0.5,
            opacity: badge.opacity,
          }}
        >
          {badge.votes}
        </span>
      ))}
      {button && (
        <button
          type="button"
          className="vote-button"
          data-testid="vote-button"
          aria-label={t('capture.voteLabel', { count: button.votes })}
          style={{ left: button.left, top: button.top }}
          // Keys on the button are the button's: Enter must not also start editing the note.
          onKeyDown={editor.markEventAsHandled}
          onKeyUp={editor.markEventAsHandled}
          onClick={(event) => {
            addVote(editor, [button.id])
            // A click leaves the keyboard with the board; a key press stays on the button.
            if (event.detail > 0) editor.getContainer().focus()
          }}
        >
          {t('capture.vote')}
        </button>
      )}
    </>
  )
}

function voteBadges(editor: Editor): Badge[] {
  const culled = editor.getCulledShapes()
  const badges: Badge[] = []
  for (const { id, shape, opacity } of editor.getRenderingShapes()) {
    if (shape.type !== 'note' || culled.has(id)) continue
    const votes = votesOf(shape)
    const bounds = votes > 0 ? editor.getShapePageBounds(id) : undefined
    if (!bounds) continue
    const corner = editor.pageToViewport({ x: bounds.maxX, y: bounds.minY })
    badges.push({ id, votes, x: corner.x, y: corner.y, opacity })
  }
  return badges
}

function voteButton(editor: Editor): VoteButton | null {
  const note = editor.getOnlySelectedShape()
  if (!note || note.type !== 'note' || editor.getIsReadonly()) return null
  if (!editor.isIn('select.idle')) return null
  const place = voteButtonPlace(editor, note.id)
  return place && { id: note.id, votes: votesOf(note), left: place.x, top: place.y }
}

/**
 * Where the "+1" of a note goes: below its bottom-right corner, else to its
 * right, inside its bottom-right corner or above it; the first of these on
 * screen that covers no other note or heading. Null (no button; the "+" key
 * still votes) when the board is zoomed out so far that every one would.
 */
export function voteButtonPlace(editor: Editor, id: TLShapeId): { x: number; y: number } | null {
  const note = screenRectOf(editor, id)
  if (!note) return null
  const { w, h } = VOTE_BUTTON_SIZE
  const right = note.x + note.w
  const bottom = note.y + note.h
  return firstFreePlace(
    [
      { x: right - w, y: bottom + BUTTON_INSET },
      { x: right + BUTTON_INSET, y: bottom - h },
      { x: right - BUTTON_INSET - w, y: bottom - BUTTON_INSET - h },
      { x: right - w, y: note.y - BUTTON_INSET - h },
    ],
    VOTE_BUTTON_SIZE,
    obstaclesOnScreen(editor, new Set([id])),
    screenOf(editor),
  )
}
