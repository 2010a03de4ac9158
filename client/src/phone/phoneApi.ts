import type { EventView, PhoneNoteRequest, PhoneNoteResponse } from '@tablecloth/shared'
import { apiCall } from '../api/apiClient'

/** The two calls the phone page makes; the store takes them as a dependency, so tests fake them. */
export interface PhoneApi {
  /** The event with its current station (and a group link's seat), as the link may see it. */
  loadEvent(): Promise<EventView>
  /** Adds a note to a table's board; see docs/http-api.md. */
  sendNote(note: PhoneNoteRequest, tableId: string): Promise<PhoneNoteResponse>
}

export function phoneApi(eventId: string, token: string): PhoneApi {
  const event = `/api/events/${encodeURIComponent(eventId)}`
  return {
    loadEvent: () => apiCall<EventView>('GET', event, { token }),
    sendNote: (note, tableId) =>
      apiCall<PhoneNoteResponse>('POST', `${event}/tables/${encodeURIComponent(tableId)}/notes`, {
        token,
        body: note,
      }),
  }
}
