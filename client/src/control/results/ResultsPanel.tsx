import { useEffect, useId, useRef } from 'react'
import { tableNumber, type CreateEventResponse, type EventView } from '@tablecloth/shared'
import { apiErrorMessage } from '../../api/apiErrorMessage'
import type { ApiError } from '../../api/apiClient'
import { useLanguage } from '../../i18n/languageStore'
import type { Translate } from '../../i18n/translate'
import { useT } from '../../i18n/useT'
import { BoardImagesButton } from '../boardImages/BoardImagesButton'
import { useControlStore } from '../controlStore'
import { GalleryLink } from './GalleryLink'
import { NoteReview } from './NoteReview'
import { EXPORT_FORMATS } from './resultsApi'
import { useResultsStore } from './resultsStore'
import { ThemesLink } from './ThemesLink'
import './resultsPanel.css'

/**
 * "Ergebnisse" in the control room: the downloads in every format (narrowed
 * by table and station, in the UI language), the gallery link, and the review
 * before publishing, where the organiser hides notes from every export.
 */
export function ResultsPanel({
  view,
  links,
}: {
  view: EventView
  links: CreateEventResponse['links'] | null
}) {
  const t = useT()
  const eventId = useControlStore((state) => state.eventId)
  const token = useControlStore((state) => state.token)
  const { table, station, narrow, load, reset } = useResultsStore()
  const ids = useId()

  useEffect(() => {
    reset()
    if (eventId) void load()
  }, [eventId, load, reset])

  // A new station brings new notes, and a station to narrow to.
  const shownStation = useRef(view.currentStation)
  useEffect(() => {
    if (shownStation.current === view.currentStation) return
    shownStation.current = view.currentStation
    void load()
  }, [view.currentStation, load])

  const started = view.config.stations.slice(0, view.currentStation + 1)
  return (
    <section
      className="control-panel results-panel"
      aria-labelledby="results-heading"
      data-testid="results-panel"
    >
      <h2 id="results-heading">{t('results.heading')}</h2>
      <p>{t('results.intro')}</p>
      <div className="results-panel__narrowing">
        <span className="results-panel__field">
          <label htmlFor={`${ids}-table`}>{t('results.filterTable')}</label>
          <select
            id={`${ids}-table`}
            value={table}
            onChange={(event) => narrow({ table: event.target.value })}
            data-testid="results-table"
          >
            <option value="">{t('results.filterAllTables')}</option>
            {view.config.tables.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {t('table.numbered', {
                  number: tableNumber(view.config, entry.id),
                  topic: entry.topic,
                })}
              </option>
            ))}
          </select>
        </span>
        <span className="results-panel__field">
          <label htmlFor={`${ids}-station`}>{t('results.filterStation')}</label>
          <select
            id={`${ids}-station`}
            value={station}
            onChange={(event) => narrow({ station: event.target.value })}
            data-testid="results-station"
          >
            <option value="">{t('results.filterAllStations')}</option>
            {started.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.title}
              </option>
            ))}
          </select>
        </span>
      </div>
      <div className="results-panel__outputs">
        <Downloads />
        {/* Board images: every board at the end of every station as a ZIP, drawn in this browser. */}
        {eventId && (
          <div className="results-panel__block results-panel__board-images">
            <BoardImagesButton eventId={eventId} token={token ?? ''} />
          </div>
        )}
        {links && <GalleryLink link={links.gallery} />}
        {eventId && token && <ThemesLink eventId={eventId} token={token} />}
      </div>
      <NoteReview view={view} />
    </section>
  )
}

/** One button per format; each fetches the file with the token in its header and saves it. */
function Downloads() {
  const t = useT()
  const language = useLanguage((state) => state.language)
  const download = useResultsStore((state) => state.download)
  const downloadAs = useResultsStore((state) => state.downloadAs)
  const busy = download?.state === 'busy'
  return (
    <section className="results-panel__block" aria-labelledby="results-download-heading">
      <h3 id="results-download-heading">{t('results.downloadHeading')}</h3>
      <div
        className="results-panel__formats"
        role="group"
        aria-label={t('results.downloadGroup')}
        aria-describedby="results-download-hint"
        aria-busy={busy}
      >
        {EXPORT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            data-format={format}
            aria-disabled={busy || undefined}
            onClick={() => {
              // Not `disabled`: a button that disables itself drops the keyboard focus.
              if (!busy) void downloadAs(format, language)
            }}
          >
            {t(`results.format.${format}`)}
          </button>
        ))}
      </div>
      <p id="results-download-hint" className="results-panel__hint">
        {t('results.downloadHint')}
      </p>
      <p className="results-panel__status" role="status" data-testid="results-download-status">
        {download?.state === 'busy' &&
          t('results.downloading', { format: t(`results.format.${download.format}`) })}
        {download?.state === 'done' && t('results.downloaded', { file: download.fileName })}
      </p>
      {download?.state === 'failed' && (
        <p className="control-error" role="alert">
          {t('results.downloadFailed', {
            format: t(`results.format.${download.format}`),
            reason: downloadFailure(t, download.error),
          })}
        </p>
      )}
    </section>
  )
}

/**
 * Why a download failed, in the user's language. The server answers a format
 * it does not offer with 404 "No results format …", not "No such event".
 */
function downloadFailure(t: Translate, error: ApiError): string {
  if (error.status === 404 && /\bformat\b/i.test(error.message))
    return t('results.formatUnavailable')
  return apiErrorMessage(t, error)
}
