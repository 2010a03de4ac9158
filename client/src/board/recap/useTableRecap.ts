import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { tableRecap, type EventConfig, type TableRecap } from '@tablecloth/shared'
import { readOnlyRecords } from '../../canvas/boardRecords'

/**
 * The table's recap (`tableRecap`) from the board's own Y.Doc, the one the
 * moderator's board is already synced to: no request, and a note pinned or
 * voted while the recap is open shows up in it. Rebuilt at most once per
 * task, as `useStationColumns` does. Reads nothing while `active` is false:
 * the recap is closed most of the day.
 */
export function useTableRecap(
  doc: Y.Doc,
  config: EventConfig | null,
  stationIndex: number | null,
  active: boolean,
): TableRecap | null {
  const [recap, setRecap] = useState<TableRecap | null>(null)
  useEffect(() => {
    if (!active || !config || stationIndex === null) {
      setRecap(null)
      return
    }
    const records = readOnlyRecords(doc)
    const rebuild = () => {
      const plain = records.entries().map(([, record]) => record)
      setRecap(tableRecap(config, plain, stationIndex))
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
  }, [doc, config, stationIndex, active])
  return recap
}
