import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { ServerConfigResponse } from '@tablecloth/shared'
import { apiCall } from '../api/apiClient'

/** What `GET /api/config` answers. */
export type ClientConfig = ServerConfigResponse

/**
 * Decodes the answer once at the boundary; anything else is a server bug
 * worth a loud error. A server (or a config remembered on this device) from
 * before setup PINs leaves `setupPinRequired` out: no PIN then.
 */
export function decodeClientConfig(data: unknown): ClientConfig {
  const value = (data ?? {}) as Record<string, unknown>
  const key = value.tldrawLicenseKey
  const pin = value.setupPinRequired ?? false
  if (
    (key !== null && typeof key !== 'string') ||
    typeof value.protocol !== 'number' ||
    typeof pin !== 'boolean'
  ) {
    throw new Error(`unexpected /api/config answer: ${JSON.stringify(data)}`)
  }
  return { tldrawLicenseKey: key, protocol: value.protocol, setupPinRequired: pin }
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
 * The server's client config (tldraw licence key, protocol version, whether
 * creating an event needs the setup PIN). It is
 * remembered on this device because the editor needs the licence key before
 * it starts, also when the board is reloaded without a network.
 */
export const useServerConfig = create<ServerConfigState>()(
  persist(
    (set, get) => {
      // A board link asks before its page runs (EarlyBoard), and the page asks again: one request.
      let asking: Promise<void> | null = null
      const ask = async () => {
        try {
          const config = decodeClientConfig(await apiCall<unknown>('GET', '/api/config'))
          set({ config, status: 'fresh' })
        } catch (error) {
          console.warn('Server config unavailable; using the one remembered on this device', error)
          set({ status: 'remembered', config: get().config })
        }
      }
      return {
        config: null,
        status: 'loading',
        load() {
          asking ??= ask().finally(() => {
            asking = null
          })
          return asking
        },
      }
    },
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
