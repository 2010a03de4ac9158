import { useEffect, useRef, useState } from 'react'
import type { EventConfig } from '@tablecloth/shared'
import type { GalleryBoard } from './GalleryBoard'
import { focusKey, type BoardFocus } from './galleryFocus'
import { renderBoardImage } from './renderBoardImage'
import { SerialQueue, throttle } from './tileScheduling'

/** A tile is redrawn at most this often while notes arrive on its board. */
export const TILE_REFRESH_MS = 1500

/** One tile drawn at a time across the whole grid. */
const drawQueue = new SerialQueue()

export type TileImageState =
  | { kind: 'none' }
  | { kind: 'empty' }
  | { kind: 'image'; url: string; focus: string; drawnAt: number }

/**
 * A board's tile as an SVG image (an object URL), redrawn while `active` and
 * whenever the board or the focus changes (throttled, see TILE_REFRESH_MS).
 * While inactive (the gallery shows one board large) nothing is drawn and the
 * last image is kept; changes in the meantime are drawn on return.
 */
export function useBoardImage({
  board,
  ready,
  focus,
  config,
  host,
  active,
  licenseKey,
}: {
  board: GalleryBoard | undefined
  ready: boolean
  focus: BoardFocus
  config: EventConfig | null
  /** Where the export lays out its text (see renderBoardImage). */
  host: HTMLElement | null
  active: boolean
  licenseKey: string | null
}): TileImageState {
  const [image, setImage] = useState<TileImageState>({ kind: 'none' })
  const url = useRef<string | null>(null)
  const stale = useRef(true)
  const drawnFor = useRef<string | null>(null)
  const request = useRef<(() => void) | null>(null)
  const key = focusKey(focus)
  const focusRef = useRef(focus)
  focusRef.current = focus

  // Every change on the board makes the tile stale.
  useEffect(() => {
    if (!board || !ready) return
    stale.current = true
    request.current?.()
    return board.store.listen(
      () => {
        stale.current = true
        request.current?.()
      },
      { scope: 'document' },
    )
  }, [board, ready])

  useEffect(() => {
    if (!board || !ready || !config || !host || !active) return
    let cancelled = false
    const draw = throttle(async () => {
      stale.current = false
      const drawn = await drawQueue.run(async () =>
        cancelled
          ? undefined
          : renderBoardImage(board.store, focusRef.current, config, host, licenseKey ?? undefined),
      )
      if (cancelled || drawn === undefined) {
        stale.current = true
        return
      }
      drawnFor.current = key
      const previous = url.current
      if (drawn) {
        url.current = URL.createObjectURL(drawn.blob)
        setImage({ kind: 'image', url: url.current, focus: key, drawnAt: Date.now() })
      } else {
        url.current = null
        setImage({ kind: 'empty' })
      }
      if (previous) URL.revokeObjectURL(previous)
    }, TILE_REFRESH_MS)
    request.current = () => draw.request()
    if (stale.current || drawnFor.current !== key) draw.request()
    return () => {
      cancelled = true
      request.current = null
      draw.dispose()
    }
  }, [board, ready, config, host, active, key, licenseKey])

  useEffect(
    () => () => {
      if (url.current) URL.revokeObjectURL(url.current)
      url.current = null
    },
    [],
  )

  return image
}
