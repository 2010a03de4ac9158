import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { stationColumns, type EventConfig, type StationColumnsView } from '@tablecloth/shared'
import { readOnlyRecords } from '../canvas/boardRecords'

/**
 * One station of a board, column by column (`stationColumns`), read from the
 * board's doc and read again after every change of its records, at most once
 * per task: a burst of updates (a reconnect, a restore) rebuilds it once.
 * Reads through the read-only records view, which skips entries that are no
 * record and never writes to the doc.
 */
export function useStationColumns(
  doc: Y.Doc | null,
  config: EventConfig | null,
  stationIndex: number | null,
): StationColumnsView | null {
  const [view, setView] = useState<StationColumnsView | null>(null)
  useEffect(() => {
    if (!doc || !config || stationIndex === null) {
      setView(null)
      return
    }
    const records = readOnlyRecords(doc)
    const rebuild = () => {
      const plain = records.entries().map(([, record]) => record)
      setView(stationColumns(config, plain, stationIndex))
    }
    let scheduled = false
    const stop = records.observe(() => {
      if (scheduled) return
      scheduled = true
      queueMicrotask(() => {
        scheduled = false
        rebuild()
      })
    })
    rebuild()
    return () => {
      stop()
      records.dispose()
    }
  }, [doc, config, stationIndex])
  return view
}
