import { forwardRef, type CSSProperties } from 'react'
import type { EventView } from '@tablecloth/shared'
import { useT } from '../i18n/useT'
import { BoardStatusNote } from './BoardStatusNote'
import type { GalleryBoard } from './GalleryBoard'
import { GalleryCanvas } from './GalleryCanvas'
import { resolveFocus, type StationFilter } from './galleryFocus'
import { useGalleryBoardState } from './useGalleryBoards'

/**
 * One table large: its topic and moderator as the heading (announced when it
 * changes), the station shown with its questions, and the live board.
 */
export const GallerySequence = forwardRef<
  HTMLElement,
  {
    view: EventView
    board: GalleryBoard | undefined
    index: number
    filter: StationFilter
    licenseKey: string | null
  }
>(function GallerySequence({ view, board, index, filter, licenseKey }, ref) {
  const t = useT()
  const state = useGalleryBoardState(board)
  const { tables, stations } = view.config
  const table = tables[index]
  const boardStation = state.day?.stationIndex ?? null
  const focus = resolveFocus(filter, boardStation, view.currentStation, stations.length)
  const station = focus.kind === 'station' ? stations[focus.stationIndex] : undefined

  if (!table) return null
  return (
    <section
      ref={ref}
      className="gallery-sequence"
      data-testid="gallery-sequence"
      data-table-id={table.id}
      aria-labelledby="gallery-current-table"
      tabIndex={-1}
    >
      <header className="gallery-sequence__header">
        <div
          className="gallery-sequence__who"
          aria-live="polite"
          aria-atomic="true"
          data-testid="gallery-current"
        >
          <h2 id="gallery-current-table" className="gallery-sequence__topic" dir="auto">
            {t('gallery.table', { topic: table.topic })}
          </h2>
          {table.moderator && (
            <p className="gallery-sequence__moderator" dir="auto">
              {t('gallery.moderator', { name: table.moderator })}
            </p>
          )}
        </div>
        <div className="gallery-sequence__station" data-testid="gallery-station">
          <p className="gallery-sequence__station-title">
            {station && focus.kind === 'station'
              ? t('gallery.station', {
                  number: focus.stationIndex + 1,
                  count: stations.length,
                  title: station.title,
                })
              : t('gallery.allStations')}
          </p>
          {station && (
            <ol
              className="gallery-sequence__questions"
              aria-label={t('gallery.questionsLabel')}
              style={{ '--gallery-question-columns': station.columns.length } as CSSProperties}
            >
              {station.columns.map((question, column) => (
                <li key={column}>{question}</li>
              ))}
            </ol>
          )}
        </div>
      </header>
      <div className="gallery-sequence__board">
        {board && state.ready && state.status !== 'incompatible' ? (
          <GalleryCanvas
            key={board.tableId}
            board={board}
            focus={focus}
            config={view.config}
            licenseKey={licenseKey}
          />
        ) : null}
        <BoardStatusNote status={state.status} ready={state.ready} />
      </div>
    </section>
  )
})
