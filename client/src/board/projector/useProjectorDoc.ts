import { useEffect, useState } from 'react'
import { DocSession } from '../DocSession'
import { publishTestHook } from '../testHook'

export type ProjectorDocState =
  | { phase: 'loading' }
  | { phase: 'ready'; session: DocSession }
  | { phase: 'failed' }

/**
 * Opens a table's board for the projector for as long as the component is
 * mounted: its doc, the projector's own copy on this device and a read-only
 * sync socket. No tldraw store: the projector draws the doc itself.
 */
export function useProjectorDoc({
  eventId,
  tableId,
  token,
}: {
  eventId: string
  tableId: string
  token: string | null
}): ProjectorDocState {
  const [state, setState] = useState<ProjectorDocState>({ phase: 'loading' })

  useEffect(() => {
    if (!token) return
    setState({ phase: 'loading' })
    const session = new DocSession({ eventId, tableId, token, readOnly: true })
    let withdraw: (() => void) | null = null
    session.load().then(
      (loaded) => {
        if (!loaded) return
        withdraw = publishTestHook({ doc: session.doc, provider: session.provider })
        setState({ phase: 'ready', session })
      },
      (error: unknown) => {
        console.error('The board could not be opened', error)
        setState({ phase: 'failed' })
      },
    )
    return () => {
      withdraw?.()
      session.close()
    }
  }, [eventId, tableId, token])

  return state
}
