import os from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import * as Y from 'yjs'
import {
  COLUMN_HEIGHT,
  COLUMN_WIDTH,
  noteSlot,
  stationFrameId,
  type EventView,
  type SnapshotSummary,
} from '@tablecloth/shared'
import { pause, withTimeout } from '../abortableWait'
import { BoardClient } from '../BoardClient'
import { newNote, type NoteRecord } from '../noteRecord'
import {
  startOrganiserProcess,
  type OrganiserProcess,
  type TimedResponse,
} from '../organiserProcess'
import { readRssBytes, sampleUsage, type WindowUsage } from '../processUsage'
import { formatKiB, formatMiB, formatMs, formatPercent, formatRatio, printTable } from '../report'
import type { Scenario } from '../scenario'
import { distributionOf, type Distribution } from '../stats'
import type { BoardAddress } from '../targets/benchTarget'
import { benchEvent, startOurServer, type OurServerRun } from '../targets/ourServer'

/** A large café: 20 tables, each board on a projector, a laptop and a few phones. */
const TABLES = 20
const CLIENTS_PER_BOARD = 8
/** A full board; all its notes sit in the first station's columns. */
const NOTES_PER_BOARD = 400
/** Every station asks two guiding questions, one column each. */
const QUESTIONS = ['What did you hear?', 'What do we take away?']
const COLUMNS = QUESTIONS.length
/** Six stations give five changes: the first warms the server up, four are measured. */
const STATION_COUNT = 6
const WARMUP_CHANGES = 1
/** The fill sends notes in batches of this many, one update each. */
const NOTES_PER_UPDATE = 20
/** Quiet time before each change, so the previous one's traffic has drained. */
const SETTLE_MS = 1_000
const SYNC_TIMEOUT_MS = 30_000
const SWITCH_TIMEOUT_MS = 10_000
/** RSS is sampled this often during a change, which lasts tens to hundreds of ms. */
const SAMPLE_EVERY_MS = 10
const LOOP_DELAY_RESOLUTION_MS = 1
const MIB = 1024 * 1024

const STATIONS = Array.from({ length: STATION_COUNT }, (_, index) => ({
  id: `round-${index + 1}`,
  title: `Round ${index + 1}`,
  columns: QUESTIONS,
  durationMinutes: 20,
}))

interface ChangeResult {
  /** The station changed to, 0-based. */
  to: number
  /** Round trip of `POST …/stations/next`, timed by the organiser process. */
  requestMs: number
  /** Per client: from sending the request until its doc held the new station. */
  switchMs: number[]
  /** From sending the request until the answer was back and every client had switched. */
  windowMs: number
  usage: WindowUsage
  benchLoopDelayMaxMs: number
}

interface BoardsRun {
  label: string
  /** Every change in order; the first WARMUP_CHANGES are shown but not counted. */
  changes: ChangeResult[]
  rssBeforeMiB: number
  /** One board's full state, which is what one snapshot stores. */
  boardStateKiB: number
}

/**
 * What "Boards sichern und weiter" costs with every board full and every
 * screen connected: the organiser's request (snapshot of all boards in one
 * transaction, then the new station written to each) and the time until every
 * client shows the new station, against the same boards empty.
 */
export const stationChange: Scenario = {
  name: 'station',
  summary:
    `station change on ${TABLES} boards × ${CLIENTS_PER_BOARD} clients, ` +
    `${NOTES_PER_BOARD} notes vs. empty`,
  async run() {
    const organiser = await startOrganiserProcess()
    try {
      const full = await measure(`${NOTES_PER_BOARD} notes`, NOTES_PER_BOARD, organiser)
      const empty = await measure('empty', 0, organiser)
      printReport(full, empty)
    } finally {
      await organiser.stop()
    }
  },
}

