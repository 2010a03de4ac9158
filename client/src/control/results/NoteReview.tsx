import { useMemo, useRef } from 'react'
import { tableNumber, type EventView, type HiddenNote } from '@tablecloth/shared'
import { apiErrorMessage } from '../../api/apiErrorMessage'
import type { ApiError } from '../../api/apiClient'
import { useDateTimeFormat } from '../../i18n/dateTimeFormat'
import type { Translate } from '../../i18n/translate'
import { useT } from '../../i18n/useT'
import { buildReview, type ReviewColumn, type ReviewNote, type ReviewTable } from './reviewModel'
import { useResultsStore } from './resultsStore'

/**
 * Review before publishing: every note of the results under its table,
 * station and question, each with "Ausblenden"; hidden notes stay in place,
 * marked, with "Wieder zeigen", and are listed together above.
 */
export function NoteReview({ view }: { view: EventView }) {
  const t = useT()
  const format = useDateTimeFormat()
  const { results, hidden, order, loading, loadedAt, loadError, lastChange, noteFailure, load } =
    useResultsStore()
  // `order` is where the last list showed each note: a note hidden since stays in its place.
  const tables = useMemo(
    () => (results ? buildReview(results, hidden, order) : []),
    [results, hidden, order],
  )
  const noteCount = tables.reduce((sum, table) => sum + notesOf(table), 0)

  return (
    <section className="note-review" aria-labelledby="review-heading" data-testid="note-review">
      <h3 id="review-heading">{t('results.reviewHeading')}</h3>
      <p>{t('results.reviewIntro')}</p>
      <div className="note-review__bar">
        <button type="button" onClick={() => void load()}>
          {t('results.reviewRefresh')}
        </button>
        <span data-testid="review-state" data-loading={loading}>
          {loading
            ? t('results.reviewLoading')
            : loadedAt && t('results.reviewLoadedAt', { time: format.time(loadedAt) })}
        </span>
      </div>
      <p className="note-review__status" role="status" data-testid="review-status">
        {lastChange &&
          t(lastChange.kind === 'hidden' ? 'results.hiddenNow' : 'results.shownNow', {
            text: shortened(lastChange.text),
          })}
      </p>
      {loadError && (
        <p className="control-error" role="alert">
          {t('results.reviewLoadFailed', { reason: apiErrorMessage(t, loadError) })}
        </p>
      )}
      {noteFailure && (
        <p className="control-error" role="alert">
          {t(noteFailure.kind === 'hide' ? 'results.hideFailed' : 'results.showFailed', {
            reason: noteFailureReason(t, noteFailure.error),
          })}
        </p>
      )}
      <HiddenList view={view} hidden={hidden} />
      {results && noteCount === 0 && !loading && <p>{t('results.reviewEmpty')}</p>}
      {tables.map((table) => (
        <section
          key={table.id}
          className="note-review__table"
          aria-labelledby={`review-table-${table.id}`}
          data-testid={`review-table-${table.id}`}
        >
          <h4 id={`review-table-${table.id}`}>
            {t('table.numbered', {
              number: tableNumber(view.config, table.id),
              topic: table.title,
            })}
          </h4>
          {!hasNotes(table) && <p className="note-review__empty">{t('results.tableEmpty')}</p>}
          {hasNotes(table) &&
            table.stations.map((station) => (
              <div key={station.id} className="note-review__station">
                <h5>{station.title}</h5>
                <div className="note-review__columns">
                  {station.columns.map((column) => (
                    <ReviewColumnList key={column.key} column={column} />
                  ))}
                </div>
              </div>
            ))}
        </section>
      ))}
    </section>
  )
}

function ReviewColumnList({ column }: { column: ReviewColumn }) {
  const t = useT()
  const title = column.title ?? t('results.unsorted')
  return (
    <div className="note-review__column">
      <h6>{title}</h6>
      {column.notes.length === 0 ? (
        <p className="note-review__empty">{t('results.columnEmpty')}</p>
      ) : (
        <ul aria-label={t('results.reviewNotes', { column: title })}>
          {column.notes.map((note) => (
            <ReviewItem key={note.id} note={note} />
          ))}
        </ul>
      )}
    </div>
  )
}

