import { startEditingShapeWithRichText, type Editor, type TLShapeId } from 'tldraw'
import { useLanguage } from '../../i18n/languageStore'
import { createTranslator } from '../../i18n/translate'
import { clusterIdOf } from './clusterShapes'
import { groupNotes, settleDrop, ungroupNotes } from './clusterEdits'

/**
 * What the moderator's keys, buttons and drags ask of clusters, with the
 * follow-up the moderator expects: a new cluster's heading opens for typing,
 * its placeholder text selected so the first key replaces it.
 */

function newHeadingText(): string {
  return createTranslator(useLanguage.getState().language)('cluster.newHeading')
}

/** The selected notes, when the selection is notes and nothing else. */
function selectedNotes(editor: Editor): TLShapeId[] | null {
  const shapes = editor.getSelectedShapes()
  if (shapes.length === 0 || shapes.some((shape) => shape.type !== 'note')) return null
  return shapes.map((shape) => shape.id)
}

/**
 * Whether the selection can be grouped: two notes or more and nothing else,
 * not already all in one cluster together. One note alone makes no cluster.
 */
export function canGroupSelection(editor: Editor): boolean {
  const notes = selectedNotes(editor)
  if (!notes || notes.length < 2 || editor.getIsReadonly()) return false
  const clusters = new Set(notes.map((id) => clusterIdOf(editor.getShape(id)!)))
  return !(clusters.size === 1 && !clusters.has(undefined))
}

/** Whether some selected note belongs to a cluster it could leave. */
export function canUngroupSelection(editor: Editor): boolean {
  const notes = selectedNotes(editor)
  return (
    !!notes &&
    !editor.getIsReadonly() &&
    notes.some((id) => clusterIdOf(editor.getShape(id)!) !== undefined)
  )
}

/**
 * Groups the selected notes under a new heading and opens it for typing.
 * Whether the key was the board's: a selection of notes takes it even when
 * there is nothing to group (a single note), so tldraw does not group it its
 * own way.
 */
export function groupSelection(editor: Editor): boolean {
  if (!canGroupSelection(editor)) return selectedNotes(editor) !== null
  const placeholder = newHeadingText()
  openHeading(editor, groupNotes(editor, selectedNotes(editor)!, placeholder), placeholder)
  return true
}

export function ungroupSelection(editor: Editor): boolean {
  if (!canUngroupSelection(editor)) return false
  return ungroupNotes(editor, selectedNotes(editor)!, newHeadingText())
}

/** Settles a drag of notes (see `settleDrop`). */
export function settleDraggedNotes(editor: Editor, dragged: readonly TLShapeId[]): void {
  const placeholder = newHeadingText()
  openHeading(editor, settleDrop(editor, dragged, placeholder), placeholder)
}

/** Frames to wait for a new heading's text editor to mount before giving up on selecting its text. */
const MOUNT_FRAMES = 30

function openHeading(editor: Editor, heading: TLShapeId | null, placeholder: string): void {
  const shape = heading && editor.getShape(heading)
  if (!shape) return
  if (!editor.isIn('select')) editor.setCurrentTool('select')
  editor.select(shape.id)
  startEditingShapeWithRichText(editor, shape)
  // tldraw's "select all" is a request to a text editor about to mount; a
  // heading made a moment ago mounts its editor a frame or two later. So the
  // request is repeated each frame until the editor is there (it also keeps
  // tldraw from putting the caret at the end). Once it is there, its text is
  // selected only while it still reads the placeholder: on a busy machine
  // the moderator may have typed a first letter already, and selecting again
  // would let the second replace it.
  const selectAll = (framesLeft: number) => {
    if (editor.getEditingShapeId() !== shape.id) return
    const textEditor = editor.getRichTextEditor()
    if (textEditor) {
      if (textEditor.getText() === placeholder) textEditor.chain().focus().selectAll().run()
      return
    }
    editor.emit('select-all-text', { shapeId: shape.id })
    if (framesLeft > 0) editor.timers.requestAnimationFrame(() => selectAll(framesLeft - 1))
  }
  selectAll(MOUNT_FRAMES)
}
