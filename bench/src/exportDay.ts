import { setMaxListeners } from 'node:events'
import {
  COLUMN_HEIGHT,
  COLUMN_PADDING,
  COLUMN_WIDTH,
  NOTE_SIZE,
  stationFrameId,
  type EventView,
  type Results,
} from '@tablecloth/shared'
import { withTimeout } from './abortableWait'
import { BoardClient } from './BoardClient'
import { newNote, type NoteRecord } from './noteRecord'
import type { OurServerRun } from './targets/ourServer'

/**
 * The reference day's harvest written onto a running server, for the
 * `exports` scenario: every table's board gets 25 notes in each of its two
 * columns in every one of the three stations, through the sync protocol as
 * the boards write them, with the station changed (and the boards
 * snapshotted) between stations. The last station stays live.
 */

export const NOTES_PER_COLUMN = 25

/** Lines in the style of the hand-typed reference report; some in Arabic, some with emoji. */
const LINES = [
  'Unterstützung durch Ehrenamt: Sprachgebrauch',
  'Tw. Selbstinitiative der Frauen im Erlernen der Sprache',
  'Mutter-Kind-Kurse mit Kinderbetreuung',
  'VwV Deutsch: Einzelförderung Mutter-Kind-Kurse',
  'Fehlende KiTa-Plätze, zu wenig Elternintegrationskurse → geringe Teilnahme',
  'Nicht passendes Kursangebot (zeitlich und Niveau)',
  'Finanzierung der Kinderbetreuung in Sprachschulen',
  'Frauen als Individuen sehen, nicht nur als Mütter und Ehefrauen!',
  'Frauen in ihrer aktuellen Situation „abholen“ – bedarfsorientiert arbeiten',
  'Ehrenamt attraktiver gestalten 🤝',
  'Familien entlasten, um „Raum“ für Spracherwerb zu schaffen',
  'مرحبا بكم في المقهى',
  'Rollenverständnis thematisieren; Frauen in Beratungsgespräche einbinden',
  'Bestehende Angebote kennenlernen & vernetzen 📌',
  'Initiativen vernetzen, Wertschätzung d. Ehrenamts, Bedarfe benennen',
  'دورات اللغة للأمهات مع رعاية الأطفال',
  'Bürokratische Hürden für Betreuungsangebote niedrigschwelliger gestalten',
  'Vermittlung an Betreuungsangebote (Ferienbetreuung, KiTas, schulische Förderung)',
  'Müssen Analphabeten wirklich Sprachförderung für die Sprache bekommen?',
  'Jobkraftwerk – Dokumentation 📄\nnicht einsehbar für Integrationsmanager*innen',
]
const CLUSTERS = ['Sprachkurse', 'Kinderbetreuung', 'Ehrenamt']

/**
 * Where the n-th note of a column lies, relative to its frame. A column's
 * grid holds 12 notes side by side; 25 are laid overlapping, five to a row,
 * as on a busy board, so every note's centre stays inside the frame (that
 * is what puts a note into a column) without growing it into the station
 * below.
 */
const PER_ROW = 5
const ROWS = Math.ceil(NOTES_PER_COLUMN / PER_ROW)
const STEP_X = (COLUMN_WIDTH - 2 * COLUMN_PADDING - NOTE_SIZE) / (PER_ROW - 1)
const STEP_Y = (COLUMN_HEIGHT - 2 * COLUMN_PADDING - NOTE_SIZE) / (ROWS - 1)

function notePlace(n: number): { x: number; y: number } {
  return {
    x: COLUMN_PADDING + (n % PER_ROW) * STEP_X,
    y: COLUMN_PADDING + Math.floor(n / PER_ROW) * STEP_Y,
  }
}

/** The n-th note of a column: text, dots, and a cluster for a run of notes in the middle. */
function noteText(table: number, station: number, column: number, n: number): string {
  const line = LINES[(table * 7 + station * 5 + column * 3 + n) % LINES.length]!
  return `${line} (${table + 1}.${station + 1}.${column + 1}.${n + 1})`
}

