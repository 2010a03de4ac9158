import {
  buildResults,
  resultsFileName,
  roomName,
  type ResultsFormat,
  type ResultsLanguage,
  type EventConfig,
  type Results,
  type SnapshotSummary,
  type StationReading,
  type TableBoard,
  type ThemeSelection,
} from '@tablecloth/shared'
import { readRecords } from '../board/boardWriter'
import type { BoardSchema } from '../board/boardSchema'
import { InvalidInputError, NotFoundError } from '../domain/errors'
import { renderResultsFile, type RenderedResultsFile } from '../results/renderResultsFile'
import type { EventStore } from '../store/eventStore'
import { DamagedSnapshotError, type SnapshotStore } from '../store/snapshotStore'
import { DamagedThemesError } from '../store/themeStore'
import type { BoardRooms } from './BoardRooms'

/** Where the notes the organiser hid from the results come from (HiddenNoteStore). */
export interface HiddenNoteSource {
  noteIds(eventId: string): ReadonlySet<string>
}

/** Where the cross-table themes the organiser saved come from (ThemeStore). */
export interface ThemeSource {
  list(eventId: string): readonly ThemeSelection[]
}

export interface ResultsServiceDeps {
  /** tldraw's schema: entries of a board that are no record it accepts are left out and reported. */
  schema: BoardSchema
  events: EventStore
  snapshots: SnapshotStore
  rooms: BoardRooms
  /**
   * The notes to leave out of every export. The app hands its HiddenNoteStore
   * in; without one, nothing is hidden.
   */
  hiddenNotes?: HiddenNoteSource
  /**
   * The saved themes every export carries as its chapter "Querschnittsthemen";
   * without a source, the results have none.
   */
  themes?: ThemeSource
  now?: () => number
  /**
   * Where the service reports what it read around, e.g. a damaged snapshot
   * (`store corrupt-row snapshot=<id>`). Without one, nothing is reported.
   */
  log?: (line: string) => void
}

/** Narrows the results to one table and/or one station, as the request named them. */
export interface ResultsQuery {
  /** A table id. */
  table?: string
  /** A station id or, failing that, a 0-based station index as in `stationIndex`. */
  station?: string
}

export interface GatherOptions {
  /**
   * Keep the notes the organiser hid. Only for the review itself (which note
   * is where); an export never does.
   */
  includeHidden?: boolean
  /**
   * Leave the saved themes out of the results. For the themes' own routes,
   * which read and resolve the saved set themselves (keeping each theme's
   * place, empty or not), so the store is not read twice per request.
   */
  withoutThemes?: boolean
}

/** Where a note stands in the results: its table, station and column. */
export interface NotePlace {
  tableId: string
  stationId: string
  /** 0-based column; null for a note outside every column. */
  columnIndex: number | null
  text: string
}

/** An export as the organiser downloads it. */
export interface ResultsFile extends RenderedResultsFile {
  /** The file name the download is saved under, with the event, table and station in it. */
  fileName: string
}

/** The results with what they were narrowed to, resolved to ids. */
export interface GatheredResults {
  results: Results
  tableId?: string
  stationId?: string
}

/**
 * Gathers the results of an event from its boards. A station that has ended
 * is read from the snapshot taken when it ended, so edits made later (a note
 * moved while looking back) do not change what the station produced; the
 * station still running is read from the live board.
 */
export class ResultsService {
  private readonly now: () => number

  /** A board's records from a stored state, with entries that are no record reported and left out. */
  private readRecords(source: string, state: Uint8Array) {
    return readRecords(state, this.deps.schema, (problem) =>
      this.deps.log?.(`board bad-entry ${source} ${problem}`),
    )
  }

  constructor(private readonly deps: ResultsServiceDeps) {
    this.now = deps.now ?? Date.now
  }

  /**
   * The results of the event, narrowed as `query` asks, without the notes the
   * organiser hid (unless `options.includeHidden`).
   */
  async gather(
    eventId: string,
    query: ResultsQuery = {},
    options: GatherOptions = {},
  ): Promise<GatheredResults> {
    const event = this.deps.events.get(eventId)
    if (!event) throw new NotFoundError('No such event')
    const { config } = event
    const current = event.state.currentStation
    const tables = query.table === undefined ? config.tables : [resolveTable(config, query.table)]
    const stationIndexes =
      query.station === undefined
        ? config.stations.slice(0, current + 1).map((_, index) => index)
        : [resolveStation(config, current, query.station)]

    const ended = latestStationChanges(this.deps.snapshots.list(eventId))
    // Board by board, giving the event loop back after each reading: a day of
    // 60 tables decodes hundreds of board states, and the live boards' sync and
    // /healthz must not wait for all of them at once (docs/performance.md, exports).
    const boards: TableBoard[] = []
    for (const table of tables) {
      let live: StationReading['records'] | undefined
      const readLive = async () => {
        const room = roomName(eventId, table.id)
        live ??= [
          ...this.readRecords(`room=${room}`, await this.deps.rooms.encodeState(room)).values(),
        ]
        return live
      }
      const stations: StationReading[] = []
      for (const stationIndex of stationIndexes) {
        await yieldToEventLoop()
        const snapshot = stationIndex < current ? ended.get(key(table.id, stationIndex)) : undefined
        const fromSnapshot = snapshot && this.fromSnapshot(eventId, stationIndex, snapshot)
        if (fromSnapshot) {
          stations.push(fromSnapshot)
          continue
        }
        // The running station, or an ended one whose snapshot is missing
        // (e.g. deleted by hand) or damaged on disk: the live board still
        // holds its notes, and `source` says they are read from there.
        const at = new Date(this.now()).toISOString()
        stations.push({ stationIndex, records: await readLive(), source: { kind: 'live', at } })
      }
      boards.push({ tableId: table.id, stations })
    }
    await yieldToEventLoop()
    const hidden = options.includeHidden ? undefined : this.deps.hiddenNotes?.noteIds(eventId)
    const themes = options.withoutThemes ? undefined : this.savedThemes(eventId)
    return {
      // Boards narrowed by the query leave the themes only the notes inside it.
      results: buildResults(config, boards, {
        eventId,
        ...(hidden && { hidden }),
        ...(themes && { themes }),
      }),
      ...(query.table !== undefined && { tableId: tables[0]!.id }),
      ...(query.station !== undefined && { stationId: config.stations[stationIndexes[0]!]!.id }),
    }
  }

