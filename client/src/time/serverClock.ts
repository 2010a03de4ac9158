import { create } from 'zustand'
import { clockOffset } from '@tablecloth/shared'
import { apiCall } from '../api/apiClient'

interface ServerClockState {
  /** serverTime - clientTime in ms; 0 until measured. */
  offsetMs: number
  measured: boolean
  measure(): Promise<void>
}

/**
 * The server's clock as seen from this device. Timers count down from
 * server time, so the projector, boards and control room agree to the second
 * even when a laptop's clock is off by minutes.
 */
export const useServerClock = create<ServerClockState>((set) => ({
  offsetMs: 0,
  measured: false,
  async measure() {
    // Several samples; the one with the shortest round trip has the least error.
    let best: { offset: number; rtt: number } | null = null
    for (let i = 0; i < 3; i++) {
      const clientSentAt = Date.now()
      const { serverTime } = await apiCall<{ serverTime: number }>('GET', '/api/time')
      const clientReceivedAt = Date.now()
      const rtt = clientReceivedAt - clientSentAt
      const offset = clockOffset({ clientSentAt, serverTime, clientReceivedAt })
      if (!best || rtt < best.rtt) best = { offset, rtt }
    }
    if (best) set({ offsetMs: best.offset, measured: true })
  },
}))

export function serverNow(offsetMs: number): number {
  return Date.now() + offsetMs
}
