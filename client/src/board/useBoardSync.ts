import { useEffect, useState } from 'react'
import { BoardSession } from './BoardSession'

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
}: {
  eventId: string
  tableId: string
  token: string | null
  readOnly: boolean
}): BoardSyncState {
  const [state, setState] = useState<BoardSyncState>({ phase: 'loading' })

  useEffect(() => {
    if (!token) return
    setState({ phase: 'loading' })
    const session = new BoardSession({ eventId, tableId, token, readOnly }, () =>
      setState({ phase: 'incompatible' }),
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
  }, [eventId, tableId, token, readOnly])

  return state
}
