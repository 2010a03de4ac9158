import { useCallback, useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react'
import { tableNumber, type EventView } from '@tablecloth/shared'
import { apiErrorMessage } from '../../api/apiErrorMessage'
import { useT } from '../../i18n/useT'
import { useRoomHyphenation } from '../../room/roomHyphenation'
import { isLatinText, type ShownText } from './shownText'
import { SuggestionCard } from './SuggestionCard'
import { ThemeCard } from './ThemeCard'
import { ThemeNoteItem, type NoteEditing } from './ThemeNoteItem'
import { offeredSuggestions } from './themeEdits'
import { useThemes, type ThemeNoteInfo } from './useThemes'
import './themes.css'

/** What is being dragged: a note out of its theme, or a whole theme (to merge it). */
type Dragged = { kind: 'note'; noteId: string } | { kind: 'theme'; key: string }

/**
 * The gallery's "Themen" view: the cross-table themes for the plenary, each
 * with its notes from every table. Read-only with the gallery link; with
 * the organiser's token also the place to fetch suggestions and to accept,
 * rename, merge, split, dissolve and regroup themes. Every edit is on screen
 * at once and saved in the background (see `useThemes`).
 */
export function ThemesView({
  eventId,
  token,
  view,
}: {
  eventId: string
  token: string
  view: EventView
}) {
  const t = useT()
  const ids = useId()
  const themes = useThemes(eventId, token)
  const { state, edit, editable, notes } = themes
  const offered = useMemo(() => offeredSuggestions(state), [state])
  const [selectedThemes, setSelectedThemes] = useState<ReadonlySet<string>>(new Set())
  const [selectedNotes, setSelectedNotes] = useState<ReadonlySet<string>>(new Set())
  const [renaming, setRenaming] = useState<string | null>(null)
  const dragged = useRef<Dragged | null>(null)
  // After a move by keyboard the focus follows the note to its new theme.
  const focusNote = useRef<string | null>(null)
  const list = useRef<HTMLDivElement>(null)

  const texts = useMemo(() => {
    const all = state.themes.map((theme) => theme.title)
    for (const suggestion of state.suggestions) all.push(suggestion.title)
    for (const note of notes.values()) all.push(note.text)
    return all
  }, [state, notes])
  const hyphenation = useRoomHyphenation(texts, view.config.language)
  const shown = useCallback(
    (text: string): ShownText => {
      const drawn = hyphenation.hyphenate(text)
      return isLatinText(text) ? drawn : { text, lang: undefined }
    },
    [hyphenation],
  )
  const where = useCallback(
    (note: ThemeNoteInfo) =>
      t('themes.note.where', {
        table: tableNumber(view.config, note.tableId),
        station: view.config.stations.findIndex((station) => station.id === note.stationId) + 1,
      }),
    [t, view.config],
  )

  // Selections of themes or notes that are gone (merged, dissolved, moved away) are dropped.
  useEffect(() => {
    const keys = new Set(state.themes.map((theme) => theme.key))
    const saved = new Set(state.themes.flatMap((theme) => theme.noteIds))
    setSelectedThemes((current) => keep(current, (key) => keys.has(key)))
    setSelectedNotes((current) => keep(current, (id) => saved.has(id)))
  }, [state.themes])

  // Opened, the themes take the keys (Page Down scrolls them) unless something else has them.
  const ready = themes.load.phase === 'ready'
  useEffect(() => {
    if (!ready) return
    const active = document.activeElement
    if (!active || active === document.body || !active.isConnected) {
      list.current?.focus({ preventScroll: true })
    }
  }, [ready])

  useEffect(() => {
    if (!focusNote.current) return
    const note = list.current?.querySelector<HTMLElement>(
      `[data-note-id="${CSS.escape(focusNote.current)}"]`,
    )
    focusNote.current = null
    note?.focus()
  })

  const toggle = (set: ReadonlySet<string>, value: string): ReadonlySet<string> => {
    const next = new Set(set)
    if (!next.delete(value)) next.add(value)
    return next
  }

  const noteEditing = (noteId: string, themeIndex: number): NoteEditing | null => {
    if (!editable) return null
    const own = state.themes[themeIndex]
    return {
      selected: selectedNotes.has(noteId),
      onToggle: () => setSelectedNotes((current) => toggle(current, noteId)),
      targets: state.themes
        .filter((theme) => theme.key !== own?.key)
        .map((theme) => ({ key: theme.key, title: theme.title })),
      onMove: (to) => {
        focusNote.current = noteId
        edit({ type: 'move', noteId, to })
      },
      onMoveBy: (step) => {
        const target = state.themes[themeIndex + step]
        if (!target) return
        focusNote.current = noteId
        edit({ type: 'move', noteId, to: target.key })
      },
      onDragStart: (event: DragEvent<HTMLLIElement>) => {
        event.stopPropagation()
        event.dataTransfer.effectAllowed = 'move'
        event.dataTransfer.setData('text/plain', notes.get(noteId)?.text ?? '')
        dragged.current = { kind: 'note', noteId }
      },
      onDragEnd: () => {
        dragged.current = null
      },
    }
  }

  const noteItems = (noteIds: readonly string[], themeIndex: number | null) =>
    noteIds.flatMap((noteId) => {
      // A saved note deleted or hidden since stays saved, but there is nothing to show of it.
      const note = notes.get(noteId)
      if (!note) return []
      return [
        <ThemeNoteItem
          key={noteId}
          noteId={noteId}
          text={shown(note.text)}
          where={where(note)}
          editing={themeIndex === null ? null : noteEditing(noteId, themeIndex)}
        />,
      ]
    })

  const merge = () => {
    edit({ type: 'merge', keys: [...selectedThemes] })
    setSelectedThemes(new Set())
  }

  if (themes.load.phase === 'loading') {
    return <p className="themes-status">{t('themes.loading')}</p>
  }
  if (themes.load.phase === 'failed') {
    return (
      <p className="themes-status themes-status--error" role="alert">
        {t('themes.failed', { reason: apiErrorMessage(t, themes.load.error) })}
      </p>
    )
  }

  const status = themes.saveStatus
  return (
    // Focusable, so the keyboard (and a clicker's Page Down) scrolls a long list of themes.
    <div
      className="themes"
      ref={list}
      role="region"
      aria-label={t('themes.heading')}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the keyboard's focus to scroll by keys.
      tabIndex={0}
      data-testid="themes-view"
      data-editable={editable ? 'true' : 'false'}
    >
      <div className="themes-bar">
        <h2 className="themes-bar__heading">{t('themes.heading')}</h2>
        {editable ? (
          <div className="themes-bar__actions" role="group" aria-label={t('themes.actions')}>
            <button
              type="button"
              className="gallery-button gallery-button--primary"
              disabled={themes.suggesting}
              onClick={themes.suggest}
              data-testid="themes-suggest"
            >
              {themes.suggesting ? t('themes.suggesting') : t('themes.suggest')}
            </button>
            <button
              type="button"
              className="gallery-button"
              disabled={selectedThemes.size < 2}
              onClick={merge}
              data-testid="themes-merge"
            >
              {t('themes.merge', { count: selectedThemes.size })}
            </button>
            {(selectedThemes.size > 0 || selectedNotes.size > 0) && (
              <button
                type="button"
                className="gallery-button"
                onClick={() => {
                  setSelectedThemes(new Set())
                  setSelectedNotes(new Set())
                }}
              >
                {t('themes.clearSelection')}
              </button>
            )}
          </div>
        ) : (
          <span className="themes-bar__read-only">{t('themes.readOnly')}</span>
        )}
        {editable && (
          <p
            className={`themes-bar__status${status.state === 'failed' ? ' themes-bar__status--error' : ''}`}
            role={status.state === 'failed' ? 'alert' : 'status'}
            data-testid="themes-save-status"
            data-state={status.state}
          >
            {status.state === 'saving' && t('themes.saving')}
            {status.state === 'saved' && t('themes.saved')}
            {status.state === 'failed' &&
              t(status.retrying ? 'themes.saveFailed' : 'themes.saveRefused', {
                reason: apiErrorMessage(t, status.error),
              })}
          </p>
        )}
      </div>

      {editable && <p className="themes-bar__keys">{t('themes.editKeys')}</p>}

      {themes.suggestError && (
        <p className="themes-status themes-status--error" role="alert">
          {t('themes.suggestFailed', { reason: apiErrorMessage(t, themes.suggestError) })}
        </p>
      )}

      {editable && offered.length > 0 && (
        <section
          className="themes-section themes-section--suggestions"
          aria-labelledby={`${ids}-suggestions`}
          data-testid="themes-suggestions"
        >
          <h2 id={`${ids}-suggestions`} className="themes-section__heading">
            {t('themes.suggestions')}
          </h2>
          <div className="themes-grid">
            {offered.map((suggestion) => (
              <SuggestionCard
                key={suggestion.key}
                id={`${ids}-${suggestion.key}`}
                title={shown(suggestion.title)}
                count={suggestion.noteIds.filter((id) => notes.has(id)).length}
                alreadySaved={suggestion.alreadySaved}
                onAccept={() => edit({ type: 'accept', key: suggestion.key })}
                onDiscard={() => edit({ type: 'discard', key: suggestion.key })}
              >
                {noteItems(suggestion.noteIds, null)}
              </SuggestionCard>
            ))}
          </div>
        </section>
      )}

      <section
        className="themes-section"
        aria-labelledby={`${ids}-saved`}
        data-testid="themes-saved"
      >
        <h2 id={`${ids}-saved`} className="themes-hidden">
          {t('themes.saved.list')}
        </h2>
        {state.themes.length === 0 ? (
          <p className="themes-status" data-testid="themes-empty">
            {t(editable ? 'themes.empty.editable' : 'themes.empty.readOnly')}
          </p>
        ) : (
          <div className="themes-grid">
            {state.themes.map((theme, index) => {
              const shownNotes = theme.noteIds.filter((id) => notes.has(id))
              const selectedHere = theme.noteIds.filter((id) => selectedNotes.has(id))
              return (
                <ThemeCard
                  key={theme.key}
                  id={`${ids}-${theme.key}`}
                  title={shown(theme.title)}
                  count={shownNotes.length}
                  editing={
                    editable
                      ? {
                          selected: selectedThemes.has(theme.key),
                          onToggle: () =>
                            setSelectedThemes((current) => toggle(current, theme.key)),
                          renaming: renaming === theme.key,
                          onStartRename: () => setRenaming(theme.key),
                          onRenamed: (title) => {
                            setRenaming(null)
                            if (title !== null) edit({ type: 'rename', key: theme.key, title })
                          },
                          selectedNotes: selectedHere.length,
                          onSplit: () => {
                            // The new theme's title is a start; the organiser names it at once.
                            setRenaming(`theme-${state.nextKey}`)
                            edit({
                              type: 'split',
                              key: theme.key,
                              noteIds: selectedHere,
                              title: t('themes.theme.splitTitle', { title: theme.title }),
                            })
                          },
                          onDissolve: () => edit({ type: 'dissolve', key: theme.key }),
                          onDragStart: (event) => {
                            event.dataTransfer.effectAllowed = 'move'
                            event.dataTransfer.setData('text/plain', theme.title)
                            dragged.current = { kind: 'theme', key: theme.key }
                          },
                          onDragEnd: () => {
                            dragged.current = null
                          },
                          accepts: () => {
                            const what = dragged.current
                            if (!what) return false
                            return what.kind === 'note'
                              ? !theme.noteIds.includes(what.noteId)
                              : what.key !== theme.key
                          },
                          onDrop: () => {
                            const what = dragged.current
                            dragged.current = null
                            if (what?.kind === 'note') {
                              edit({ type: 'move', noteId: what.noteId, to: theme.key })
                            } else if (what?.kind === 'theme' && what.key !== theme.key) {
                              edit({ type: 'merge', keys: [theme.key, what.key], into: theme.key })
                            }
                          },
                        }
                      : null
                  }
                >
                  {noteItems(theme.noteIds, index)}
                </ThemeCard>
              )
            })}
          </div>
        )}
      </section>
    </div>
  )
}

function keep(set: ReadonlySet<string>, test: (value: string) => boolean): ReadonlySet<string> {
  const kept = [...set].filter(test)
  return kept.length === set.size ? set : new Set(kept)
}
