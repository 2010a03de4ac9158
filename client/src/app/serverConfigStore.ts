import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { apiCall } from '../api/apiClient'

/** What `GET /api/config` answers. */
export interface ClientConfig {
  tldrawLicenseKey: string | null
  protocol: number
}

/** Decodes the answer once at the boundary; anything else is a server bug worth a loud error. */
export function decodeClientConfig(data: unknown): ClientConfig {
  const value = (data ?? {}) as Record<string, unknown>
  const key = value.tldrawLicenseKey
  if ((key !== null && typeof key !== 'string') || typeof value.protocol !== 'number') {
    throw new Error(`unexpected /api/config answer: ${JSON.stringify(data)}`)
  }
  return { tldrawLicenseKey: key, protocol: value.protocol }
}

interface ServerConfigState {
  config: ClientConfig | null
  /**
   * 'fresh' once the server answered in this visit; 'remembered' when it
   * could not be reached and the last known config is used instead.
   */
  status: 'loading' | 'fresh' | 'remembered'
  load(): Promise<void>
}

/**
 * The server's client config (tldraw licence key, protocol version). It is
 * remembered on this device because the editor needs the licence key before
 * it starts, also when the board is reloaded without a network.
 */
export const useServerConfig = create<ServerConfigState>()(
  persist(
    (set, get) => ({
      config: null,
      status: 'loading',
      async load() {
        try {
          const config = decodeClientConfig(await apiCall<unknown>('GET', '/api/config'))
          set({ config, status: 'fresh' })
        } catch (error) {
          console.warn('Server config unavailable; using the one remembered on this device', error)
          set({ status: 'remembered', config: get().config })
        }
      },
    }),
    {
      name: 'tablecloth.serverConfig',
      version: 1,
      partialize: ({ config }) => ({ config }),
      merge: (persisted, current) => {
        const stored = (persisted ?? {}) as { config?: unknown }
        try {
          return { ...current, config: stored.config ? decodeClientConfig(stored.config) : null }
        } catch (error) {
          console.warn('Ignoring an unreadable remembered server config', error)
          return current
        }
      },
    },
  ),
)
