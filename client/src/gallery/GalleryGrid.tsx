import { useEffect, useRef, useState, type CSSProperties } from 'react'
import type { EventView } from '@tablecloth/shared'
import { useT } from '../i18n/useT'
import type { GalleryBoard } from './GalleryBoard'
import type { StationFilter } from './galleryFocus'
import { GalleryTile } from './GalleryTile'
import { gridColumns, gridRows } from './gridColumns'

/** Lays out the export invisibly, with tldraw's styles, away from everything else. */
const EXPORT_HOST_STYLE: CSSProperties = {
  position: 'fixed',
  top: 0,
  left: 0,
  width: 1,
  height: 1,
  overflow: 'hidden',
  opacity: 0,
  pointerEvents: 'none',
  zIndex: -1,
}

/**
 * Every table at once: one tile per table with its topic and a live image of
 * its board. Stays mounted (hidden) in sequence mode so the images are kept;
 * tiles are only drawn while the grid is shown.
 */
export function GalleryGrid({
  view,
  boards,
  filter,
  index,
  shown,
  licenseKey,
  onOpen,
}: {
  view: EventView
  boards: ReadonlyMap<string, GalleryBoard>
  filter: StationFilter
  index: number
  shown: boolean
  licenseKey: string | null
  onOpen: (index: number) => void
}) {
  const t = useT()
  const [host, setHost] = useState<HTMLDivElement | null>(null)
  const tiles = useRef<Array<HTMLButtonElement | null>>([])
  const { tables } = view.config

  // Back in the grid, the marked tile takes the focus; moving the mark takes it along,
  // unless a control of the page has it.
  const wasShown = useRef(false)
  useEffect(() => {
    const arriving = shown && !wasShown.current
    wasShown.current = shown
    if (!shown) return
    const active = document.activeElement
    const tile = tiles.current[index]
    const focusIsFree =
      !active ||
      active === document.body ||
      !active.isConnected ||
      active.closest('[hidden]') !== null ||
      tiles.current.includes(active as HTMLButtonElement)
    if (tile && active !== tile && (arriving || focusIsFree)) tile.focus()
  }, [index, shown])

  const style = {
    '--gallery-columns': gridColumns(tables.length),
    '--gallery-rows': gridRows(tables.length),
  } as CSSProperties

  return (
    <>
      <div className="gallery-grid-area" hidden={!shown}>
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
                filter={filter}
                current={position === index}
                active={shown}
                host={host}
                licenseKey={licenseKey}
                onOpen={() => onOpen(position)}
              />
            </li>
          ))}
        </ul>
      </div>
      {/* Outside the grid, so it keeps its layout while the grid is hidden. */}
      <div
        ref={setHost}
        className="tl-container tl-theme__light"
        style={EXPORT_HOST_STYLE}
        aria-hidden="true"
        inert
      />
    </>
  )
}
