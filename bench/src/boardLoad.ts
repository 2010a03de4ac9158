import { monitorEventLoopDelay } from 'node:perf_hooks'
import { pause, withTimeout } from './abortableWait'
import { BoardClient, type NoteListener } from './BoardClient'
import {
  createLatencyProbe,
  type LatencyProbe,
  type ProbeSummary,
  type ReceiptGroup,
} from './latencyProbe'
import { movedNote, newNote, type NoteRecord } from './noteRecord'
import type { BoardAddress } from './targets/benchTarget'

/** The live workload on every board: who writes how often, and how long it is measured. */
export interface LoadPlan {
  clientsPerBoard: number
  /** Each board gets one new or moved note this often, written by its clients in turn. */
  noteIntervalMs: number
  /** Every client moves its cursor this many times a second. */
  cursorHz: number
  /** Load runs this long before anything counts, so sockets, JIT and rooms settle. */
  warmupMs: number
  measureMs: number
  /** After the window, late receipts are awaited this long before they count as lost. */
  drainTimeoutMs: number
  /** Makes each client; a stock y-websocket `BoardClient` on the board's address by default. */
  connect?: ClientFactory
  /** Sorts receipts into groups with their own figures, e.g. same or other server process. */
  receiptGroup?: ReceiptGroup
}

/** What the load asks of a client, whichever provider it runs. */
export interface LoadClient {
  /** Connections lost after the first sync. */
  readonly drops: number
  /** Resolves after the first full sync. */
  synced(): Promise<void>
  moveCursor(x: number, y: number): void
  write(note: NoteRecord): void
  note(id: string): NoteRecord | undefined
  /** Presence frames received so far; null for a client whose library does not let it count them. */
  readonly awarenessFrames: number | null
  destroy(): void
}

/** Where a client sits: its board and its seat there (0 to clientsPerBoard − 1). */
export interface Seat {
  board: number
  client: number
  name: string
}

export type ClientFactory = (address: BoardAddress, seat: Seat, onNote: NoteListener) => LoadClient

const stockClient: ClientFactory = (address, seat, onNote) =>
  new BoardClient(address, seat.name, onNote)

/** Called when the measured window opens and closes, e.g. to sample the server process. */
export interface MeasureWindow {
  start(): void
  stop(): void
}

export interface LoadResult {
  notes: ProbeSummary
  /** Connections lost after their first sync, over the whole run. */
  drops: number
  /**
   * Awareness (presence) frames one client received per second in the window,
   * on average: what the board's cursors cost each receiver.
   */
  awarenessFramesPerClientPerSecond: number
  /**
   * p99 event-loop delay of the bench process during the window. All clients
   * share that loop: when it is high, the figures measure the bench, not the server.
   */
  loopDelayP99Ms: number
}

/** Roughly a projector's worth of board, in tldraw page units. */
const BOARD_AREA = { w: 1600, h: 900 }

/** Out of every three notes one is new, the others are moved, once the board has a few. */
const NEW_NOTE_EVERY = 3
const MIN_NOTES = 3

const CONNECT_TIMEOUT_MS = 30_000
const LOOP_DELAY_RESOLUTION_MS = 1

/**
 * Joins `clientsPerBoard` stock clients to every board, runs notes and cursors
 * through warm-up and the measured window, and reports what every note took
 * to reach all the other clients on its board.
 */
