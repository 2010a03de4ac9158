import { monitorEventLoopDelay } from 'node:perf_hooks'
import WebSocket from 'ws'
import { richTextToPlain } from '@tablecloth/shared'
import { withTimeout } from '../abortableWait'
import type { StampReader } from '../BoardClient'
import { createLatencyProbe, type LatencyProbe } from '../latencyProbe'
import { ConferenceTable, phoneProbeOf, TABLE_SCREENS } from './conferenceTable'
import type { LoadReply, LoadRequest, LoadSettings, LoadWindow, TableSeat } from './loadProcess'

/**
 * A load process of the conference mix (see `loadProcess.ts`): joins the
 * tables the bench hands it, runs their cursors and phones, and times phone
 * notes from `POST` until each of the table's screens applied them.
 */
const settings = JSON.parse(process.argv[2] ?? '{}') as LoadSettings
const LOOP_DELAY_RESOLUTION_MS = 1
const RECEIVERS = TABLE_SCREENS.length

/**
 * Every board socket of this process leaves from its own local address, so
 * the server's limit on new sockets per address applies per load process.
 */
class BoundWebSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols, { localAddress: settings.socketAddress })
  }
}

const tables: ConferenceTable[] = []
/** The process has nothing to abort a wait for: it ends when the bench disconnects. */
const never = new AbortController().signal
let probe: LatencyProbe = createLatencyProbe()
/** When each phone note of the open window was sent, by probe id. */
let sentAt = new Map<string, number>()
let postMs: number[] = []
let postFailures: Record<string, number> = {}
let loopDelay: ReturnType<typeof monitorEventLoopDelay> | null = null

const stampOf: StampReader = (record) => {
  if (record.type !== 'note') return null
  const id = phoneProbeOf(richTextToPlain(record.props.richText))
  const at = id === null ? undefined : sentAt.get(id)
  return id === null || at === undefined ? null : { probe: id, sentAt: at }
}

function sendNote(id: string, post: () => Promise<{ status: number; ms: number }>): void {
  const counted = probe.isOpen
  if (counted) {
    sentAt.set(id, performance.now())
    probe.sent(id, RECEIVERS)
  }
  void post().then(({ status, ms }) => {
    if (!counted) return
    if (status === 201) postMs.push(ms)
    else postFailures[status] = (postFailures[status] ?? 0) + 1
  })
}

async function join(seats: TableSeat[]): Promise<number> {
  // Every WebsocketProvider adds a process 'exit' listener; thousands here are expected.
  process.setMaxListeners(0)
  for (let from = 0; from < seats.length; from += settings.joinBatch) {
    const batch = seats
      .slice(from, from + settings.joinBatch)
      .map(
        (seat) =>
          new ConferenceTable(
            seat,
            settings,
            BoundWebSocket,
            (screen) => (stamp, at) => probe.received(stamp.probe, screen, at - stamp.sentAt),
            stampOf,
          ),
      )
    tables.push(...batch)
    await withTimeout(
      Promise.all(batch.map((table) => table.synced())),
      settings.joinTimeoutMs,
      `${tables.length} tables: a batch did not sync within ${settings.joinTimeoutMs} ms`,
      never,
    )
    for (const table of batch) table.start(sendNote)
  }
  return tables.length * RECEIVERS
}

function openWindow(): void {
  probe = createLatencyProbe()
  sentAt = new Map()
  postMs = []
  postFailures = {}
  loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS })
  loopDelay.enable()
  probe.open()
}

async function closeWindow(drainMs: number): Promise<LoadWindow> {
  probe.close()
  loopDelay?.disable()
  const loopDelayP99Ms = loopDelay
    ? Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_DELAY_RESOLUTION_MS)
    : Number.NaN
  await probe.settled(drainMs)
  const summary = probe.summary()
  return {
    samples: probe.samples(),
    notesSent: summary.notesSent,
    receiptsExpected: summary.receiptsExpected,
    receiptsReceived: summary.receiptsReceived,
    duplicates: summary.duplicates,
    postMs,
    postFailures,
    loopDelayP99Ms,
    drops: tables.reduce(
      (sum, table) => sum + table.screens.reduce((drops, screen) => drops + screen.drops, 0),
      0,
    ),
  }
}

async function answer(request: LoadRequest): Promise<LoadReply> {
  switch (request.kind) {
    case 'join':
      return { kind: 'joined', sockets: await join(request.tables) }
    case 'open-window':
      openWindow()
      return { kind: 'window-open' }
    case 'close-window':
      return { kind: 'window', window: await closeWindow(request.drainMs) }
  }
}

function reply(message: LoadReply): void {
  process.send?.(message)
}

process.on('message', (request: LoadRequest) => {
  answer(request).then(reply, (error: unknown) =>
    reply({ kind: 'failed', error: error instanceof Error ? error.message : String(error) }),
  )
})
process.on('disconnect', () => {
  for (const table of tables) table.destroy()
  process.exit(0)
})
reply({ kind: 'ready' })
