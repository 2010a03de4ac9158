import { useEffect, useRef, useState } from 'react'
import {
  classifyNotes,
  readBoardContents,
  type SnapshotSummary,
  type StationNotes,
  type BoardNote,
} from '@tablecloth/shared'
import { apiCall } from '../api/apiClient'
import { useT } from '../i18n/useT'
import { useDateTimeFormat } from '../i18n/dateTimeFormat'
import { useControlStore } from './controlStore'

/**
 * A snapshot opened read-only: every station on the board as it was, with
 * the notes of each column listed in reading order, as the results will show them.
 */
export function SnapshotViewer({
  snapshot,
  onClose,
}: {
  snapshot: SnapshotSummary
  onClose: () => void
}) {
  const t = useT()
  const format = useDateTimeFormat()
  const { eventId, token, view } = useControlStore()
  const dialog = useRef<HTMLDialogElement>(null)
  const [stations, setStations] = useState<StationNotes<BoardNote>[] | null>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    dialog.current?.showModal()
    apiCall<{ records: unknown[] }>('GET', `/api/events/${eventId}/snapshots/${snapshot.id}`, {
      token,
    }).then(
      ({ records }) => {
        const contents = readBoardContents(records)
        setStations(classifyNotes(contents.notes, contents.columns).stations)
      },
      (error: unknown) => {
        console.warn('snapshot could not be opened', error)
        setFailed(true)
      },
    )
  }, [eventId, token, snapshot.id])

  const table = view?.config.tables.find((entry) => entry.id === snapshot.tableId)
  return (
    <dialog
      ref={dialog}
      className="snapshot-viewer"
      onClose={onClose}
      aria-labelledby="snapshot-title"
      data-testid="snapshot-viewer"
    >
      <h2 id="snapshot-title">
        {t('control.snapshotTitle', {
          table: table?.topic ?? '',
          time: format.dateTime(snapshot.createdAt),
        })}
      </h2>
      <p>{t('control.snapshotReadOnly')}</p>
      {failed && <p role="alert">{t('error.internal')}</p>}
      {!stations && !failed && <p>{t('app.loading')}</p>}
      {stations?.map((station) => {
        const config = view?.config.stations.find((entry) => entry.id === station.stationId)
        return (
          <section key={station.stationId}>
            <h3>{config?.title ?? station.stationId}</h3>
            <div className="snapshot-viewer__columns">
              {station.columns.map((column) => (
                <div key={column.columnIndex}>
                  <h4>{config?.columns[column.columnIndex] ?? column.columnIndex + 1}</h4>
                  <ul>
                    {column.notes.map((note) => (
                      <li key={note.id} dir="auto">
                        {note.text}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
            {station.unsorted.length > 0 && (
              <>
                <h4>{t('control.unsorted')}</h4>
                <ul>
                  {station.unsorted.map((note) => (
                    <li key={note.id} dir="auto">
                      {note.text}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        )
      })}
      <button type="button" onClick={() => dialog.current?.close()}>
        {t('control.close')}
      </button>
    </dialog>
  )
}
