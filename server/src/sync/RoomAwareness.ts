import { isRemovedState, removedState, type AwarenessEntry } from './messageCodec'

interface Presence<Owner> {
  clock: number
  state: Uint8Array
  owner: Owner
}

/** One client's presence as `roomStats` reports it. */
export interface PresenceState {
  clientId: number
  state: unknown
}

const utf8 = new TextDecoder()

/**
 * Presence (cursor, name, selection) of one board's clients, following
 * y-protocols' awareness rules: an entry wins when its clock is newer, and a
 * `null` state at the same clock removes it.
 *
 * Unlike a plain awareness relay, a socket speaks for one client only: the
 * first client id it announces is bound to it, and entries for any other id,
 * or for an id another socket already holds, are dropped. So nobody can move
 * someone else's cursor or make them look gone.
 */
export class RoomAwareness<Owner extends object> {
  private readonly presences = new Map<number, Presence<Owner>>()
  private readonly clientOf = new Map<Owner, number>()

  /**
   * Applies entries sent by `owner` and returns those that changed something,
   * to be relayed: the given array itself when all did, which spares a copy.
   */
  apply(owner: Owner, entries: readonly AwarenessEntry[]): readonly AwarenessEntry[] {
    let accepted: AwarenessEntry[] | null = null
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!
      const applied = this.mayApply(owner, entry) && this.applyEntry(owner, entry)
      if (applied && accepted !== null) accepted.push(entry)
      if (!applied && accepted === null) accepted = entries.slice(0, i)
    }
    return accepted ?? entries
  }

  /** Forgets `owner`'s presence; returns the removal to tell the others, if it had one. */
  removeOwner(owner: Owner): AwarenessEntry[] {
    const clientId = this.clientOf.get(owner)
    if (clientId === undefined) return []
    this.clientOf.delete(owner)
    const presence = this.presences.get(clientId)
    if (presence === undefined || presence.owner !== owner) return []
    this.presences.delete(clientId)
    // Peers drop a state when they see `null` at the clock they already hold.
    return [{ clientId, clock: presence.clock, state: removedState() }]
  }

  /** Every present client, for a socket that just joined. */
  entries(): AwarenessEntry[] {
    const entries: AwarenessEntry[] = []
    for (const [clientId, presence] of this.presences) {
      entries.push({ clientId, clock: presence.clock, state: presence.state })
    }
    return entries
  }

  /** Present clients with their states decoded; a state that is not JSON reads as null. */
  states(): PresenceState[] {
    return this.ownedStates().map(({ clientId, state }) => ({ clientId, state }))
  }

  /** Like `states`, with the socket each presence belongs to. */
  ownedStates(): Array<PresenceState & { owner: Owner }> {
    const states: Array<PresenceState & { owner: Owner }> = []
    for (const [clientId, presence] of this.presences) {
      states.push({ clientId, state: parseState(presence.state), owner: presence.owner })
    }
    return states
  }

  private mayApply(owner: Owner, entry: AwarenessEntry): boolean {
    const bound = this.clientOf.get(owner)
    if (bound !== undefined) return bound === entry.clientId
    const holder = this.presences.get(entry.clientId)?.owner
    if (holder !== undefined && holder !== owner) return false
    this.clientOf.set(owner, entry.clientId)
    return true
  }

  private applyEntry(owner: Owner, entry: AwarenessEntry): boolean {
    const current = this.presences.get(entry.clientId)
    const removed = isRemovedState(entry.state)
    // Like y-protocols, an unknown client counts as clock 0.
    const clock = current?.clock ?? 0
    if (removed) {
      if (current === undefined || clock > entry.clock) return false
      this.presences.delete(entry.clientId)
      return true
    }
    if (clock >= entry.clock) return false
    // Kept as a view into the received frame; frames are never reused.
    this.presences.set(entry.clientId, { clock: entry.clock, state: entry.state, owner })
    return true
  }
}

function parseState(state: Uint8Array): unknown {
  try {
    return JSON.parse(utf8.decode(state)) as unknown
  } catch (error) {
    if (error instanceof SyntaxError) return null
    throw error
  }
}
