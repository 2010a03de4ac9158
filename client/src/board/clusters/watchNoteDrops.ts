import { react, type Editor, type TLShapeId } from 'tldraw'

/**
 * Calls `onDrop` with the shapes that were dragged, once a drag with the
 * select tool (mouse, pen or finger) ends. tldraw has no drop event for
 * shapes, but its select tool is in `translating` exactly while shapes are
 * dragged. The call is deferred out of the reactive update that noticed it,
 * so it may change the board.
 */
export function watchNoteDrops(editor: Editor, onDrop: (dragged: TLShapeId[]) => void): () => void {
  let dragged: TLShapeId[] | null = null
  return react('note drops', () => {
    const translating = editor.isIn('select.translating')
    if (translating && dragged === null) {
      dragged = [...editor.getSelectedShapeIds()]
    } else if (!translating && dragged !== null) {
      const ids = dragged
      dragged = null
      queueMicrotask(() => onDrop(ids))
    }
  })
}
