import { forwardRef } from 'react'
import type { EventView } from '@tablecloth/shared'
import { useT } from '../i18n/useT'
import type { GalleryBoard } from './GalleryBoard'
import { focusKey, resolveFocus, type StationFilter } from './galleryFocus'
import { BoardStatusNote } from './BoardStatusNote'
import { useBoardImage } from './useBoardImage'
import { useGalleryBoardState } from './useGalleryBoards'

/**
 * One table in the grid: its topic and moderator over a live image of its
 * board (the filtered station). A button: it opens the table in sequence mode.
 */
export const GalleryTile = forwardRef<
  HTMLButtonElement,
  {
    board: GalleryBoard | undefined
    table: EventView['config']['tables'][number]
    view: EventView
    filter: StationFilter
    current: boolean
    active: boolean
    host: HTMLElement | null
    licenseKey: string | null
    onOpen: () => void
  }
>(function GalleryTile(
  { board, table, view, filter, current, active, host, licenseKey, onOpen },
  ref,
) {
  const t = useT()
  const state = useGalleryBoardState(board)
  const stationCount = view.config.stations.length
  const boardStation = state.day?.stationIndex ?? null
  const focus = resolveFocus(filter, boardStation, view.currentStation, stationCount)
  const image = useBoardImage({
    board,
    ready: state.ready,
    focus,
    config: view.config,
    host,
    active,
    licenseKey,
  })

  return (
    <button
      ref={ref}
      type="button"
      className="gallery-tile"
      data-testid="gallery-tile"
      data-table-id={table.id}
      data-connection={state.status}
      data-focus={focusKey(focus)}
      aria-current={current ? 'true' : undefined}
      title={t('gallery.tile.open', { topic: table.topic })}
      onClick={onOpen}
    >
      <span className="gallery-tile__caption">
        <span className="gallery-tile__topic" data-testid="gallery-tile-topic" dir="auto">
          {table.topic}
        </span>
        {table.moderator && (
          <span className="gallery-tile__moderator" dir="auto">
            {t('gallery.moderator', { name: table.moderator })}
          </span>
        )}
      </span>
      <span className="gallery-tile__board">
        {image.kind === 'image' ? (
          <img
            className="gallery-tile__image"
            data-testid="gallery-tile-image"
            data-focus={image.focus}
            data-drawn-at={image.drawnAt}
            src={image.url}
            alt=""
            draggable={false}
          />
        ) : (
          <span className="gallery-tile__placeholder" aria-hidden="true">
            {image.kind === 'empty' ? t('gallery.tile.empty') : t('gallery.tile.drawing')}
          </span>
        )}
        <BoardStatusNote status={state.status} ready={state.ready} compact />
      </span>
    </button>
  )
})
