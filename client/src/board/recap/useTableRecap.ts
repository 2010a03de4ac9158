import { useCallback } from 'react'
import type * as Y from 'yjs'
import { tableRecap, type EventConfig, type TableRecap } from '@tablecloth/shared'
import { useRecordsReading } from '../../room/useRecordsReading'

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
  const read = useCallback(
    (records: readonly unknown[]) =>
      config && stationIndex !== null ? tableRecap(config, records, stationIndex) : null,
    [config, stationIndex],
  )
  return useRecordsReading(doc, active && config && stationIndex !== null ? read : null) ?? null
}
