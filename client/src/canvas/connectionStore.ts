import { create } from 'zustand'
import { CloseCode, CONTENT_REJECTED_REASON, RECORD_REJECTED_REASON } from '@tablecloth/shared'

export type SocketStatus = 'connecting' | 'connected' | 'disconnected'

/**
 * What the connection badge shows. The first four are the states the e2e
 * tests read from `data-state`; 'stopped' means the server refused the board
 * for good and a notice says why.
 */
export type ConnectionBadgeState = 'online' | 'syncing' | 'offline' | 'saved-locally' | 'stopped'

/** The close codes after which reconnecting cannot help, whatever the reason says. */
export const REFUSAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.ProtocolMismatch,
  CloseCode.Unauthorized,
  CloseCode.Forbidden,
  CloseCode.NotFound,
  // A new socket would offer the same edits to a board that has no room for them.
  CloseCode.BoardFull,
])

/**
 * The 4422 reasons that mean the board refused what this device sent. A new
 * socket would send the same again; 4422 for a frame that did not decode
 * ('malformed sync message') is not among them, as a fresh socket starts clean.
 */
const REJECTED_CONTENT_REASONS: ReadonlySet<string> = new Set([
  CONTENT_REJECTED_REASON,
  RECORD_REJECTED_REASON,
])

/** How the server closed a board socket for good. */
export interface Refusal {
  code: number
  reason: string
}

/** Whether the server closed the socket for good: reconnecting would only be refused again. */
export function isRefusal({ code, reason }: Refusal): boolean {
  if (REFUSAL_CLOSE_CODES.has(code)) return true
  return code === CloseCode.InvalidMessage && REJECTED_CONTENT_REASONS.has(reason)
}

export interface ConnectionFacts {
  /** The browser believes it has a network (`navigator.onLine`). */
  browserOnline: boolean
  socket: SocketStatus
  /** The server's state has arrived over the current socket. */
  synced: boolean
  /** The last attempt failed or an open socket dropped; cleared once a socket opens. */
  lastAttemptFailed: boolean
  /** The board is loaded from IndexedDB, which records every further change. */
  savedLocally: boolean
  /** How the server refused this board, if it did (see `isRefusal`). */
  refusedWith: Refusal | null
}

export function initialConnectionFacts(browserOnline: boolean): ConnectionFacts {
  return {
    browserOnline,
    socket: 'disconnected',
    synced: false,
    lastAttemptFailed: false,
    savedLocally: false,
    refusedWith: null,
  }
}

/**
 * Derives the badge from the facts. Retries against an unreachable server
 * keep showing offline (or saved-locally) rather than flickering to syncing
 * with every attempt.
 */
export function badgeState(facts: ConnectionFacts): ConnectionBadgeState {
  if (facts.refusedWith !== null) return 'stopped'
  if (facts.socket === 'connected') return facts.synced ? 'online' : 'syncing'
  const firstAttempt = facts.socket === 'connecting' && !facts.lastAttemptFailed
  if (facts.browserOnline && firstAttempt) return 'syncing'
  return facts.savedLocally ? 'saved-locally' : 'offline'
}

interface ConnectionState extends ConnectionFacts {
  update(patch: Partial<ConnectionFacts>): void
  reset(browserOnline: boolean): void
}

/** The open board's connection. One board is open per page. */
export const useConnection = create<ConnectionState>((set) => ({
  ...initialConnectionFacts(true),
  update: (patch) => set(patch),
  reset: (browserOnline) => set(initialConnectionFacts(browserOnline)),
}))

export function useBadgeState(): ConnectionBadgeState {
  return useConnection(badgeState)
}
