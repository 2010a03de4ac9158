import type { DragEvent, KeyboardEvent } from 'react'
import { useT } from '../../i18n/useT'
import type { ShownText } from './shownText'

/** A theme the note may be moved to, as the move menu lists it. */
export interface MoveTarget {
  key: string
  title: string
}

export interface NoteEditing {
  selected: boolean
  onToggle(): void
  /** The other saved themes, in the plenary's order. */
  targets: readonly MoveTarget[]
  onMove(to: string): void
  /** Alt+↑ / Alt+↓: into the previous (-1) or next (+1) theme. */
  onMoveBy(step: -1 | 1): void
  onDragStart(event: DragEvent<HTMLLIElement>): void
  onDragEnd(): void
}

/**
 * One note in a theme: its text, large, and the table and station it was
 * written at. The organiser also gets a box to select it (for "Als neues
 * Thema"), a move menu, Alt+↑/↓, and dragging onto another theme.
 */
export function ThemeNoteItem({
  noteId,
  text,
  where,
  editing,
}: {
  noteId: string
  text: ShownText
  where: string
  editing: NoteEditing | null
}) {
  const t = useT()
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (!editing || event.target instanceof HTMLSelectElement) return
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault()
      editing.onMoveBy(event.key === 'ArrowUp' ? -1 : 1)
    } else if (event.key === ' ' && event.target === event.currentTarget) {
      event.preventDefault()
      editing.onToggle()
    }
  }
  return (
    <li
      className="themes-note"
      data-testid="theme-note"
      data-note-id={noteId}
      data-selected={editing?.selected ? '' : undefined}
      tabIndex={editing ? 0 : undefined}
      draggable={editing ? true : undefined}
      onDragStart={editing?.onDragStart}
      onDragEnd={editing?.onDragEnd}
      onKeyDown={onKeyDown}
    >
      {editing && (
        <input
          type="checkbox"
          className="themes-note__select"
          aria-label={t('themes.note.select')}
          checked={editing.selected}
          onChange={editing.onToggle}
          data-testid="theme-note-select"
        />
      )}
      <div className="themes-note__body">
        <p className="themes-note__text" dir="auto" lang={text.lang}>
          {text.text}
        </p>
        <div className="themes-note__meta">
          <p className="themes-note__where">{where}</p>
          {editing && editing.targets.length > 0 && (
            <select
              className="themes-note__move"
              aria-label={t('themes.note.moveLabel')}
              value=""
              data-testid="theme-note-move"
              onChange={(event) => {
                if (event.target.value) editing.onMove(event.target.value)
              }}
            >
              <option value="" disabled>
                {t('themes.note.move')}
              </option>
              {editing.targets.map((target) => (
                <option key={target.key} value={target.key}>
                  {target.title}
                </option>
              ))}
            </select>
          )}
        </div>
      </div>
    </li>
  )
}
