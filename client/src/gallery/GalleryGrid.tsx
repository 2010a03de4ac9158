import { useEffect, useMemo, useRef, type CSSProperties } from 'react'
import type { EventView } from '@tablecloth/shared'
import { useT } from '../i18n/useT'
import type { GalleryBoard } from './GalleryBoard'
import { GalleryTile } from './GalleryTile'
import { gridColumns, gridRows } from './gridColumns'
import { tileSizes } from './roomSizes'

/**
 * Every table at once, at one station: one tile per table with its topic and
 * the station as the room view draws it. Unmounted in sequence mode, so only
 * the board shown is laid out; the tiles fit again on the way back.
 */
export function GalleryGrid({
  view,
  boards,
  stationIndex,
  index,
  onOpen,
}: {
  view: EventView
  boards: ReadonlyMap<string, GalleryBoard>
  stationIndex: number
  index: number
  onOpen: (index: number) => void
}) {
  const t = useT()
  const tiles = useRef<Array<HTMLButtonElement | null>>([])
  const { tables } = view.config

  // Arriving in the grid, the marked tile takes the focus; moving the mark
  // takes it along, unless a control of the page has it.
  const arrived = useRef(false)
  useEffect(() => {
    const arriving = !arrived.current
    arrived.current = true
    const active = document.activeElement
    const tile = tiles.current[index]
    const focusIsFree =
      !active ||
      active === document.body ||
      !active.isConnected ||
      tiles.current.includes(active as HTMLButtonElement)
    if (tile && active !== tile && (arriving || focusIsFree)) tile.focus()
  }, [index])

  const across = gridColumns(tables.length)
  const sizes = useMemo(() => tileSizes(across), [across])
  const style = {
    '--gallery-columns': across,
    '--gallery-rows': gridRows(tables.length),
  } as CSSProperties

  return (
    <div className="gallery-grid-area">
      <ul
        className="gallery-grid"
        aria-label={t('gallery.grid.label')}
        style={style}
        data-testid="gallery-grid"
      >
        {tables.map((table, position) => (
          <li key={table.id} className="gallery-grid__cell">
            <GalleryTile
              ref={(element) => {
                tiles.current[position] = element
              }}
              board={boards.get(table.id)}
              table={table}
              view={view}
              stationIndex={stationIndex}
              sizes={sizes}
              current={position === index}
              onOpen={() => onOpen(position)}
            />
          </li>
        ))}
      </ul>
    </div>
  )
}
