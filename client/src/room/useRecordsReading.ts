import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { readOnlyRecords } from '../canvas/boardRecords'

/**
 * What `read` makes of a board's records, read from the board's doc and read
 * again after every change of its records, at most once per task: a burst
 * of updates (a reconnect, a restore) rebuilds it once. Reads through the
 * read-only records view, which skips entries that are no record and never
 * writes to the doc. With no doc or no `read`, nothing is read and the
 * answer is null; callers keep `read` stable (useCallback), as a new one
 * reads again.
 */
export function useRecordsReading<T>(
  doc: Y.Doc | null,
  read: ((records: readonly unknown[]) => T) | null,
): T | null {
  const [reading, setReading] = useState<T | null>(null)
  useEffect(() => {
    if (!doc || !read) {
      setReading(null)
      return
    }
    const records = readOnlyRecords(doc)
    const rebuild = () => {
      const plain = records.entries().map(([, record]) => record)
      setReading(read(plain))
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
  }, [doc, read])
  return reading
}