async function measure(
  label: string,
  notesPerBoard: number,
  organiser: OrganiserProcess,
): Promise<BoardsRun> {
  console.log(
    `station: ${label}: ${TABLES} boards × ${CLIENTS_PER_BOARD} clients, ` +
      `${STATION_COUNT - 1} station changes…`,
  )
  const server = await startOurServer(benchEvent(TABLES, STATIONS))
  const clients: BoardClient[] = []
  // Every WebsocketProvider in Node adds a process 'exit' listener; hundreds are expected here.
  const maxListeners = process.getMaxListeners()
  process.setMaxListeners(maxListeners + TABLES * (CLIENTS_PER_BOARD + 2))
  try {
    if (notesPerBoard > 0) await fillBoards(server, notesPerBoard)
    clients.push(...joinBoards(server.boards))
    await withTimeout(
      Promise.all(clients.map((client) => client.synced())),
      SYNC_TIMEOUT_MS,
      `${clients.length} clients did not all sync within ${SYNC_TIMEOUT_MS} ms`,
      server.failed,
    )
    expectBoards(clients, notesPerBoard)
    const boardStateKiB = Y.encodeStateAsUpdate(clients[0]!.doc).byteLength / 1024

    await pause(SETTLE_MS, server.failed)
    const rssBeforeMiB = readRssBytes(server.pid) / MIB
    const changes: ChangeResult[] = []
    for (let to = 1; to < STATION_COUNT; to++) {
      if (to > 1) await pause(SETTLE_MS, server.failed)
      changes.push(await changeStation(server, organiser, clients, to))
    }
    return { label, changes, rssBeforeMiB, boardStateKiB }
  } finally {
    for (const client of clients) client.destroy()
    process.setMaxListeners(maxListeners)
    await server.stop()
  }
}

/**
 * Writes `count` notes into the first station's columns of every board, one
 * writer client per board, and waits until a second client per board holds
 * them all: the server stores every update before it relays it, so by then
 * the server has them too.
 */
async function fillBoards(server: OurServerRun, count: number): Promise<void> {
  const tables = server.boards.map((address, tableIndex) => {
    const seen = new Set<string>()
    let allSeen!: () => void
    const filled = new Promise<void>((resolve) => (allSeen = resolve))
    const name = `Table ${tableIndex + 1}`
    return {
      tableIndex,
      filled,
      writer: new BoardClient(address, `${name} moderator`, ignoreNotes),
      reader: new BoardClient(address, `${name} projector`, (stamp) => {
        seen.add(stamp.probe)
        if (seen.size === count) allSeen()
      }),
    }
  })
  const clients = tables.flatMap((table) => [table.writer, table.reader])
  try {
    await withTimeout(
      Promise.all(clients.map((client) => client.synced())),
      SYNC_TIMEOUT_MS,
      `the fill's ${clients.length} clients did not all sync within ${SYNC_TIMEOUT_MS} ms`,
      server.failed,
    )
    for (const table of tables) {
      const notes = Array.from({ length: count }, (_, n) => fillNote(table.tableIndex, n))
      for (let start = 0; start < count; start += NOTES_PER_UPDATE) {
        table.writer.writeAll(notes.slice(start, start + NOTES_PER_UPDATE))
      }
    }
    await withTimeout(
      Promise.all(tables.map((table) => table.filled)),
      SYNC_TIMEOUT_MS,
      `${count} notes per board did not all arrive within ${SYNC_TIMEOUT_MS} ms`,
      server.failed,
    )
  } finally {
    for (const client of clients) client.destroy()
  }
}

/** The n-th note of a table, inside one of the first station's columns, alternating. */
function fillNote(tableIndex: number, n: number): NoteRecord {
  const id = `shape:fill-${tableIndex}-${n}`
  // A note parented to a frame is placed relative to that frame.
  const frame = { x: 0, y: 0, w: COLUMN_WIDTH, h: COLUMN_HEIGHT }
  const position = noteSlot(frame, Math.floor(n / COLUMNS))
  const text = `Idea ${n + 1} from table ${tableIndex + 1}`
  const note = newNote(id, n, text, position, { probe: id, sentAt: performance.now() })
  return { ...note, parentId: stationFrameId(STATIONS[0]!.id, n % COLUMNS) }
}

function joinBoards(boards: BoardAddress[]): BoardClient[] {
  return boards.flatMap((address, tableIndex) =>
    Array.from(
      { length: CLIENTS_PER_BOARD },
      (_, screen) =>
        new BoardClient(address, `Table ${tableIndex + 1} screen ${screen + 1}`, ignoreNotes),
    ),
  )
}

/** The board clients of this scenario time station changes, not notes. */
function ignoreNotes(): void {}