function notesFor(stationId: string, table: number, station: number, column: number): NoteRecord[] {
  return Array.from({ length: NOTES_PER_COLUMN }, (_, n) => {
    const id = `shape:export-${station}-${column}-${n}`
    const text = noteText(table, station, column, n)
    const stamp = { probe: id, sentAt: 0 }
    const note = newNote(id, column * NOTES_PER_COLUMN + n, text, notePlace(n), stamp)
    const meta = {
      ...note.meta,
      stationId,
      createdAt: '2019-07-02T10:00:00.000Z',
      votes: n % 4,
      ...(n >= 8 && n < 14 && { clusterId: CLUSTERS[(table + column) % CLUSTERS.length] }),
    }
    // A note parented to a frame is placed relative to it.
    return { ...note, parentId: stationFrameId(stationId, column), meta } as NoteRecord
  })
}

interface FrameRecord {
  id: string
  type: 'frame'
}

const FRAME_TIMEOUT_MS = 15_000
const SYNC_TIMEOUT_MS = 30_000

/** Waits until the server has written the station's column frames into the client's board. */
function untilFrames(client: BoardClient, frameIds: string[]): Promise<FrameRecord[]> {
  const frames = () => frameIds.map((id) => client.records.get(id) as unknown as FrameRecord)
  return new Promise((resolve) => {
    const check = () => {
      const found = frames()
      if (found.some((frame) => frame === undefined)) return
      client.doc.off('update', check)
      resolve(found)
    }
    client.doc.on('update', check)
    check()
  })
}

/** Fills every board's columns for station `station`, one update per column. */
async function fillStation(
  server: OurServerRun,
  clients: BoardClient[],
  stationId: string,
  station: number,
  columns: number,
): Promise<void> {
  const frameIds = Array.from({ length: columns }, (_, column) => stationFrameId(stationId, column))
  await Promise.all(
    clients.map(async (client, table) => {
      await withTimeout(
        untilFrames(client, frameIds),
        FRAME_TIMEOUT_MS,
        `table ${table + 1} never got the frames of ${stationId}`,
        server.failed,
      )
      for (let column = 0; column < columns; column++) {
        client.writeAll(notesFor(stationId, table, station, column))
      }
    }),
  )
}

async function organiser(server: OurServerRun, method: string, path: string): Promise<unknown> {
  const response = await fetch(`${server.origin}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.event.organiserToken}` },
  })
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`)
  return response.json()
}

/**
 * Writes the day: fills station 1, changes station, fills station 2,
 * changes, fills station 3. Resolves once the server's results hold every
 * note in its place; throws otherwise.
 */
export async function fillExportDay(server: OurServerRun): Promise<number> {
  const view = (await organiser(server, 'GET', `/api/events/${server.event.id}`)) as EventView
  const { stations } = view.config
  // Every WebsocketProvider in Node adds a process 'exit' listener, and every
  // table waits on the server's abort signal: eleven of each are expected.
  const maxListeners = process.getMaxListeners()
  process.setMaxListeners(maxListeners + server.boards.length)
  setMaxListeners(4 * server.boards.length, server.failed)
  const clients = server.boards.map(
    (address, table) => new BoardClient(address, `Table ${table + 1} moderator`, () => {}),
  )
  try {
    await withTimeout(
      Promise.all(clients.map((client) => client.synced())),
      SYNC_TIMEOUT_MS,
      'the boards did not sync',
      server.failed,
    )
    for (const [index, station] of stations.entries()) {
      if (index > 0) {
        await organiser(server, 'POST', `/api/events/${server.event.id}/stations/next`)
      }
      await fillStation(server, clients, station.id, index, station.columns.length)
    }
    return await withTimeout(
      untilComplete(server, stations.length),
      SYNC_TIMEOUT_MS,
      'the server never held every note of the day',
      server.failed,
    )
  } finally {
    for (const client of clients) client.destroy()
    process.setMaxListeners(maxListeners)
  }
}

/** Polls the results until every column of every table and station has its notes. */
async function untilComplete(server: OurServerRun, stationCount: number): Promise<number> {
  for (;;) {
    const results = (await organiser(
      server,
      'GET',
      `/api/events/${server.event.id}/results.json`,
    )) as Results
    const columns = results.tables.flatMap((table) =>
      table.stations.flatMap((station) => station.columns),
    )
    const complete =
      results.tables.every((table) => table.stations.length === stationCount) &&
      columns.every((column) => column.notes.length === NOTES_PER_COLUMN)
    if (complete) return columns.length * NOTES_PER_COLUMN
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
