import {
  encodeAwarenessEntry,
  encodeAwarenessFrame,
  isRemovedState,
  type AwarenessEntry,
} from './messageCodec'

/**
 * How often a board sends the presence it collected. Every client moves its
 * cursor at about 10 Hz, so a board of 8 would send each receiver some 70
 * frames a second; one frame per 50 ms caps that at 20 however many cursors
 * move, and a cursor trails by at most 50 ms, which a moving pointer does not
 * show.
 */
export const PRESENCE_TICK_MS = 50

/** A socket the batch sends to; the owner of the entries it sent. */
export interface PresencePeer {
  send(frame: Uint8Array): void
}

interface Queued<Peer> {
  entry: AwarenessEntry
  owner: Peer
}

/**
 * What one client said since the last send: a removal, if it left, and its
 * latest state after that. The removal goes first, so a client that left and
 * came back is seen leaving before it is seen again.
 */
interface ClientNews<Peer> {
  removal: Queued<Peer> | null
  state: Queued<Peer> | null
}

/**
 * One board's relayed presence, sent as at most one awareness frame per tick.
 *
 * The first news after a quiet tick goes out at once, so a lone cursor does
 * not lag; whatever follows within the tick is collected and sent when it
 * ends. Per client only its latest state is kept (the room accepts a state
 * only with a newer clock, or after a removal), and a removal outdates all
 * the client said before it. A receiver never gets its own entries back.
 */
export class PresenceBatch<Peer extends PresencePeer> {
  private readonly news = new Map<number, ClientNews<Peer>>()
  private timer: NodeJS.Timeout | null = null

  constructor(
    /** The sockets to send to, as they are when a tick ends. */
    private readonly peers: () => Iterable<Peer>,
    private readonly tickMs: number = PRESENCE_TICK_MS,
  ) {}

  /** Queues entries the room accepted from `owner` (a removal when it left). */
  add(owner: Peer, entries: readonly AwarenessEntry[]): void {
    if (entries.length === 0) return
    for (const entry of entries) this.queue({ entry, owner })
    if (this.timer === null) this.send()
  }

  /** Drops what is queued and the timer, for a room that emptied or is gone. */
  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.news.clear()
  }

  private queue(queued: Queued<Peer>): void {
    const { clientId, state } = queued.entry
    const news = this.news.get(clientId)
    if (isRemovedState(state)) {
      this.news.set(clientId, { removal: queued, state: null })
    } else if (news === undefined) {
      this.news.set(clientId, { removal: null, state: queued })
    } else {
      news.state = queued
    }
  }

  private readonly tick = (): void => {
    this.timer = null
    // A tick without news lets the timer lapse: an idle board costs nothing.
    if (this.news.size > 0) this.send()
  }

  /** Sends the queue and starts a tick, within which news waits. */
  private send(): void {
    const queued: Array<Queued<Peer>> = []
    for (const { removal, state } of this.news.values()) {
      if (removal !== null) queued.push(removal)
      if (state !== null) queued.push(state)
    }
    this.news.clear()
    this.timer = setTimeout(this.tick, this.tickMs)
    // Presence is never a reason to keep the process running.
    this.timer.unref()

    const encoded = queued.map(({ entry }) => encodeAwarenessEntry(entry))
    const owners = new Set(queued.map(({ owner }) => owner))
    let shared: Uint8Array | null = null
    for (const peer of this.peers()) {
      if (!owners.has(peer)) {
        // Everyone who sent nothing this tick gets the same frame, encoded once.
        shared ??= encodeAwarenessFrame(encoded)
        peer.send(shared)
        continue
      }
      // A sender gets the others' entries. A socket speaks for one client, so
      // no two senders leave out the same entries and there is nothing to share.
      const others = encoded.filter((_, i) => queued[i]!.owner !== peer)
      if (others.length > 0) peer.send(encodeAwarenessFrame(others))
    }
  }
}
