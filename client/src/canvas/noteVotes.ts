import type { Editor, TLShape, TLShapeId } from 'tldraw'

/**
 * Dot votes live on the note itself, in `meta.votes`, which is what results
 * and exports read (`readBoardContents`). Two devices voting on one note in
 * the same instant may count once: the board syncs whole records.
 */
export function votesOf(shape: TLShape): number {
  const votes = shape.meta.votes
  return typeof votes === 'number' && votes > 0 ? Math.floor(votes) : 0
}

/** Gives each of these notes one more dot, as one step the moderator can undo. */
export function addVote(editor: Editor, ids: readonly TLShapeId[]): void {
  if (editor.getIsReadonly()) return
  const notes = ids
    .map((id) => editor.getShape(id))
    .filter((shape): shape is TLShape => shape?.type === 'note')
  if (notes.length === 0) return
  editor.run(() => {
    editor.markHistoryStoppingPoint('add dot vote')
    editor.updateShapes(
      notes.map((note) => ({ id: note.id, type: 'note', meta: { votes: votesOf(note) + 1 } })),
    )
  })
}
