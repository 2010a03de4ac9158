import { useEffect, useState } from 'react'
import type { EventView } from '@tablecloth/shared'
import { ApiError, apiCall } from '../api/apiClient'
import { useEventViews } from '../canvas/eventViewStore'

export type GalleryEventState =
  | { phase: 'loading' }
  | { phase: 'ready'; view: EventView }
  | { phase: 'failed'; error: ApiError }

/**
 * The event as the gallery's link may see it: tables (topic, moderator) and
 * stations. Loaded once; the live station comes through each board's doc.
 * Kept on the device with the boards' copies, so a reload without the server
 * still knows the tables.
 */
export function useGalleryEvent(eventId: string, token: string | null): GalleryEventState {
  const [state, setState] = useState<GalleryEventState>({ phase: 'loading' })
  useEffect(() => {
    if (!token) return
    const controller = new AbortController()
    setState({ phase: 'loading' })
    apiCall<EventView>('GET', `/api/events/${encodeURIComponent(eventId)}`, {
      token,
      signal: controller.signal,
    }).then(
      (view) => {
        useEventViews.setState((stored) => ({ views: { ...stored.views, [eventId]: view } }))
        setState({ phase: 'ready', view })
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        const remembered = useEventViews.getState().views[eventId]
        if (error instanceof ApiError && error.code === 'network' && remembered) {
          setState({ phase: 'ready', view: remembered })
        } else if (error instanceof ApiError) {
          setState({ phase: 'failed', error })
        } else {
          setState({ phase: 'failed', error: new ApiError(0, 'internal', String(error)) })
        }
      },
    )
    return () => controller.abort()
  }, [eventId, token])
  return state
}
