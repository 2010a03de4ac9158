import type { Editor, TLShape } from 'tldraw'
import type { NoteMeta } from '@tablecloth/shared'

/** What the board knows when a note is written: the station, the group at the table, the writer. */
export interface NoteContext {
  stationId: string | null
  groupId: string | null
  author: string | null
}

/**
 * Stamps every new note with where and by whom it was written, in tldraw's
 * `meta`, so results can say which station and group a note came from even
 * after it is moved. Returns the unregister function.
 */
export function stampNewNotes(editor: Editor, context: () => NoteContext): () => void {
  return editor.sideEffects.registerBeforeCreateHandler('shape', (shape: TLShape, source) => {
    if (shape.type !== 'note' || source !== 'user') return shape
    const existing = shape.meta as NoteMeta
    if (existing.createdAt) return shape
    const { stationId, groupId, author } = context()
    const meta: NoteMeta = { createdAt: new Date().toISOString(), via: 'board' }
    if (stationId) meta.stationId = stationId
    if (groupId) meta.groupId = groupId
    if (author) meta.author = author
    return { ...shape, meta: { ...shape.meta, ...meta } }
  })
}