export async function runBoardLoad(
  boards: BoardAddress[],
  plan: LoadPlan,
  window: MeasureWindow,
  signal: AbortSignal,
): Promise<LoadResult> {
  const probe = createLatencyProbe(plan.receiptGroup)
  const connect = plan.connect ?? stockClient
  // Every WebsocketProvider in Node adds a process 'exit' listener to clear its
  // awareness; a hundred clients in one process are expected, not a leak.
  const maxListeners = process.getMaxListeners()
  process.setMaxListeners(maxListeners + boards.length * plan.clientsPerBoard)
  const tables: TableState[] = boards.map((address, boardIndex) => ({
    boardIndex,
    clients: Array.from({ length: plan.clientsPerBoard }, (_, clientIndex) =>
      connect(
        address,
        {
          board: boardIndex,
          client: clientIndex,
          name: `Table ${boardIndex + 1} screen ${clientIndex + 1}`,
        },
        (stamp, at) => probe.received(stamp.probe, clientIndex, at - stamp.sentAt),
      ),
    ),
    noteIds: [],
    tick: 0,
  }))
  const clients = tables.flatMap((table) => table.clients)
  const cursorTimers: NodeJS.Timeout[] = []
  const noteTimers: NodeJS.Timeout[] = []
  // clearTimeout also clears intervals.
  const stop = (timers: NodeJS.Timeout[]) => {
    for (const timer of timers.splice(0)) clearTimeout(timer)
  }

  try {
    await withTimeout(
      Promise.all(clients.map((client) => client.synced())),
      CONNECT_TIMEOUT_MS,
      `${clients.length} clients did not all sync within ${CONNECT_TIMEOUT_MS} ms`,
      signal,
    )

    for (const client of clients) wanderCursor(client, plan.cursorHz, cursorTimers)
    tables.forEach((table) => {
      // Boards start their beat spread over one interval, as tables at a café
      // are not in step; all boards firing at once would measure a burst.
      const offset = (table.boardIndex * plan.noteIntervalMs) / tables.length
      noteTimers.push(
        setTimeout(() => {
          noteTimers.push(setInterval(() => writeNote(table, probe), plan.noteIntervalMs))
        }, offset),
      )
    })

    await pause(plan.warmupMs, signal)
    const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS })
    loopDelay.enable()
    const framesAtStart = awarenessFrames(clients)
    const openedAt = performance.now()
    probe.open()
    window.start()
    await pause(plan.measureMs, signal)
    probe.close()
    window.stop()
    const awarenessFramesPerClientPerSecond =
      (awarenessFrames(clients) - framesAtStart) /
      clients.length /
      ((performance.now() - openedAt) / 1000)
    loopDelay.disable()
    stop(noteTimers)
    // Cursors keep moving while late notes drain, so the drain sees the same load.
    await probe.settled(plan.drainTimeoutMs)

    return {
      notes: probe.summary(),
      drops: clients.reduce((sum, client) => sum + client.drops, 0),
      awarenessFramesPerClientPerSecond,
      // The histogram records whole sampling intervals; the delay is what exceeds one.
      loopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_DELAY_RESOLUTION_MS),
    }
  } finally {
    stop(noteTimers)
    stop(cursorTimers)
    for (const client of clients) client.destroy()
    process.setMaxListeners(maxListeners)
  }
}

/** Presence frames all clients received; NaN (printed as unknown) when one cannot count. */
function awarenessFrames(clients: readonly LoadClient[]): number {
  return clients.reduce((sum, client) => sum + (client.awarenessFrames ?? Number.NaN), 0)
}

interface TableState {
  boardIndex: number
  clients: LoadClient[]
  noteIds: string[]
  tick: number
}

/** One beat of a board: its next client in turn adds a note or drags one. */
function writeNote(table: TableState, probe: LatencyProbe): void {
  const tick = table.tick++
  const writerSeat = tick % table.clients.length
  const writer = table.clients[writerSeat]!
  const probeId = `${table.boardIndex}.${tick}`
  const position = randomPosition()
  const existing = pickExisting(table, writer, tick)
  probe.sent(probeId, table.clients.length - 1, writerSeat)
  const stamp = { probe: probeId, sentAt: performance.now() }
  let note: NoteRecord
  if (existing) {
    note = movedNote(existing, position, stamp)
  } else {
    const id = `shape:bench-${table.boardIndex}-${table.noteIds.length}`
    const text = `Idea ${table.noteIds.length + 1} from table ${table.boardIndex + 1}`
    note = newNote(id, table.noteIds.length, text, position, stamp)
    table.noteIds.push(id)
  }
  writer.write(note)
}

/** A note this writer already holds, or undefined when it is time for a new one. */
function pickExisting(table: TableState, writer: LoadClient, tick: number): NoteRecord | undefined {
  if (table.noteIds.length < MIN_NOTES || tick % NEW_NOTE_EVERY === 0) return undefined
  const id = table.noteIds[Math.floor(Math.random() * table.noteIds.length)]!
  // A writer that has not yet received the note cannot drag it; it adds one instead.
  return writer.note(id)
}

/**
 * Starts a cursor wandering across the board at `hz`, from a random phase;
 * while `moving()` is false it holds still and sends nothing.
 */
export function wanderCursor(
  client: Pick<LoadClient, 'moveCursor'>,
  hz: number,
  timers: NodeJS.Timeout[],
  moving: () => boolean = () => true,
): void {
  const period = 1000 / hz
  let x = Math.random() * BOARD_AREA.w
  let y = Math.random() * BOARD_AREA.h
  timers.push(
    setTimeout(() => {
      timers.push(
        setInterval(() => {
          if (!moving()) return
          x = clamp(x + (Math.random() - 0.5) * 40, 0, BOARD_AREA.w)
          y = clamp(y + (Math.random() - 0.5) * 40, 0, BOARD_AREA.h)
          client.moveCursor(Math.round(x), Math.round(y))
        }, period),
      )
    }, Math.random() * period),
  )
}

function randomPosition(): { x: number; y: number } {
  return {
    x: Math.round(Math.random() * BOARD_AREA.w),
    y: Math.round(Math.random() * BOARD_AREA.h),
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}
