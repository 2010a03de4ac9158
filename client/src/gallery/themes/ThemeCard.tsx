import { useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react'
import { useT } from '../../i18n/useT'
import type { ShownText } from './shownText'

export interface ThemeCardEditing {
  selected: boolean
  onToggle(): void
  renaming: boolean
  onStartRename(): void
  /** A new title (saved) or null (cancelled). */
  onRenamed(title: string | null): void
  /** How many of this theme's notes are selected, for "Als neues Thema". */
  selectedNotes: number
  onSplit(): void
  onDissolve(): void
  onDragStart(event: DragEvent<HTMLElement>): void
  onDragEnd(): void
  /** Whether what is dragged may land here (a note from elsewhere, another theme). */
  accepts(): boolean
  onDrop(): void
}

/**
 * A saved theme: its title and its notes from every table. For the
 * organiser, also the controls to rename, split, dissolve and select it, and
 * a drop target for notes and themes (a theme dropped here is merged in).
 */
export function ThemeCard({
  id,
  title,
  count,
  editing,
  children,
}: {
  id: string
  title: ShownText
  count: number
  editing: ThemeCardEditing | null
  children: ReactNode
}) {
  const t = useT()
  const [over, setOver] = useState(false)
  const plainTitle = title.text.replaceAll('\u00AD', '')

  const dropProps = editing
    ? {
        onDragOver: (event: DragEvent<HTMLElement>) => {
          if (!editing.accepts()) return
          event.preventDefault()
          event.dataTransfer.dropEffect = 'move'
          setOver(true)
        },
        onDragLeave: (event: DragEvent<HTMLElement>) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false)
        },
        onDrop: (event: DragEvent<HTMLElement>) => {
          event.preventDefault()
          setOver(false)
          editing.onDrop()
        },
      }
    : {}

  return (
    <article
      className="themes-card"
      aria-labelledby={`${id}-title`}
      data-testid="theme"
      data-theme-title={plainTitle}
      data-drop-over={over ? '' : undefined}
      data-selected={editing?.selected ? '' : undefined}
      {...dropProps}
    >
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dragging a theme onto another is the pointer's way to merge; the keyboard's is the selection and "Zusammenführen". */}
      <header
        className="themes-card__header"
        draggable={editing ? true : undefined}
        title={editing ? t('themes.theme.dragHint') : undefined}
        onDragStart={editing?.onDragStart}
        onDragEnd={editing?.onDragEnd}
        data-testid="theme-header"
      >
        {editing && (
          <input
            type="checkbox"
            className="themes-card__select"
            aria-label={t('themes.theme.select', { title: plainTitle })}
            checked={editing.selected}
            onChange={editing.onToggle}
            data-testid="theme-select"
          />
        )}
        {editing?.renaming ? (
          <RenameField id={`${id}-title`} title={plainTitle} onDone={editing.onRenamed} />
        ) : (
          <h3 id={`${id}-title`} className="themes-card__title" dir="auto" lang={title.lang}>
            {title.text}
          </h3>
        )}
        <span className="themes-card__count">
          {count === 1 ? t('themes.theme.countOne') : t('themes.theme.count', { count })}
        </span>
      </header>
      {editing && (
        <div className="themes-card__actions">
          <button
            type="button"
            className="gallery-button"
            onClick={editing.onStartRename}
            data-testid="theme-rename"
          >
            {t('themes.theme.rename')}
          </button>
          <button
            type="button"
            className="gallery-button"
            disabled={editing.selectedNotes === 0}
            onClick={editing.onSplit}
            data-testid="theme-split"
          >
            {t('themes.theme.split', { count: editing.selectedNotes })}
          </button>
          <button
            type="button"
            className="gallery-button"
            onClick={editing.onDissolve}
            data-testid="theme-dissolve"
          >
            {t('themes.theme.dissolve')}
          </button>
        </div>
      )}
      {count === 0 ? (
        <p className="themes-card__empty">{t('themes.theme.empty')}</p>
      ) : (
        <ul className="themes-card__notes">{children}</ul>
      )}
    </article>
  )
}

/** The title as a text field: Enter saves, Esc cancels, leaving the field saves. */
function RenameField({
  id,
  title,
  onDone,
}: {
  id: string
  title: string
  onDone(title: string | null): void
}) {
  const t = useT()
  const [value, setValue] = useState(title)
  // Enter and Esc end the edit before the field loses the focus; the blur that follows must not save again.
  const [done, setDone] = useState(false)
  const finish = (result: string | null) => {
    if (done) return
    setDone(true)
    onDone(result)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      finish(value)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      finish(null)
    }
  }
  return (
    <input
      id={id}
      className="themes-card__rename"
      dir="auto"
      value={value}
      maxLength={200}
      aria-label={t('themes.theme.renameLabel', { title })}
      // biome-ignore lint/a11y/noAutofocus: the organiser asked to rename; the field is where they type next.
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onChange={(event) => setValue(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(value)}
      data-testid="theme-rename-field"
    />
  )
}
