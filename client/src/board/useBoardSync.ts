import { useEffect, useState } from 'react'
import { BoardSession } from './BoardSession'
import type { EarlyBoard } from './earlyBoard'

export type BoardSyncState =
  | { phase: 'loading' }
  | { phase: 'ready'; session: BoardSession }
  | { phase: 'incompatible' }
  | { phase: 'failed' }

/**
 * Opens the board for as long as the component is mounted: local copy,
 * sync socket and tldraw store. With no token there is nothing to open.
 */
export function useBoardSync({
  eventId,
  tableId,
  token,
  readOnly,
  early = null,
}: {
  eventId: string
  tableId: string
  token: string | null
  readOnly: boolean
  /** The board as board.html opened it already, taken over instead of opening it again. */
  early?: EarlyBoard | null
}): BoardSyncState {
  const [state, setState] = useState<BoardSyncState>({ phase: 'loading' })

  useEffect(() => {
    if (!token) return
    setState({ phase: 'loading' })
    const options = { eventId, tableId, token, readOnly }
    const session = new BoardSession(
      options,
      () => setState({ phase: 'incompatible' }),
      early?.take(options) ?? undefined,
    )
    session.open().then(
      (result) => {
        if (result === 'ready') setState({ phase: 'ready', session })
        else if (result === 'incompatible') setState({ phase: 'incompatible' })
      },
      (error: unknown) => {
        console.error('The board could not be opened', error)
        setState({ phase: 'failed' })
      },
    )
    return () => session.close()
  }, [eventId, tableId, token, readOnly, early])

  return state
}
