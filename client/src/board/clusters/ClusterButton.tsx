import { useEditor, useValue } from 'tldraw'
import { useT } from '../../i18n/useT'
import { canGroupSelection, canUngroupSelection, groupSelection, ungroupSelection } from './clusterCommands'

/**
 * One button under the selected notes, for mouse and touch: "Gruppieren"
 * when the selection can form a cluster, "Aus Gruppe lösen" when it is one.
 * Drawn in front of the canvas at the selection's bottom-left corner, so it
 * never covers the "+1" button at the bottom-right.
 */
export function ClusterButton() {
  const editor = useEditor()
  const t = useT()
  const place = useValue(
    'cluster button',
    () => {
      if (!editor.isIn('select.idle')) return null
      const action = canGroupSelection(editor) && editor.getSelectedShapeIds().length > 1
        ? 'group'
        : canUngroupSelection(editor)
          ? 'ungroup'
          : null
      const bounds = action && editor.getSelectionPageBounds()
      if (!action || !bounds) return null
      const corner = editor.pageToViewport({ x: bounds.minX, y: bounds.maxY })
      return { action, left: corner.x, top: corner.y + 8 } as const
    },
    [editor],
  )
  if (!place) return null
  const group = place.action === 'group'
  return (
    <button
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
