import { useEffect, useRef } from 'react'
import type { Editor } from 'tldraw'
import type { BoardDayState, EventConfig } from '@tablecloth/shared'
import { showStation } from './stationCamera'

/**
 * Follows the day with the camera: on opening, and whenever the station
 * changes, the board shows the current station's columns. Looking back in
 * between is the moderator's choice and is left alone until the next change.
 */
export function useStationCamera(
  editor: Editor | null,
  config: EventConfig | null,
  day: BoardDayState | null,
): void {
  const shown = useRef<number | null>(null)
  useEffect(() => {
    if (!editor || !config || !day) return
    if (shown.current === day.stationIndex) return
    const first = shown.current === null
    shown.current = day.stationIndex
    showStation(editor, config, day.stationIndex, !first)
  }, [editor, config, day])
}
