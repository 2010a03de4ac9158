import { distributionOf, type Distribution } from './stats'

/**
 * Bookkeeping for note probes: who must apply each note, who did, and how long
 * the last of them took. Only probes written while the probe is open count, so
 * notes from the warm-up that arrive late are ignored rather than mis-timed.
 */
export interface LatencyProbe {
  open(): void
  close(): void
  readonly isOpen: boolean
  /**
   * Registers a note written now that `receivers` other clients must apply:
   * the seats 0 to `receivers` other than `writer`'s, as on a board of
   * `receivers + 1` clients.
   */
  sent(probe: string, receivers: number, writer?: number): void
  /** One receiver applied the note `latencyMs` after it was written. */
  received(probe: string, receiver: number, latencyMs: number): void
  /** Resolves once every counted note reached every receiver, or after `timeoutMs`. */
  settled(timeoutMs: number): Promise<void>
  summary(): ProbeSummary
  /** Every latency counted so far, to pool with other processes' before taking percentiles. */
  samples(): ProbeSamples
}

/** A probe's raw latencies, in ms. */
export interface ProbeSamples {
  allApplied: number[]
  eachApplied: number[]
}

/**
 * Names the group a receipt counts in, from the writer's and the receiver's
 * seats: e.g. whether both sockets are on the same server process.
 */
export type ReceiptGroup = (writer: number, receiver: number) => string

export interface ProbeSummary {
  notesSent: number
  receiptsExpected: number
  receiptsReceived: number
  /** Expected receipts that never arrived: must be 0. */
  lost: number
  /** Receipts of a note a receiver had already applied. */
  duplicates: number
  /** Per note: edit until the last other client on the board applied it. */
  allApplied: Distribution
  /** Per receipt: edit until one other client applied it. */
  eachApplied: Distribution
  /** The same per receipt group, when the probe was made with one. */
  groups: Map<string, GroupSummary>
}

/** Latencies of the receipts in one group. */
export interface GroupSummary {
  receiptsExpected: number
  lost: number
  /** Per note: edit until the last receiver of the group applied it. */
  allApplied: Distribution
  eachApplied: Distribution
}

interface GroupTally {
  expected: number
  seen: number
  slowest: number
}

interface PendingNote {
  receivers: number
  writer: number
  seen: Set<number>
  slowest: number
  /** Per receipt group, when there are groups. */
  groups: Map<string, GroupTally>
}

export function createLatencyProbe(groupOf?: ReceiptGroup): LatencyProbe {
  const notes = new Map<string, PendingNote>()
  const allApplied: number[] = []
  const eachApplied: number[] = []
  const groups = new Map<string, { expected: number; all: number[]; each: number[] }>()
  const groupNamed = (name: string) => {
    let group = groups.get(name)
    if (!group) {
      group = { expected: 0, all: [], each: [] }
      groups.set(name, group)
    }
    return group
  }
  let open = false
  let receiptsExpected = 0
  let receiptsReceived = 0
  let duplicates = 0
  let outstanding = 0
  let onSettled: (() => void) | null = null

  return {
    open: () => {
      open = true
    },
    close: () => {
      open = false
    },
    get isOpen() {
      return open
    },
    sent(probe, receivers, writer = -1) {
      if (!open) return
      const tallies = new Map<string, GroupTally>()
      if (groupOf && writer >= 0) {
        for (let seat = 0; seat <= receivers; seat++) {
          if (seat === writer) continue
          const name = groupOf(writer, seat)
          const tally = tallies.get(name) ?? { expected: 0, seen: 0, slowest: 0 }
          tally.expected++
          tallies.set(name, tally)
          groupNamed(name).expected++
        }
      }
      notes.set(probe, { receivers, writer, seen: new Set(), slowest: 0, groups: tallies })
      receiptsExpected += receivers
      outstanding += receivers
    },
    received(probe, receiver, latencyMs) {
      const note = notes.get(probe)
      if (!note) return
      if (note.seen.has(receiver)) {
        duplicates++
        return
      }
      note.seen.add(receiver)
      receiptsReceived++
      outstanding--
      eachApplied.push(latencyMs)
      note.slowest = Math.max(note.slowest, latencyMs)
      if (note.seen.size === note.receivers) allApplied.push(note.slowest)
      if (groupOf && note.writer >= 0) {
        const name = groupOf(note.writer, receiver)
        const tally = note.groups.get(name)
        const group = groupNamed(name)
        group.each.push(latencyMs)
        if (tally) {
          tally.seen++
          tally.slowest = Math.max(tally.slowest, latencyMs)
          if (tally.seen === tally.expected) group.all.push(tally.slowest)
        }
      }
      if (outstanding === 0 && onSettled) onSettled()
    },
    settled(timeoutMs) {
      if (outstanding === 0) return Promise.resolve()
      return new Promise((resolve) => {
        const timer = setTimeout(finish, timeoutMs)
        function finish() {
          clearTimeout(timer)
          onSettled = null
          resolve()
        }
        onSettled = finish
      })
    },
    summary: () => ({
      notesSent: notes.size,
      receiptsExpected,
      receiptsReceived,
      lost: receiptsExpected - receiptsReceived,
      duplicates,
      allApplied: distributionOf(allApplied),
      eachApplied: distributionOf(eachApplied),
      groups: new Map(
        [...groups].map(([name, group]) => [
          name,
          {
            receiptsExpected: group.expected,
            lost: group.expected - group.each.length,
            allApplied: distributionOf(group.all),
            eachApplied: distributionOf(group.each),
          },
        ]),
      ),
    }),
    samples: () => ({ allApplied: [...allApplied], eachApplied: [...eachApplied] }),
  }
}
