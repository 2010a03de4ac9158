import type { BoardNote } from './boardContents'
import type { EventConfig, Station } from './eventConfig'
import { clusterName } from './noteClusters'
import { resolveThemes, type ResultTheme, type ThemeSelection } from './resultThemes'
import { readStationNotes } from './stationColumns'

/**
 * The harvest of a café day: for every topic table and every station, the
 * notes of each column in the order the board shows them. Every export
 * (JSON, CSV, Markdown, HTML) is rendered from this one structure.
 */

/** Where a station's notes were read from. */
export type ResultsSource =
  /** The board as saved when the station ended. */
  | { kind: 'snapshot'; snapshotId: string; takenAt: string }
  /** The board as it is now: the station still running. */
  | { kind: 'live'; at: string }

export interface ResultNote {
  id: string
  text: string
  /** Heading of the cluster the moderator grouped the note into. */
  cluster?: string
  votes: number
  /** The group's name, or its id when the event no longer lists it. */
  group?: string
  author?: string
  /** When the note was written (ISO 8601). */
  time?: string
}

export interface ResultColumn {
  /** The guiding question. */
  title: string
  notes: ResultNote[]
}

export interface StationResults {
  id: string
  title: string
  source: ResultsSource
  /** One per guiding question, in the station's order, empty ones included. */
  columns: ResultColumn[]
  /** Notes of the station that lie in none of its columns. */
  unsorted: ResultNote[]
}

export interface TableResults {
  id: string
  /** The table's number as the room knows it: its place in the event, from 1 (see `tableNumber`). */
  number: number
  /** The table's topic. */
  title: string
  moderator: string
  stations: StationResults[]
}

export interface Results {
  version: 1
  event: { id?: string; title: string; date: string; venue: string }
  /** The programme: every station of the event with its guiding questions. */
  stations: Array<{ id: string; title: string; columns: string[] }>
  tables: TableResults[]
  /**
   * The cross-table themes the organiser saved, with the notes these results
   * hold; a theme with none of its notes among them is left out. Always
   * present, empty when none were saved.
   */
  themes: ResultTheme[]
}

/** One station of one board, as records read from a snapshot or the live board. */
export interface StationReading {
  /** 0-based index into the event's stations. */
  stationIndex: number
  /** The board's tldraw records as plain JSON. */
  records: readonly unknown[]
  source: ResultsSource
}

export interface TableBoard {
  tableId: string
  stations: StationReading[]
}

export interface BuildResultsOptions {
  eventId?: string
  /** Ids of notes to leave out. */
  hidden?: ReadonlySet<string>
  /** The saved cross-table themes, resolved against the notes these results hold. */
  themes?: readonly ThemeSelection[]
}

/**
 * Builds the results of an event from readings of its boards.
 *
 * Tables, stations and columns follow the event's config; tables and stations
 * without a reading are left out, readings the config does not know are
 * ignored. Each station lists only its own notes: those inside its columns,
 * and as unsorted those of its own that lie outside every column. Notes are
 * ordered as the board shows them: clusters together, each where its first
 * note stands, and otherwise rows top to bottom, each row left to right.
 */
export function buildResults(
  config: EventConfig,
  boards: readonly TableBoard[],
  options: BuildResultsOptions = {},
): Results {
  const readingsByTable = new Map(boards.map((board) => [board.tableId, board.stations]))
  const groupNames = new Map(config.groups.map((group) => [group.id, group.name]))
  const hidden = options.hidden ?? new Set<string>()
  const tables = config.tables.flatMap((table, index): TableResults[] => {
    const readings = readingsByTable.get(table.id)
    if (!readings) return []
    const byIndex = new Map(readings.map((reading) => [reading.stationIndex, reading]))
    const stations = config.stations.flatMap((station, index): StationResults[] => {
      const reading = byIndex.get(index)
      if (!reading) return []
      const read = readStation(station, reading.records, hidden)
      const toResult = (note: BoardNote) => resultNote(note, groupNames)
      return [
        {
          id: station.id,
          title: station.title,
          source: reading.source,
          columns: read.columns.map((notes, columnIndex) => ({
            title: station.columns[columnIndex]!,
            notes: notes.map(toResult),
          })),
          unsorted: read.unsorted.map(toResult),
        },
      ]
    })
    return [
      { id: table.id, number: index + 1, title: table.topic, moderator: table.moderator, stations },
    ]
  })
  return {
    version: 1,
    event: {
      ...(options.eventId !== undefined && { id: options.eventId }),
      title: config.title,
      date: config.date,
      venue: config.venue,
    },
    stations: config.stations.map((station) => ({
      id: station.id,
      title: station.title,
      columns: [...station.columns],
    })),
    tables,
    themes: resolveThemes(tables, options.themes ?? []).filter((theme) => theme.notes.length > 0),
  }
}

/**
 * Consecutive notes of one cluster, or single notes outside any. Renderers
 * list a cluster under its heading; buildResults has already put its notes
 * next to each other.
 */
export function clusterRuns<N extends { cluster?: string }>(
  notes: readonly N[],
): Array<{ cluster?: string; notes: N[] }> {
  const runs: Array<{ cluster?: string; notes: N[] }> = []
  for (const note of notes) {
    const last = runs[runs.length - 1]
    if (note.cluster !== undefined && last?.cluster === note.cluster) last.notes.push(note)
    else runs.push({ ...(note.cluster !== undefined && { cluster: note.cluster }), notes: [note] })
  }
  return runs
}

function readStation(
  station: Station,
  records: readonly unknown[],
  hidden: ReadonlySet<string>,
): { columns: BoardNote[][]; unsorted: BoardNote[] } {
  const read = readStationNotes(station, records, hidden)
  const named = (ordered: BoardNote[]) =>
    ordered.map((note) => withClusterName(note, read.headings))
  return { columns: read.columns.map(named), unsorted: named(read.unsorted) }
}

/** The note with its cluster named as the heading reads; a nameless cluster is none. */
function withClusterName(note: BoardNote, headings: ReadonlyMap<string, string>): BoardNote {
  if (note.clusterId === undefined) return note
  const { clusterId, ...rest } = note
  const name = clusterName(clusterId, headings)
  return name === undefined ? rest : { ...rest, clusterId: name }
}

function resultNote(note: BoardNote, groupNames: ReadonlyMap<string, string>): ResultNote {
  return {
    id: note.id,
    text: note.text,
    ...(note.clusterId !== undefined && { cluster: note.clusterId }),
    votes: note.votes,
    ...(note.groupId !== undefined && { group: groupNames.get(note.groupId) ?? note.groupId }),
    ...(note.author !== undefined && { author: note.author }),
    ...(note.createdAt !== undefined && { time: note.createdAt }),
  }
}
