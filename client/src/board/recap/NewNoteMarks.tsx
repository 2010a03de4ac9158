import { useEditor, useValue, type Editor, type TLShapeId } from 'tldraw'
import { newNoteIds, type NoteMeta } from '@tablecloth/shared'
import { useT } from '../../i18n/useT'
import { useNewNotesDay, type NewNotesDay } from './newNotesContext'

interface Mark {
  id: TLShapeId
  /** The note's top-left corner, in viewport pixels. */
  x: number
  y: number
  /** As strongly as the note is drawn: dimmed with an earlier station. */
  opacity: number
}

/** The mark's text size on a note at zoom 1; it scales with the note, within bounds. */
const MARK_FONT = 22
const MARK_FONT_MIN = 12
const MARK_FONT_MAX = 26

/**
 * „neu“ on the notes the group that just left wrote (`newNoteIds`), at their
 * top-left corner, opposite the dot count: a quiet outlined tag, so the new
 * group sees at a glance what the last one added without the board turning
 * loud. From the next station on the marks move to that group's notes.
 * Drawn in front of the canvas; tldraw's note shape is left as it is.
 */
export function NewNoteMarks() {
  const editor = useEditor()
  const day = useNewNotesDay()
  const t = useT()
  const marks = useValue('new note marks', () => (day ? newMarks(editor, day) : []), [editor, day])
  const fontSize = useValue(
    'new note mark size',
    () => Math.min(MARK_FONT_MAX, Math.max(MARK_FONT_MIN, MARK_FONT * editor.getZoomLevel())),
    [editor],
  )
  return (
    <>
      {marks.map((mark) => (
        <span
          key={mark.id}
          className="new-note-mark"
          data-testid="new-note-mark"
          data-note-id={mark.id}
          title={t('recap.newMarkTitle')}
          style={{ left: mark.x, top: mark.y, fontSize, opacity: mark.opacity }}
        >
          {t('recap.new')}
        </span>
      ))}
    </>
  )
}

function newMarks(editor: Editor, day: NewNotesDay): Mark[] {
  const culled = editor.getCulledShapes()
  const shown = editor
    .getRenderingShapes()
    .filter(({ id, shape }) => shape.type === 'note' && !culled.has(id))
  const stamped = shown.map(({ id, shape }) => {
    const { stationId } = shape.meta as NoteMeta
    return { id, ...(typeof stationId === 'string' && { stationId }) }
  })
  const fresh = newNoteIds(day.config, stamped, day.stationIndex)
  const marks: Mark[] = []
  for (const { id, opacity } of shown) {
    if (!fresh.has(id)) continue
    const bounds = editor.getShapePageBounds(id)
    if (!bounds) continue
    const corner = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
    marks.push({ id, x: corner.x, y: corner.y, opacity })
  }
  return marks
}
