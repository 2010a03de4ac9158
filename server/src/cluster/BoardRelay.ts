import { randomBytes } from 'node:crypto'
import { CloseCode, CloseReason } from '@tablecloth/shared'
import { Redis } from 'ioredis'
import type { RoomRegistry, RoomSharing } from '../sync/RoomRegistry'
import {
  boardChannel,
  decodeBoardMessage,
  decodeEventMessage,
  EVENTS_CHANNEL,
  encodeBoardMessage,
  encodeEventMessage,
  type EventMessage,
  roomOfChannel,
} from './relayMessages'

/**
 * How long a board may lack a numbered update before it is read again from
 * the store. Messages from two processes can arrive in either order, so a
 * gap that closes within this time was no loss.
 */
const GAP_GRACE_MS = 250

/** Distributive Omit, so each kind of event message keeps its own fields. */
type WithoutOrigin<T> = T extends unknown ? Omit<T, 'origin'> : never

/**
 * Relays between the processes that share one PostgreSQL store, through
 * Redis pub/sub.
 *
 * Every update a process logs is published with its number on the board's
 * channel, after it is committed (write before relay holds across
 * processes). A process subscribes to the boards it holds in memory and
 * applies what others publish without logging it again. Pub/sub is
 * fire-and-forget, so numbers tell when a message was missed: the board is
 * then read again from the store, which holds every update.
 *
 * While Redis is unreachable, edits are refused (`available` is false and
 * the registry closes sockets with 4507); when it is back, every board held
 * here is read again and the sockets reconnect.
 */
export class BoardRelay implements RoomSharing {
  readonly processId = randomBytes(8).toString('hex')
  private readonly publisher: Redis
  private readonly subscriber: Redis
  private registry: RoomRegistry | null = null
  private readonly gapTimers = new Map<string, NodeJS.Timeout>()
  private readonly ready = { publisher: false, subscriber: false }
  private wasAvailable = false
  /** Callers of `whenAvailable`, told when both connections are up. */
  private readonly waiters = new Set<() => void>()
  private closing = false

