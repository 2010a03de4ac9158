import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { BOARD_META, observeBoardMeta, readBoardDay, type BoardDayState } from '@tablecloth/shared'

/**
 * The current station and timer as the server last wrote them into this
 * board. Arrives through sync like any edit, so a board that was offline at
 * a station change catches up on reconnect.
 */
export function useBoardDay(doc: Y.Doc): BoardDayState | null {
  const [day, setDay] = useState(() => readBoardDay(doc))
  useEffect(() => {
    const onChange = () => setDay(readBoardDay(doc))
    const stop = observeBoardMeta(doc, onChange, [BOARD_META.day])
    onChange()
    return stop
  }, [doc])
  return day
}
