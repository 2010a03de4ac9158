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
  /** Registers a note written now that `receivers` other clients must apply. */
  sent(probe: string, receivers: number): void
  /** One receiver applied the note `latencyMs` after it was written. */
  received(probe: string, receiver: number, latencyMs: number): void
  /** Resolves once every counted note reached every receiver, or after `timeoutMs`. */
  settled(timeoutMs: number): Promise<void>
  summary(): ProbeSummary
}

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
}

interface PendingNote {
  receivers: number
  seen: Set<number>
  slowest: number
}

export function createLatencyProbe(): LatencyProbe {
  const notes = new Map<string, PendingNote>()
  const allApplied: number[] = []
  const eachApplied: number[] = []
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
    sent(probe, receivers) {
      if (!open) return
      notes.set(probe, { receivers, seen: new Set(), slowest: 0 })
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
    }),
  }
}