  constructor(
    url: string,
    private readonly onEvent: (message: EventMessage) => void,
    private readonly log: (line: string) => void,
  ) {
    const options = {
      // A publish while Redis is away fails at once instead of waiting in a queue:
      // the update is in the store, and the others read it when Redis is back.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
    }
    this.publisher = new Redis(url, options)
    this.subscriber = new Redis(url, { ...options, enableOfflineQueue: true })
    this.watch(this.publisher, 'publisher')
    this.watch(this.subscriber, 'subscriber')
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.receive(channel.toString(), message),
    )
    void this.subscriber.subscribe(EVENTS_CHANNEL).catch(() => {})
  }

  /** The connection for commands (shared counters); it fails at once while Redis is away. */
  get commands(): Redis {
    return this.publisher
  }

  /** The registry whose boards this relay serves; set once, before any socket arrives. */
  attach(registry: RoomRegistry): void {
    this.registry = registry
  }

  get available(): boolean {
    return this.ready.publisher && this.ready.subscriber
  }

  /** Resolves once both connections to Redis are up, or rejects after `timeoutMs`. */
  whenAvailable(timeoutMs = 10_000): Promise<void> {
    if (this.available) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(done)
        reject(new Error('Redis is not reachable'))
      }, timeoutMs)
      const done = () => {
        clearTimeout(timer)
        resolve()
      }
      this.waiters.add(done)
    })
  }

  opened(room: string): void {
    // Anything logged between reading the board and this subscription is
    // caught by comparing the stored head once subscribed.
    this.subscriber
      .subscribe(boardChannel(room))
      .then(() => this.catchUp(room))
      .catch((error: unknown) => this.log(`relay subscribe-failed room=${room} ${describe(error)}`))
  }

  closed(room: string): void {
    clearTimeout(this.gapTimers.get(room))
    this.gapTimers.delete(room)
    if (this.closing) return
    this.subscriber.unsubscribe(boardChannel(room)).catch(() => {})
  }

  logged(room: string, seq: number, update: Uint8Array): void {
    this.publish(boardChannel(room), {
      kind: 'update',
      origin: this.processId,
      seq,
      payload: update,
    })
    // A number beyond one this process never heard of: another process's
    // message is late or lost, and this board must not wait for the next one.
    if (this.registry?.hasGap(room)) this.catchUpSoon(room)
  }

  presence(room: string, frame: Uint8Array): void {
    this.publish(boardChannel(room), { kind: 'presence', origin: this.processId, payload: frame })
  }

  /** Tells every other process about an event-level change; this one has made it already. */
  announce(message: WithoutOrigin<EventMessage>): void {
    const text = encodeEventMessage({ ...message, origin: this.processId } as EventMessage)
    this.publisher.publish(EVENTS_CHANNEL, text).catch((error: unknown) => {
      this.log(`relay publish-failed channel=events ${describe(error)}`)
    })
  }

  /** Whether Redis answers now, for /healthz. */
  async ping(): Promise<boolean> {
    try {
      return (await this.publisher.ping()) === 'PONG'
    } catch {
      return false
    }
  }

  async close(): Promise<void> {
    this.closing = true
    for (const timer of this.gapTimers.values()) clearTimeout(timer)
    this.gapTimers.clear()
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()])
    this.publisher.disconnect()
    this.subscriber.disconnect()
  }

  private publish(channel: string, message: Parameters<typeof encodeBoardMessage>[0]): void {
    this.publisher.publish(channel, encodeBoardMessage(message)).catch((error: unknown) => {
      // The update is stored: the others notice the skipped number and read it.
      this.log(`relay publish-failed ${describe(error)}`)
    })
  }

  private receive(channel: string, bytes: Buffer): void {
    if (channel === EVENTS_CHANNEL) {
      const message = decodeEventMessage(bytes.toString('utf8'))
      if (message === null || message.origin === this.processId) return
      try {
        this.onEvent(message)
      } catch (error) {
        // Thrown from a Redis callback it would end the process (a store that
        // cannot be written while a deletion is repeated here): reported instead.
        this.log(`relay event-failed type=${message.type} ${describe(error)}`)
      }
      return
    }
    const room = roomOfChannel(channel)
    const registry = this.registry
    if (room === null || registry === null) return
    const message = decodeBoardMessage(bytes)
    if (message === null || message.origin === this.processId) return
    if (message.kind === 'presence') {
      registry.receivePeerPresence(room, message.payload)
      return
    }
    registry.receivePeerUpdate(room, message.seq, message.payload)
    if (registry.hasGap(room)) this.catchUpSoon(room)
  }

  private catchUpSoon(room: string): void {
    if (this.gapTimers.has(room)) return
    const timer = setTimeout(() => {
      this.gapTimers.delete(room)
      if (this.registry?.hasGap(room)) this.catchUp(room)
    }, GAP_GRACE_MS)
    timer.unref()
    this.gapTimers.set(room, timer)
  }

  /** Reads a board held here again from the store; a failure is logged, and the next message retries. */
  private catchUp(room: string): void {
    try {
      this.registry?.catchUp(room)
    } catch (error) {
      this.log(`relay catch-up-failed room=${room} ${describe(error)}`)
    }
  }

  private watch(connection: Redis, name: keyof BoardRelay['ready']): void {
    connection.on('ready', () => {
      this.ready[name] = true
      this.availabilityChanged()
    })
    const lost = () => {
      if (!this.ready[name]) return
      this.ready[name] = false
      this.availabilityChanged()
    }
    connection.on('close', lost)
    connection.on('end', lost)
    // ioredis reconnects by itself; the error is only reported.
    connection.on('error', (error: unknown) => {
      if (!this.closing) this.log(`relay redis-error ${describe(error)}`)
    })
  }

  private availabilityChanged(): void {
    const available = this.available
    if (available === this.wasAvailable || this.closing) return
    this.wasAvailable = available
    const registry = this.registry
    if (!available) {
      this.log('relay unavailable: edits are refused until Redis is back')
      // Edits made now would reach only this process's sockets: every socket
      // is closed, and reconnects once Redis is back.
      registry?.closeConnectionsWhere(
        () => true,
        CloseCode.StorageFailure,
        CloseReason.StorageFailure,
      )
      return
    }
    this.log('relay available')
    for (const done of this.waiters) done()
    this.waiters.clear()
    // Whatever was published while this process could not hear it is in the store.
    for (const room of registry?.loadedRooms() ?? []) this.catchUp(room)
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code
    return `error=${typeof code === 'string' ? code : error.name}`
  }
  return `error=${typeof error}`
}
