import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { BOARD_DOC, BOARD_META, type BoardDayState } from '@tablecloth/shared'

/** Reads where the day stands from a board doc's meta map. */
export function readBoardDay(doc: Y.Doc): BoardDayState | null {
  const value = doc.getMap(BOARD_DOC.meta).get(BOARD_META.day) as BoardDayState | undefined
  return value && typeof value.stationIndex === 'number' ? value : null
}

/**
 * The current station and timer as the server last wrote them into this
 * board. Arrives through sync like any edit, so a board that was offline at
 * a station change catches up on reconnect.
 */
export function useBoardDay(doc: Y.Doc): BoardDayState | null {
  const [day, setDay] = useState(() => readBoardDay(doc))
  useEffect(() => {
    const meta = doc.getMap(BOARD_DOC.meta)
    const onChange = () => setDay(readBoardDay(doc))
    meta.observe(onChange)
    onChange()
    return () => meta.unobserve(onChange)
  }, [doc])
  return day
}