  /**
   * The results as a file to download: gathered as `query` narrows them,
   * rendered in `format` (PDF and DOCX in a worker thread) and named for the
   * organiser's folder of the day.
   */
  async exportFile(
    eventId: string,
    format: ResultsFormat,
    query: ResultsQuery,
    language: ResultsLanguage,
  ): Promise<ResultsFile> {
    const gathered = await this.gather(eventId, query)
    const { body, contentType } = await renderResultsFile(gathered.results, format, { language })
    return {
      body,
      contentType,
      fileName: resultsFileName(gathered.results, format, gathered, { language }),
    }
  }

  /**
   * Every note the results read, hidden ones included, by id: where it stands
   * and what it says. Narrowed to one table when `tableId` is given.
   */
  async notePlaces(eventId: string, tableId?: string): Promise<Map<string, NotePlace>> {
    const query = tableId === undefined ? {} : { table: tableId }
    const { results } = await this.gather(eventId, query, { includeHidden: true })
    const places = new Map<string, NotePlace>()
    for (const table of results.tables) {
      for (const station of table.stations) {
        const at = (columnIndex: number | null) => (note: { id: string; text: string }) => {
          // A note is read for one station only; should a board hold it twice, the first counts.
          if (places.has(note.id)) return
          places.set(note.id, {
            tableId: table.id,
            stationId: station.id,
            columnIndex,
            text: note.text,
          })
        }
        station.columns.forEach((column, index) => column.notes.forEach(at(index)))
        station.unsorted.forEach(at(null))
      }
    }
    return places
  }

  /**
   * The saved themes, or none when their row is damaged (reported): an export
   * without its themes chapter beats no export, and saving them again mends it.
   */
  private savedThemes(eventId: string): readonly ThemeSelection[] | undefined {
    try {
      return this.deps.themes?.list(eventId)
    } catch (error) {
      if (!(error instanceof DamagedThemesError)) throw error
      this.deps.log?.(`store corrupt-row themes event=${eventId}`)
      return undefined
    }
  }

  /** The station as its snapshot holds it, or null when the snapshot is damaged (reported). */
  private fromSnapshot(
    eventId: string,
    stationIndex: number,
    summary: SnapshotSummary,
  ): StationReading | null {
    let snapshot: ReturnType<SnapshotStore['get']>
    try {
      snapshot = this.deps.snapshots.get(eventId, summary.id)
    } catch (error) {
      // A damaged snapshot must not fail the whole export: reported, and the caller reads live.
      if (!(error instanceof DamagedSnapshotError)) throw error
      this.deps.log?.(`store corrupt-row snapshot=${error.snapshotId}`)
      return null
    }
    if (!snapshot) {
      // Listed a moment ago: only a concurrent delete of the event gets here.
      throw new NotFoundError('No such event')
    }
    return {
      stationIndex,
      records: [...this.readRecords(`snapshot=${snapshot.id}`, snapshot.state).values()],
      source: { kind: 'snapshot', snapshotId: snapshot.id, takenAt: snapshot.createdAt },
    }
  }
}

const key = (tableId: string, stationIndex: number) => `${stationIndex}/${tableId}`

/**
 * The snapshot taken when each station ended, per table. Restores and undos
 * take snapshots of other kinds and do not count. Should a table have more
 * than one for a station, the latest is what the station produced.
 */
function latestStationChanges(snapshots: readonly SnapshotSummary[]): Map<string, SnapshotSummary> {
  const latest = new Map<string, SnapshotSummary>()
  for (const snapshot of snapshots) {
    if (snapshot.reason !== 'station-change') continue
    const id = key(snapshot.tableId, snapshot.stationIndex)
    const known = latest.get(id)
    if (!known || snapshot.createdAt >= known.createdAt) latest.set(id, snapshot)
  }
  return latest
}

function resolveTable(config: EventConfig, tableId: string): EventConfig['tables'][number] {
  const table = config.tables.find((entry) => entry.id === tableId)
  if (!table) {
    throw new InvalidInputError(`No table "${tableId}"`, 'table')
  }
  return table
}

/** A station id first; ids are chosen by the organiser and may look like numbers. */
function resolveStation(config: EventConfig, current: number, station: string): number {
  const byId = config.stations.findIndex((entry) => entry.id === station)
  const index = byId >= 0 ? byId : /^\d{1,3}$/.test(station) ? Number(station) : -1
  if (index < 0 || index >= config.stations.length) {
    const last = config.stations.length - 1
    throw new InvalidInputError(
      `No station "${station}": give a station id or an index from 0 to ${last}`,
      'station',
    )
  }
  if (index > current) {
    throw new InvalidInputError(`Station "${station}" has not started yet`, 'station')
  }
  return index
}

/** Lets every callback that waits (socket frames, timers, /healthz) run before the next step. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
