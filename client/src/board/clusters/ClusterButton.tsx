import { useLayoutEffect, useRef, useState } from 'react'
import { useEditor, useValue, type TLShapeId } from 'tldraw'
import { unionRects } from '@tablecloth/shared'
import { useT } from '../../i18n/useT'
import {
  BUTTON_INSET,
  firstFreePlace,
  obstaclesOnScreen,
  screenOf,
  screenRectOf,
} from '../capture/overlayPlacement'
import { VOTE_BUTTON_SIZE, voteButtonPlace } from '../capture/VoteOverlay'
import {
  canGroupSelection,
  canUngroupSelection,
  groupSelection,
  ungroupSelection,
} from './clusterCommands'

/** The button's height on screen, as capture.css draws it. */
const CLUSTER_BUTTON_HEIGHT = 44
/** Its width before it was first drawn: about what "Aus Gruppe lösen" takes. */
const CLUSTER_BUTTON_WIDTH = 190

/**
 * One button at the selected notes, for mouse and touch: "Gruppieren" when
 * the selection can form a cluster, "Aus Gruppe lösen" when it is one.
 * Drawn in front of the canvas below the selection's bottom-left corner, or
 * where that would cover something, inside that corner or above it: never
 * over another note, nor over the "+1" button at the bottom-right.
 */
export function ClusterButton() {
  const editor = useEditor()
  const t = useT()
  const button = useRef<HTMLButtonElement>(null)
  const [width, setWidth] = useState(CLUSTER_BUTTON_WIDTH)
  const place = useValue('cluster button', () => {
    if (!editor.isIn('select.idle')) return null
    const action = canGroupSelection(editor)
      ? 'group'
      : canUngroupSelection(editor)
        ? 'ungroup'
        : null
    const selected = editor.getSelectedShapeIds()
    const selection =
      action && unionRects(selected.map((id) => screenRectOf(editor, id)).filter((r) => r !== null))
    if (!action || !selection) return null
    const obstacles = obstaclesOnScreen(editor, new Set<TLShapeId>(selected))
    const vote = selected.length === 1 ? voteButtonPlace(editor, selected[0]!) : null
    if (vote) obstacles.push({ ...vote, ...VOTE_BUTTON_SIZE })
    const h = CLUSTER_BUTTON_HEIGHT
    const bottom = selection.y + selection.h
    const spot = firstFreePlace(
      [
        { x: selection.x, y: bottom + BUTTON_INSET },
        { x: selection.x + BUTTON_INSET, y: bottom - BUTTON_INSET - h },
        { x: selection.x, y: selection.y - BUTTON_INSET - h },
      ],
      { w: width, h },
      obstacles,
      screenOf(editor),
    )
    return spot && ({ action, left: spot.x, top: spot.y } as const)
  }, [editor, width])
  // The label's width depends on the language: measured once drawn, and the place found again.
  useLayoutEffect(() => {
    const drawn = button.current?.offsetWidth
    if (drawn && drawn !== width) setWidth(drawn)
  })
  if (!place) return null
  const group = place.action === 'group'
  return (
    <button
      ref={button}
      type="button"
      className="cluster-button"
      data-testid="cluster-button"
      aria-label={t(group ? 'cluster.groupLabel' : 'cluster.ungroupLabel')}
      style={{ left: place.left, top: place.top }}
      // Keys on the button are the button's, not the board's.
      onKeyDown={editor.markEventAsHandled}
      onKeyUp={editor.markEventAsHandled}
      onClick={() => (group ? groupSelection(editor) : ungroupSelection(editor))}
    >
      {t(group ? 'cluster.group' : 'cluster.ungroup')}
    </button>
  )
}
