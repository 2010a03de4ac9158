import { useEffect } from 'react'
import { startEditingShapeWithRichText, type Editor, type TLShapeId } from 'tldraw'
import { noteInDirection, type NoteStep } from '@tablecloth/shared'
import { groupSelection, ungroupSelection } from '../clusters/clusterCommands'
import { boardIntent } from './captureKeys'
import { useCapture } from './captureStore'
import { addVote } from '../../canvas/noteVotes'
import { stationNotes } from './stationNotes'

/**
 * The capture keys on the board canvas (see `boardIntent`): arrows walk the
 * current station's notes, F2 edits, `+` votes, Enter with nothing selected
 * goes back to the capture field.
 *
 * tldraw nudges selected shapes with plain arrows in its select tool, which
 * no action or shortcut override reaches. The listener runs in the capture
 * phase on the editor's container, before tldraw's own handler there and
 * before its shortcut handler on the body, and marks the keys it takes with
 * `editor.markEventAsHandled`, tldraw's documented way to keep a key from it;
 * stopping propagation keeps the body's shortcuts off them too. Keys it does
 * not take reach tldraw untouched.
 */
export function useBoardKeys(editor: Editor | null, stationId: string | null): void {
  useEffect(() => {
    if (!editor || !stationId) return
    const container = editor.getContainer()
    const onKeyDown = (event: KeyboardEvent) => {
      const intent = boardIntent(event)
      if (!intent || !boardHasKeyboard(editor, container, event)) return
      let taken = true
      switch (intent.kind) {
        case 'step':
          step(editor, stationId, intent.step)
          break
        case 'edit':
          taken = editSelectedNote(editor)
          break
        case 'vote':
          taken = voteSelectedNotes(editor)
          break
        case 'group':
          taken = groupSelection(editor)
          break
        case 'ungroup':
          taken = ungroupSelection(editor)
          break
        case 'write':
          // With a note selected, Enter is tldraw's own: it edits the note.
          taken = editor.getSelectedShapeIds().length === 0
          if (taken) useCapture.getState().requestFocus()
          break
        default: {
          const unknown: never = intent
          throw new Error(`Unknown board key ${JSON.stringify(unknown)}`)
        }
      }
      if (!taken) return
      editor.markEventAsHandled(event)
      event.preventDefault()
      event.stopPropagation()
    }
    container.addEventListener('keydown', onKeyDown, { capture: true })
    return () => container.removeEventListener('keydown', onKeyDown, { capture: true })
  }, [editor, stationId])
}

/**
 * Whether a key is meant for the board itself: the canvas has the focus (not
 * a menu, a toolbar button or the text of a note being edited) and the
 * editor is at rest, not halfway through a drag.
 */
function boardHasKeyboard(editor: Editor, container: HTMLElement, event: KeyboardEvent): boolean {
  const target = event.target
  const onCanvas =
    target === container || (target instanceof Element && target.closest('.tl-canvas') !== null)
  if (!onCanvas || (target instanceof HTMLElement && target.isContentEditable)) return false
  if (editor.getEditingShapeId() !== null || editor.menus.hasAnyOpenMenus()) return false
  return editor.getPath().endsWith('.idle')
}

function step(editor: Editor, stationId: string, direction: NoteStep): void {
  const selected = editor.getOnlySelectedShapeId()
  const next = noteInDirection(stationNotes(editor, stationId), selected, direction)
  if (!next) return
  const id = next as TLShapeId
  if (!editor.isIn('select')) editor.setCurrentTool('select')
  editor.select(id)
  editor.zoomToSelectionIfOffscreen(64, { animation: { duration: 200 } })
}

function editSelectedNote(editor: Editor): boolean {
  const note = editor.getOnlySelectedShape()
  if (!note || note.type !== 'note' || !editor.canEditShape(note)) return false
  editor.markHistoryStoppingPoint('edit note')
  startEditingShapeWithRichText(editor, note)
  return true
}

function voteSelectedNotes(editor: Editor): boolean {
  const notes = editor.getSelectedShapes().filter((shape) => shape.type === 'note')
  if (notes.length === 0 || editor.getIsReadonly()) return false
  addVote(
    editor,
    notes.map((note) => note.id),
  )
  return true
}