function ReviewItem({ note }: { note: ReviewNote }) {
  const t = useT()
  const pending = useResultsStore((state) => state.pending.has(note.id))
  const hide = useResultsStore((state) => state.hide)
  const show = useResultsStore((state) => state.show)
  const textId = `review-note-${note.id}`
  const details = [
    note.cluster,
    note.group,
    note.author,
    note.votes > 0
      ? t(note.votes === 1 ? 'results.votesOne' : 'results.votes', { count: note.votes })
      : undefined,
  ].filter((entry): entry is string => entry !== undefined && entry !== '')
  return (
    <li
      className={`note-review__note${note.hidden ? ' note-review__note--hidden' : ''}`}
      data-testid="review-note"
      data-note-id={note.id}
      data-hidden={note.hidden}
    >
      <div className="note-review__body">
        {note.hidden && <span className="note-review__badge">{t('results.hiddenBadge')}</span>}
        <span id={textId} className="note-review__text" dir="auto">
          {note.text}
        </span>
        {details.length > 0 && <span className="note-review__meta">{details.join(' · ')}</span>}
      </div>
      <button
        type="button"
        aria-describedby={textId}
        aria-disabled={pending || undefined}
        onClick={() => {
          if (pending) return
          void (note.hidden ? show(note.id, note.text) : hide(note.id, note.tableId, note.text))
        }}
      >
        {note.hidden ? t('results.show') : t('results.hide')}
      </button>
    </li>
  )
}

/** Every hidden note, also those no board holds any more, each with "Wieder zeigen". */
function HiddenList({ view, hidden }: { view: EventView; hidden: readonly HiddenNote[] }) {
  const t = useT()
  const format = useDateTimeFormat()
  const show = useResultsStore((state) => state.show)
  const pending = useResultsStore((state) => state.pending)
  const heading = useRef<HTMLHeadingElement>(null)

  const placeOf = (note: HiddenNote): string => {
    const topic = view.config.tables.find((entry) => entry.id === note.tableId)?.topic
    const table = topic
      ? t('table.numbered', { number: tableNumber(view.config, note.tableId), topic })
      : note.tableId
    const station = view.config.stations.find((entry) => entry.id === note.stationId)
    if (!station) return table
    const column =
      note.columnIndex === null || note.columnIndex === undefined
        ? t('results.unsorted')
        : (station.columns[note.columnIndex] ?? t('results.unsorted'))
    return t('results.hiddenPlace', { table, station: station.title, column })
  }

  return (
    <section
      className="note-review__hidden"
      aria-labelledby="review-hidden-heading"
      data-testid="hidden-notes"
    >
      <h4 id="review-hidden-heading" ref={heading} tabIndex={-1}>
        {t('results.hiddenHeading', { count: hidden.length })}
      </h4>
      {hidden.length === 0 ? (
        <p>{t('results.hiddenNone')}</p>
      ) : (
        <ul>
          {hidden.map((note) => {
            const textId = `hidden-note-${note.noteId}`
            const busy = pending.has(note.noteId)
            return (
              <li key={note.noteId} data-testid="hidden-note" data-note-id={note.noteId}>
                <div className="note-review__body">
                  <span
                    id={textId}
                    className={`note-review__text${note.text === undefined ? ' note-review__text--gone' : ''}`}
                    dir="auto"
                  >
                    {note.text ?? t('results.hiddenGone')}
                  </span>
                  <span className="note-review__meta">
                    {placeOf(note)} · {t('results.hiddenAt', { time: format.time(note.hiddenAt) })}
                  </span>
                </div>
                <button
                  type="button"
                  aria-describedby={textId}
                  aria-disabled={busy || undefined}
                  onClick={async (event) => {
                    if (busy) return
                    const button = event.currentTarget
                    await show(note.noteId, note.text ?? t('results.hiddenGone'))
                    // The entry is gone with its button: keep the keyboard in the list.
                    if (!button.isConnected) heading.current?.focus()
                  }}
                >
                  {t('results.show')}
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

function notesOf(table: ReviewTable): number {
  return table.stations.reduce(
    (sum, station) =>
      sum + station.columns.reduce((inner, column) => inner + column.notes.length, 0),
    0,
  )
}

const hasNotes = (table: ReviewTable) => notesOf(table) > 0

/** A note is at most 500 characters; an announcement reads its start. */
function shortened(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const chars = [...flat]
  return chars.length > 80 ? `${chars.slice(0, 79).join('')}…` : flat
}

function noteFailureReason(t: Translate, error: ApiError): string {
  return error.status === 404 && error.field === 'noteId'
    ? t('results.noteMissing')
    : apiErrorMessage(t, error)
}
