import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { EventView } from '@tablecloth/shared'
import { apiCall } from '../api/apiClient'

interface EventViewState {
  /** Last known view per event id; kept on the device so an offline reload still has it. */
  views: Record<string, EventView>
  load(eventId: string, token: string): Promise<void>
}

/**
 * The event as a board sees it: table topics, station questions, groups.
 * The live station and timer come through the board doc itself, so this only
 * needs loading once per visit.
 */
export const useEventViews = create<EventViewState>()(
  persist(
    (set, get) => {
      // A board link asks before its page runs (EarlyBoard), and the page asks again: one request.
      const asking = new Map<string, Promise<void>>()
      const ask = async (eventId: string, token: string) => {
        try {
          const view = await apiCall<EventView>('GET', `/api/events/${eventId}`, { token })
          set({ views: { ...get().views, [eventId]: view } })
        } catch (error) {
          // Offline or refused: the remembered view (if any) stays, and the board
          // shows what the connection badge and refusal notice explain.
          console.warn('Event details could not be loaded; using the copy on this device', error)
        }
      }
      return {
        views: {},
        load(eventId, token) {
          const key = `${eventId}\n${token}`
          let pending = asking.get(key)
          if (!pending) {
            pending = ask(eventId, token).finally(() => asking.delete(key))
            asking.set(key, pending)
          }
          return pending
        },
      }
    },
    { name: 'tablecloth.event-views' },
  ),
)
