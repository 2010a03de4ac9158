import { forwardRef } from 'react'
import { tableNumber, type EventView } from '@tablecloth/shared'
import { stationLine } from '../i18n/stationLine'
import { useT } from '../i18n/useT'
import { BoardStatusNote } from './BoardStatusNote'
import type { GalleryBoard } from './GalleryBoard'
import { GalleryStation } from './GalleryStation'
import { useGalleryBoardState } from './useGalleryBoards'

/**
 * One table large: its topic and moderator as the heading (announced when it
 * changes), the station shown, and the station as the projector shows it
 * (the room view at full size: columns under their questions, live).
 */
export const GallerySequence = forwardRef<
  HTMLElement,
  {
    view: EventView
    board: GalleryBoard | undefined
    index: number
    stationIndex: number
  }
>(function GallerySequence({ view, board, index, stationIndex }, ref) {
  const t = useT()
  const state = useGalleryBoardState(board)
  const { tables, stations } = view.config
  const table = tables[index]
  const station = stations[stationIndex]

  if (!table) return null
  return (
    <section
      ref={ref}
      className="gallery-sequence"
      data-testid="gallery-sequence"
      data-table-id={table.id}
      data-station-index={stationIndex}
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
            {/* Numbered as everywhere in the room: „Tisch 3 – Arbeit“. */}
            {t('table.numbered', {
              number: tableNumber(view.config, table.id),
              topic: table.topic,
            })}
          </h2>
          {table.moderator && (
            <p className="gallery-sequence__moderator" dir="auto">
              {t('gallery.moderator', { name: table.moderator })}
            </p>
          )}
        </div>
        {station && (
          <p className="gallery-sequence__station" data-testid="gallery-station">
            {stationLine(t, station.title, stationIndex, stations.length)}
          </p>
        )}
      </header>
      <div className="gallery-sequence__board">
        {board && state.ready && (
          <GalleryStation
            key={`${board.tableId}/${stationIndex}`}
            board={board}
            config={view.config}
            stationIndex={stationIndex}
          />
        )}
        <BoardStatusNote status={state.status} ready={state.ready} />
      </div>
    </section>
  )
})
