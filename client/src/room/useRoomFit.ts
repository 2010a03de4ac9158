import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { fitStation, type RoomFitOptions, type StationFit, type StationFitInput } from './roomFit'
import { DomRoomMeasure } from './roomMeasure'
import { loadRoomFont } from './roomFont'

interface Size {
  width: number
  height: number
}

export interface RoomFitState<Input extends StationFitInput['columns']> {
  /** The room's root: its box is what the station is fitted into. */
  rootRef: RefObject<HTMLDivElement | null>
  /** An invisible element inside the root where text is measured. */
  hostRef: RefObject<HTMLDivElement | null>
  /** The latest fit, with the columns it was made for; null until the root has a size. */
  fitted: { fit: StationFit; columns: Input } | null
}

/**
 * Fits `columns` into the root element's box and fits again whenever the
 * columns change, the box is resized, or the room's font has loaded (text
 * is measured in the fallback font until then). The fit is made in a layout
 * effect, so the browser never paints a frame with new notes in an old fit.
 */
export function useRoomFit<Input extends StationFitInput['columns']>(
  columns: Input | null,
  options: RoomFitOptions,
): RoomFitState<Input> {
  const rootRef = useRef<HTMLDivElement | null>(null)
  const hostRef = useRef<HTMLDivElement | null>(null)
  const measureRef = useRef<DomRoomMeasure | null>(null)
  const measuredWithFont = useRef(false)
  const [size, setSize] = useState<Size | null>(null)
  const [fontLoaded, setFontLoaded] = useState(false)
  const [fitted, setFitted] = useState<RoomFitState<Input>['fitted']>(null)

  useLayoutEffect(() => {
    const root = rootRef.current
    if (!root) return
    const read = () => {
      const next = { width: root.clientWidth, height: root.clientHeight }
      setSize((current) =>
        current && current.width === next.width && current.height === next.height ? current : next,
      )
    }
    read()
    const observer = new ResizeObserver(read)
    observer.observe(root)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    let current = true
    void loadRoomFont().then(() => {
      if (current) setFontLoaded(true)
    })
    return () => {
      current = false
    }
  }, [])

  useLayoutEffect(() => {
    const host = hostRef.current
    if (!columns || !size || !host || size.width === 0 || size.height === 0) return
    let measure = measureRef.current
    if (!measure) measure = measureRef.current = new DomRoomMeasure(host)
    // Boxes measured before the font arrived are of no use after.
    if (fontLoaded && !measuredWithFont.current) {
      measure.clear()
      measuredWithFont.current = true
    }
    const fit = fitStation({ width: size.width, height: size.height, columns }, measure, options)
    setFitted({ fit, columns })
  }, [columns, size, options, fontLoaded])

  return { rootRef, hostRef, fitted }
}