/** Every client must hold the whole board at the first station before anything is timed. */
function expectBoards(clients: BoardClient[], notesPerBoard: number): void {
  const wrong = clients.filter(
    (client) => client.noteCount() !== notesPerBoard || client.stationIndex() !== 0,
  )
  if (wrong.length === 0) return
  const example = wrong[0]!
  throw new Error(
    `${wrong.length} of ${clients.length} clients synced a board other than expected, e.g. ` +
      `${example.noteCount()} notes at station index ${example.stationIndex()} instead of ` +
      `${notesPerBoard} at station index 0`,
  )
}

/** One organiser click, timed from the request until every client shows station `to`. */
async function changeStation(
  server: OurServerRun,
  organiser: OrganiserProcess,
  clients: BoardClient[],
  to: number,
): Promise<ChangeResult> {
  const url = `${server.origin}/api/events/${server.event.id}/stations/next`
  let switched = 0
  const switchedAt = clients.map((client) =>
    client.untilStation(to).then((at) => {
      switched++
      return at
    }),
  )
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS })
  loopDelay.enable()
  try {
    const usage = sampleUsage(server.pid, SAMPLE_EVERY_MS)
    const sentAt = performance.now()
    // A refused request fails the run at once instead of waiting for clients that never switch.
    const answered = organiser
      .post(url, server.event.organiserToken)
      .then((response) => expectAdvanced(response, to))
    const [times, response] = await withTimeout(
      Promise.all([Promise.all(switchedAt), answered]),
      SWITCH_TIMEOUT_MS,
      () =>
        `after ${SWITCH_TIMEOUT_MS} ms, ${switched} of ${clients.length} clients held ` +
        `station index ${to}`,
      server.failed,
    )
    const windowMs = performance.now() - sentAt
    return {
      to,
      requestMs: response.roundTripMs,
      switchMs: times.map((at) => at - sentAt),
      windowMs,
      usage: usage.stop(),
      // The histogram records whole sampling intervals; the delay is what exceeds one.
      benchLoopDelayMaxMs: Math.max(0, loopDelay.max / 1e6 - LOOP_DELAY_RESOLUTION_MS),
    }
  } finally {
    loopDelay.disable()
  }
}

/** Checks the answer `{ view, snapshots }` of a station change to station `to`. */
function expectAdvanced(response: TimedResponse, to: number): TimedResponse {
  if (response.status !== 200) {
    throw new Error(`POST …/stations/next answered ${response.status}: ${response.body}`)
  }
  const answer = JSON.parse(response.body) as { view: EventView; snapshots: SnapshotSummary[] }
  const snapshotted = answer.snapshots.filter((snapshot) => snapshot.stationIndex === to - 1)
  if (answer.view.currentStation !== to || snapshotted.length !== TABLES) {
    throw new Error(
      `expected station index ${to} and ${TABLES} snapshots of station index ${to - 1}, ` +
        `got station index ${answer.view.currentStation} and ${snapshotted.length} snapshots`,
    )
  }
  return response
}

/** Figures over the measured changes of one run. */
interface RunSummary {
  request: Distribution
  /** Per change: until the first client showed the new station. */
  firstSwitched: Distribution
  /** Per change: until the last client showed the new station. */
  allSwitched: Distribution
  /** Every client in every change. */
  eachSwitched: Distribution
  serverCpuMs: Distribution
  /** Server CPU time over the measured windows, in % of one core. */
  serverCpuPercent: number
  serverRssPeakMiB: number
  benchCpuMs: Distribution
  benchLoopDelayMaxMs: number
  /** Other processes' CPU over the measured windows, in % of one core. */
  otherCpuPercent: number
}

function summarise(run: BoardsRun): RunSummary {
  const changes = run.changes.slice(WARMUP_CHANGES)
  const each = (pick: (change: ChangeResult) => number) => changes.map(pick)
  const windowMs = sum(each((change) => change.windowMs))
  const serverCpuMs = each((change) => change.usage.server.cpuSeconds * 1000)
  return {
    request: distributionOf(each((change) => change.requestMs)),
    firstSwitched: distributionOf(each((change) => Math.min(...change.switchMs))),
    allSwitched: distributionOf(each((change) => Math.max(...change.switchMs))),
    eachSwitched: distributionOf(changes.flatMap((change) => change.switchMs)),
    serverCpuMs: distributionOf(serverCpuMs),
    serverCpuPercent: (sum(serverCpuMs) / windowMs) * 100,
    serverRssPeakMiB: Math.max(...each((change) => change.usage.server.rssPeakMiB)),
    benchCpuMs: distributionOf(each((change) => change.usage.bench.cpuSeconds * 1000)),
    benchLoopDelayMaxMs: Math.max(...each((change) => change.benchLoopDelayMaxMs)),
    otherCpuPercent:
      sum(each((change) => change.usage.otherCpuPercent * change.windowMs)) / windowMs,
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0)
}

