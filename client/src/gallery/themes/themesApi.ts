import type { SaveThemesRequest, SuggestThemesResponse, ThemesResponse } from '@tablecloth/shared'
import { apiCall } from '../../api/apiClient'

/** The themes routes of one event, called with the link's token (see docs/http-api.md). */
export interface ThemesApi {
  load(signal?: AbortSignal): Promise<ThemesResponse>
  suggest(): Promise<SuggestThemesResponse>
  save(body: SaveThemesRequest): Promise<ThemesResponse>
}

export function themesApi(eventId: string, token: string): ThemesApi {
  const path = `/api/events/${encodeURIComponent(eventId)}/themes`
  return {
    load: (signal) => apiCall<ThemesResponse>('GET', path, { token, signal }),
    suggest: () => apiCall<SuggestThemesResponse>('POST', `${path}/suggest`, { token }),
    save: (body) => apiCall<ThemesResponse>('PUT', path, { token, body }),
  }
}
