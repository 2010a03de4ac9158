import { useEffect } from 'react'
import type { Editor } from 'tldraw'
import { settleDraggedNotes } from './clusterCommands'
import { watchNoteDrops } from './watchNoteDrops'

/**
 * Clusters on the moderator's board: a note dropped onto another note, or
 * into a cluster, joins it; one dragged out of its cluster leaves it. The
 * projector only shows what this board writes.
 */
export function useClusters(editor: Editor | null): void {
  useEffect(() => {
    if (!editor) return
    const stopDrops = watchNoteDrops(editor, (dragged) => {
      if (!editor.getIsReadonly()) settleDraggedNotes(editor, dragged)
    })
    return stopDrops
  }, [editor])
}
