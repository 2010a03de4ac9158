import { useCallback, useState } from 'react'
import type { EventConfig } from '@tablecloth/shared'
import { RoomStation, type RoomFitReport } from '../room/RoomStation'
import { useStationColumns } from '../room/useStationColumns'
import type { GalleryBoard } from './GalleryBoard'
import type { TileSizes } from './roomSizes'

/**
 * One station of one table's board as the room sees it, through the room
 * view (`client/src/room`): its columns side by side under their questions,
 * only the notes there are (no empty frame), text fitted to the box and
 * paged with „noch n Karten“ where it cannot all be shown, dots on the cards.
 * Live: it follows the board's doc. A tile draws it small, sequence mode large.
 */
export function GalleryStation({
  board,
  config,
  stationIndex,
  tile,
}: {
  board: GalleryBoard
  config: EventConfig
  stationIndex: number
  /** A tile's sizes; without them the station is drawn large, at the projector's sizes. */
  tile?: TileSizes
}) {
  const station = useStationColumns(board.doc, config, stationIndex)
  // The smallest text of the last fit, on the element, for the e2e tests and the bench.
  const [smallest, setSmallest] = useState<number | null>(null)
  const onFit = useCallback((report: RoomFitReport) => {
    const sizes = report.columns.map((column) => column.fontPx)
    setSmallest(sizes.length > 0 ? Math.min(...sizes) : null)
  }, [])
  if (!station) return null
  return (
    <div
      className="gallery-station"
      data-testid="gallery-station-view"
      data-station-index={stationIndex}
      data-fitted={smallest === null ? undefined : 'true'}
      data-smallest-font-px={smallest ?? undefined}
    >
      <RoomStation
        station={station}
        language={config.language}
        onFit={onFit}
        className={
          tile ? 'gallery-station__room gallery-station__room--tile' : 'gallery-station__room'
        }
        {...(tile && {
          minFontPx: tile.minFontPx,
          maxFontPx: tile.maxFontPx,
          pagingFontPx: tile.pagingFontPx,
          headingFontPx: tile.headingFontPx,
        })}
      />
    </div>
  )
}
