import type { BoardPresence } from '@tablecloth/shared'
import type { Redis } from 'ioredis'
import type { BoardPresenceSummary } from '../sync/boardPresence'

/** How often each process writes who is on the boards it holds. */
const PUBLISH_EVERY_MS = 2_000
/**
 * How long a process's entry outlives its last write: a process that died
 * without a word (SIGKILL) stops counting after this long.
 */
const ENTRY_TTL_MS = 10_000

/**
 * Who is on each board across all processes, for the control room: every
 * process writes its own sockets per board into a Redis hash (one field
 * per process) every two seconds, and reads the others' fields when asked.
 * The count is at most two seconds old, and a vanished process drops out
 * after ten.
 */
export class PresenceDirectory {
  private timer: NodeJS.Timeout | null = null
  private readonly written = new Map<string, string>()

  constructor(
    private readonly redis: Redis,
    private readonly processId: string,
    /** This process's boards in memory and who is on each. */
    private readonly local: () => Iterable<[string, BoardPresenceSummary]>,
    private readonly log: (line: string) => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.publish(), PUBLISH_EVERY_MS)
    this.timer.unref()
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    const rooms = [...this.written.keys()]
    this.written.clear()
    await Promise.allSettled(rooms.map((room) => this.redis.hdel(keyOf(room), this.processId)))
  }

  /** This process's summary of a board joined with what the other processes last wrote. */
  async summary(room: string, own: BoardPresenceSummary): Promise<BoardPresenceSummary> {
    let entries: Record<string, string>
    try {
      entries = await this.redis.hgetall(keyOf(room))
    } catch {
      // Redis away: the control room sees this process's sockets, and the relay is reported down.
      return own
    }
    const now = Date.now()
    const others = Object.entries(entries)
      .filter(([process]) => process !== this.processId)
      .flatMap(([, text]) => parseEntry(text, now))
    return others.reduce(addSummaries, own)
  }

  private async publish(): Promise<void> {
    const now = Date.now()
    const seen = new Set<string>()
    const writes: Array<Promise<unknown>> = []
    for (const [room, summary] of this.local()) {
      seen.add(room)
      const text = JSON.stringify({ at: now, summary })
      this.written.set(room, text)
      writes.push(
        this.redis
          .multi()
          .hset(keyOf(room), this.processId, text)
          .pexpire(keyOf(room), ENTRY_TTL_MS)
          .exec(),
      )
    }
    for (const room of [...this.written.keys()]) {
      if (seen.has(room)) continue
      this.written.delete(room)
      writes.push(this.redis.hdel(keyOf(room), this.processId))
    }
    const failed = (await Promise.allSettled(writes)).some((result) => result.status === 'rejected')
    if (failed) this.log('relay presence-write-failed')
  }
}

function keyOf(room: string): string {
  return `tablecloth:presence:${room}`
}

function parseEntry(text: string, now: number): BoardPresenceSummary[] {
  try {
    const entry = JSON.parse(text) as { at: number; summary: BoardPresenceSummary }
    return now - entry.at <= ENTRY_TTL_MS ? [entry.summary] : []
  } catch {
    return []
  }
}

function addSummaries(a: BoardPresenceSummary, b: BoardPresenceSummary): BoardPresenceSummary {
  const presence = { ...a.presence }
  for (const kind of Object.keys(presence) as Array<keyof BoardPresence>) {
    presence[kind] += b.presence[kind] ?? 0
  }
  return {
    connections: a.connections + b.connections,
    presence,
    names: [...a.names, ...b.names],
    moderatorNames: [...a.moderatorNames, ...b.moderatorNames],
  }
}