type Format = (value: number) => string

function printReport(full: BoardsRun, empty: BoardsRun): void {
  const cpu = os.cpus()
  const measured = STATION_COUNT - 1 - WARMUP_CHANGES
  console.log('')
  console.log(
    `Station change: ${TABLES} boards × ${CLIENTS_PER_BOARD} y-websocket clients, ` +
      `${STATION_COUNT} stations × ${COLUMNS} columns,\n${NOTES_PER_BOARD} notes per board in ` +
      `station 1's columns vs. empty boards`,
  )
  console.log(
    `${WARMUP_CHANGES} warm-up change, then ${measured} measured per server; ` +
      `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`,
  )
  console.log('')

  const a = summarise(full)
  const b = summarise(empty)
  const compared = (label: string, first: number, second: number, format: Format) => [
    label,
    format(first),
    format(second),
    formatRatio(first, second),
  ]
  const side = (label: string, first: number, second: number, format: Format, target = '') => [
    label,
    format(first),
    format(second),
    '',
    target,
  ]
  printTable(
    ['', full.label, empty.label, `${full.label}/${empty.label}`, 'target'],
    [
      compared('station change request   p50', a.request.p50, b.request.p50, formatMs),
      side('                         max', a.request.max, b.request.max, formatMs, '< 300 ms'),
      compared('first client switched    p50', a.firstSwitched.p50, b.firstSwitched.p50, formatMs),
      compared('all clients switched     p50', a.allSwitched.p50, b.allSwitched.p50, formatMs),
      side('                         max', a.allSwitched.max, b.allSwitched.max, formatMs, '< 1 s'),
      compared('each client switched     p50', a.eachSwitched.p50, b.eachSwitched.p50, formatMs),
      compared('                         p99', a.eachSwitched.p99, b.eachSwitched.p99, formatMs),
      compared('server CPU per change    p50', a.serverCpuMs.p50, b.serverCpuMs.p50, formatMs),
      compared('server CPU, % of a core', a.serverCpuPercent, b.serverCpuPercent, formatPercent),
      compared('server RSS before changes', full.rssBeforeMiB, empty.rssBeforeMiB, formatMiB),
      compared('server RSS peak', a.serverRssPeakMiB, b.serverRssPeakMiB, formatMiB),
      compared('one board (one snapshot)', full.boardStateKiB, empty.boardStateKiB, formatKiB),
      side('bench CPU per change     p50', a.benchCpuMs.p50, b.benchCpuMs.p50, formatMs),
      side('bench event-loop delay max', a.benchLoopDelayMaxMs, b.benchLoopDelayMaxMs, formatMs),
      side('other processes, % of a core', a.otherCpuPercent, b.otherCpuPercent, formatPercent),
    ],
  )

  console.log('')
  printTable(
    [
      'station change',
      `${full.label}: request`,
      'all switched',
      `${empty.label}: request`,
      'all switched',
    ],
    full.changes.map((change, index) => {
      const other = empty.changes[index]
      const warmup = index < WARMUP_CHANGES ? ' (warm-up)' : ''
      return [
        `${change.to} → ${change.to + 1}${warmup}`,
        formatMs(change.requestMs),
        formatMs(Math.max(...change.switchMs)),
        formatMs(other?.requestMs ?? Number.NaN),
        formatMs(other ? Math.max(...other.switchMs) : Number.NaN),
      ]
    }),
  )
  console.log('')
  console.log(
    [
      'The request is timed in a separate organiser process. It covers reading every board, the',
      'snapshot transaction and writing the new station to every board; the server answers after',
      "the boards' updates are sent. No board is written before the snapshot transaction commits,",
      'so "first client switched" bounds the snapshot part from above. Switch times run from',
      "sending the request until a client's doc holds the new station. All clients share the",
      'bench process, which applies the change on them one after the other ("bench CPU").',
    ].join('\n'),
  )
}
