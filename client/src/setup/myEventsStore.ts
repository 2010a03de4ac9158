import { create } from 'zustand'
import { persist } from 'zustand/middleware'

/** An event created on this device, kept so its organiser can find the control room again. */
export interface RememberedEvent {
  id: string
  title: string
  /** The event's calendar date, YYYY-MM-DD. */
  date: string
  /** The control room link, organiser token included. */
  controlLink: string
  /** When it was created, as an ISO timestamp. */
  createdAt: string
}

/** The newest events kept; older ones drop off so the list stays readable. */
export const MAX_REMEMBERED_EVENTS = 50

interface MyEventsState {
  /** Newest first. */
  events: RememberedEvent[]
  remember(event: RememberedEvent): void
  /** After the organiser's link was renewed: the remembered link must open the control room still. */
  updateControlLink(id: string, controlLink: string): void
  forget(id: string): void
}

function isRememberedEvent(value: unknown): value is RememberedEvent {
  if (typeof value !== 'object' || value === null) return false
  const entry = value as Record<string, unknown>
  return ['id', 'title', 'date', 'controlLink', 'createdAt'].every(
    (key) => typeof entry[key] === 'string',
  )
}

/** The events created in this browser, remembered in localStorage. */
export const useMyEvents = create<MyEventsState>()(
  persist(
    (set) => ({
      events: [],
      remember: (event) =>
        set(({ events }) => ({
          events: [event, ...events.filter((known) => known.id !== event.id)].slice(
            0,
            MAX_REMEMBERED_EVENTS,
          ),
        })),
      updateControlLink: (id, controlLink) =>
        set(({ events }) => ({
          events: events.map((event) => (event.id === id ? { ...event, controlLink } : event)),
        })),
      forget: (id) => set(({ events }) => ({ events: events.filter((event) => event.id !== id) })),
    }),
    {
      name: 'tablecloth.my-events',
      version: 1,
      partialize: ({ events }) => ({ events }),
      // Storage is input like any other: entries of the wrong shape are dropped.
      merge: (persisted, current) => {
        const stored = (persisted ?? {}) as { events?: unknown }
        const events = Array.isArray(stored.events) ? stored.events.filter(isRememberedEvent) : []
        return { ...current, events: events.slice(0, MAX_REMEMBERED_EVENTS) }
      },
    },
  ),
)
