import { useEffect, useState } from 'react'
import { isRecapFresh, type BoardDayState } from '@tablecloth/shared'
import { serverNow, useServerClock } from '../../time/serverClock'

/** How often the board asks whether the round is still fresh: the mark fades within this. */
const CHECK_MS = 10_000

/** Whether the round has just begun (`isRecapFresh`), by the server's clock, re-checked every few seconds. */
export function useRecapFresh(day: BoardDayState): boolean {
  const offsetMs = useServerClock((state) => state.offsetMs)
  const [fresh, setFresh] = useState(() =>
    isRecapFresh(day.stationIndex, day.timer, serverNow(offsetMs)),
  )
  useEffect(() => {
    const update = () => setFresh(isRecapFresh(day.stationIndex, day.timer, serverNow(offsetMs)))
    update()
    const id = window.setInterval(update, CHECK_MS)
    return () => window.clearInterval(id)
  }, [day, offsetMs])
  return fresh
}
