import type { EventView, PhoneNoteRequest, PhoneNoteResponse } from '@tablecloth/shared'
import { apiCall } from '../api/apiClient'
import type { PhoneLink } from './phoneRoute'

/** The two calls the phone page makes; the store takes them as a dependency, so tests fake them. */
export interface PhoneApi {
  /** The event with its current station, as the participant link may see it. */
  loadEvent(): Promise<EventView>
  /** Adds a note to the table's board; see docs/http-api.md. */
  sendNote(note: PhoneNoteRequest): Promise<PhoneNoteResponse>
}

export function phoneApi(link: PhoneLink, token: string): PhoneApi {
  const event = `/api/events/${encodeURIComponent(link.eventId)}`
  return {
    loadEvent: () => apiCall<EventView>('GET', event, { token }),
    sendNote: (note) =>
      apiCall<PhoneNoteResponse>(
        'POST',
        `${event}/tables/${encodeURIComponent(link.tableId)}/notes`,
        { token, body: note },
      ),
  }
}
