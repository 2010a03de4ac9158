import { useCallback } from 'react'
import type * as Y from 'yjs'
import { stationColumns, type EventConfig, type StationColumnsView } from '@tablecloth/shared'
import { useRecordsReading } from './useRecordsReading'

/**
 * One station of a board, column by column (`stationColumns`), read from the
 * board's doc and kept current as `useRecordsReading` reads.
 */
export function useStationColumns(
  doc: Y.Doc | null,
  config: EventConfig | null,
  stationIndex: number | null,
): StationColumnsView | null {
  const read = useCallback(
    (records: readonly unknown[]) =>
      config && stationIndex !== null ? stationColumns(config, records, stationIndex) : null,
    [config, stationIndex],
  )
  return useRecordsReading(doc, config && stationIndex !== null ? read : null) ?? null
}
