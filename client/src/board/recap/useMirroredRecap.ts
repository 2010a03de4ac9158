import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { recapToMirror, type RecapShown } from '@tablecloth/shared'

/**
 * The recap a moderator's board of this table has open for the running
 * station (`recapToMirror`), from the awareness states the projector
 * receives; null while none is open.
 */
export function useMirroredRecap(awareness: Awareness, stationIndex: number): RecapShown | null {
  const [shown, setShown] = useState<RecapShown | null>(null)
  useEffect(() => {
    const update = () => {
      const next = recapToMirror(awareness.getStates(), stationIndex)
      // A cursor moving changes awareness many times a second: keep the same object then.
      setShown((current) =>
        current?.page === next?.page && current?.stationIndex === next?.stationIndex
          ? current
          : next,
      )
    }
    update()
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [awareness, stationIndex])
  return shown
}
