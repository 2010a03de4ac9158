import type { Editor, TLNoteShape, TLShape } from 'tldraw'
import { WrappingNoteShapeUtil } from './WrappingNoteShapeUtil'

/**
 * Sizes notes that arrive from elsewhere unmeasured. The server writes phone
 * notes without measuring their text (it has no fonts), so a long one would
 * spill out of its note. The moderator's board measures each as it arrives,
 * as its own notes are measured (see `WrappingNoteShapeUtil`), and grows it; every moderator board computes the same height, so two of
 * them doing it at once agree. Not an undoable step of the moderator's.
 */
export function fitArrivingNotes(editor: Editor): () => void {
  const util = editor.getShapeUtil('note')
  if (!(util instanceof WrappingNoteShapeUtil)) return () => {}
  const pending = new Set<TLNoteShape>()
  let scheduled = false

  const fit = () => {
    scheduled = false
    const updates = [...pending].flatMap((note) => {
      const current = editor.getShape<TLNoteShape>(note.id)
      if (!current || current.props.growY !== 0) return []
      const fit = util.readableTextFit(current)
      const unchanged = fit.growY === 0 && fit.fontSizeAdjustment === (current.props.fontSizeAdjustment ?? 1)
      return unchanged ? [] : [{ id: current.id, type: 'note' as const, props: { ...fit } }]
    })
    pending.clear()
    if (updates.length > 0 && !editor.getIsReadonly()) {
      editor.run(() => editor.updateShapes(updates), { history: 'ignore' })
    }
  }

  return editor.sideEffects.registerAfterCreateHandler('shape', (shape: TLShape, source) => {
    if (source !== 'remote' || shape.type !== 'note' || shape.meta.via !== 'phone') return
    pending.add(shape as TLNoteShape)
    // Not inside the store's change: the remote merge is still being applied.
    if (!scheduled) {
      scheduled = true
      queueMicrotask(fit)
    }
  })
}
