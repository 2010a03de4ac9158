import { forwardRef } from 'react'
import { tableNumber, type EventView } from '@tablecloth/shared'
import { useT } from '../i18n/useT'
import { BoardStatusNote } from './BoardStatusNote'
import type { GalleryBoard } from './GalleryBoard'
import { GalleryStation } from './GalleryStation'
import type { TileSizes } from './roomSizes'
import { useGalleryBoardState } from './useGalleryBoards'

/**
 * One table in the grid: its topic and moderator over the station shown, as
 * the room view draws it (fitted, live). The topic is the tile's button (for
 * the keyboard and screen readers); a click anywhere on the tile opens the
 * table in sequence mode too.
 */
export const GalleryTile = forwardRef<
  HTMLButtonElement,
  {
    board: GalleryBoard | undefined
    table: EventView['config']['tables'][number]
    view: EventView
    stationIndex: number
    sizes: TileSizes
    current: boolean
    onOpen: () => void
  }
>(function GalleryTile({ board, table, view, stationIndex, sizes, current, onOpen }, ref) {
  const t = useT()
  const state = useGalleryBoardState(board)

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the tile's own button opens the table by keyboard; the click on the rest of the tile is a larger target for the mouse.
    <article
      className="gallery-tile"
      data-testid="gallery-tile"
      data-table-id={table.id}
      data-connection={state.status}
      data-station-index={stationIndex}
      aria-current={current ? 'true' : undefined}
      onClick={(event) => {
        // The button opens the table by itself; everything else on the tile does it here.
        if (!(event.target instanceof Element && event.target.closest('button'))) onOpen()
      }}
    >
      <header className="gallery-tile__caption">
        <button
          ref={ref}
          type="button"
          className="gallery-tile__open"
          data-testid="gallery-tile-open"
          title={t('gallery.tile.open', { topic: table.topic })}
          onClick={onOpen}
        >
          <span className="gallery-tile__number" data-testid="gallery-tile-number">
            {t('table.number', { number: tableNumber(view.config, table.id) })} –{' '}
          </span>
          <span className="gallery-tile__topic" data-testid="gallery-tile-topic" dir="auto">
            {table.topic}
          </span>
        </button>
        {table.moderator && (
          <span className="gallery-tile__moderator" dir="auto">
            {t('gallery.moderator', { name: table.moderator })}
          </span>
        )}
      </header>
      <div className="gallery-tile__board">
        {board && state.ready && (
          <GalleryStation
            key={stationIndex}
            board={board}
            config={view.config}
            stationIndex={stationIndex}
            tile={sizes}
          />
        )}
        <BoardStatusNote status={state.status} ready={state.ready} compact />
      </div>
    </article>
  )
})
