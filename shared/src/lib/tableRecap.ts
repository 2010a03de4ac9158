import type { TimerState } from './api'
import type { BoardNote } from './boardContents'
import type { EventConfig } from './eventConfig'
import { clusterName } from './noteClusters'
import { readStationNotes, type StationNotesRead } from './stationColumns'
import { elapsedSeconds } from './stationTimer'

/**
 * "Was vor euch geschah": what the earlier groups wrote at one table, for the
 * host to brief the group that has just sat down. Read with the results' own
 * rule (`readStationNotes`), so a note stands in the column the export puts
 * it in; then each column is ranked, most dots first, with a cluster folded
 * into one item under its heading (a cluster ranks by the dots of its notes
 * together, as a theme the table kept voting for).
 *
 * Stations come latest first: in the first minutes of a round the host talks
 * about the group that just left (its notes are the ones marked new), and
 * paging on goes further back in time. With one earlier station the order
 * makes no difference; with four, the one that matters most is the first.
 */

/** A single note in the recap. */
export interface RecapNote {
  kind: 'note'
  id: string
  text: string
  votes: number
  /** Written in the station right before the current one: by the group that just left. */
  isNew: boolean
  via?: 'board' | 'phone'
}

/** A cluster folded to its heading: how many notes it holds and their dots together. */
export interface RecapCluster {
  kind: 'cluster'
  clusterId: string
  /** The heading as the results name it; none when it was emptied. */
  heading?: string
  /** The text of its most-voted note, to name a cluster without a heading. */
  firstText: string
  noteCount: number
  votes: number
  /** How many of its notes the group that just left wrote. */
  newCount: number
  /** Some of its notes were written by the group that just left. */
  isNew: boolean
}

export type RecapItem = RecapNote | RecapCluster

export interface RecapColumn {
  /** The guiding question; empty for the station's notes outside its columns. */
  question: string
  /** Most-voted first; equal votes in reading order. */
  items: RecapItem[]
  /** Notes in the column, those in clusters included. */
  noteCount: number
}

export interface RecapStation {
  stationId: string
  stationIndex: number
  title: string
  /** The station right before the current one: its notes are the new ones. */
  isPrevious: boolean
  /** One per guiding question, in the station's order, empty ones included. */
  columns: RecapColumn[]
  /** The station's notes outside its columns, ranked the same way; null when there are none. */
  unsorted: RecapColumn | null
}

export interface TableRecap {
  /** The station the previous group wrote in; null in the first station. */
  previousStationId: string | null
  /** Earlier stations, the latest first; empty in the first station. */
  stations: RecapStation[]
  /** Notes across the recap. */
  noteCount: number
  /** Notes the group that just left wrote. */
  newCount: number
}

/**
 * The earlier stations' notes at a table (see the module comment), from the
 * board's records as plain JSON and the index of the station now running.
 * `hidden` leaves out notes the organiser took out of the results.
 */
export function tableRecap(
  config: EventConfig,
  records: readonly unknown[],
  currentStationIndex: number,
  hidden: ReadonlySet<string> = new Set(),
): TableRecap {
  const previousStationId = config.stations[currentStationIndex - 1]?.id ?? null
  const earlier = config.stations.slice(0, Math.max(0, currentStationIndex))
  const reads = earlier.map((station) => readStationNotes(station, records, hidden))
  // A note written in one station and dragged into another's column is read
  // by both: as that column's note and as its own station's unsorted one.
  // The recap shows it once, where it lies on the board.
  const inColumns = new Set(reads.flatMap((read) => read.columns.flat().map((note) => note.id)))
  const isNew = (note: BoardNote) =>
    previousStationId !== null && note.stationId === previousStationId
  const stations = earlier.map((station, stationIndex): RecapStation => {
    const read = reads[stationIndex]!
    const unsorted = read.unsorted.filter((note) => !inColumns.has(note.id))
    return {
      stationId: station.id,
      stationIndex,
      title: station.title,
      isPrevious: station.id === previousStationId,
      columns: station.columns.map((question, index) =>
        recapColumn(question, read.columns[index] ?? [], read, isNew),
      ),
      unsorted: unsorted.length > 0 ? recapColumn('', unsorted, read, isNew) : null,
    }
  })
  stations.reverse()
  const notes = stations.flatMap((station) =>
    [...station.columns, ...(station.unsorted ? [station.unsorted] : [])].flatMap(
      (column) => column.items,
    ),
  )
  return {
    previousStationId,
    stations,
    noteCount: notes.reduce((sum, item) => sum + (item.kind === 'note' ? 1 : item.noteCount), 0),
    newCount: notes.reduce(
      (sum, item) => sum + (item.kind === 'note' ? Number(item.isNew) : item.newCount),
      0,
    ),
  }
}

/**
 * Ids of the notes the group that just left wrote, wherever they lie on the
 * board: the ones the board marks „neu“. Empty in the first station.
 */
export function newNoteIds(
  config: EventConfig,
  notes: ReadonlyArray<{ id: string; stationId?: string }>,
  currentStationIndex: number,
): Set<string> {
  const previous = config.stations[currentStationIndex - 1]?.id
  if (previous === undefined) return new Set()
  return new Set(notes.filter((note) => note.stationId === previous).map((note) => note.id))
}

/**
 * How long into a round the board points the host at the recap: the new
 * group has sat down, introduced itself and is about to start. Later it would
 * only be in the way.
 */
export const RECAP_FRESH_SECONDS = 5 * 60

/**
 * Whether the round has just begun, by the station timer (pauses excluded):
 * from the second station on, until {@link RECAP_FRESH_SECONDS} have run. A
 * timer not started yet counts as just begun.
 */
export function isRecapFresh(stationIndex: number, timer: TimerState, now: number): boolean {
  return stationIndex > 0 && elapsedSeconds(timer, now) < RECAP_FRESH_SECONDS
}

/** A column's notes (clusters together, in reading order) as ranked items. */
function recapColumn(
  question: string,
  notes: readonly BoardNote[],
  read: StationNotesRead,
  isNew: (note: BoardNote) => boolean,
): RecapColumn {
  const items: RecapItem[] = []
  const clusters = new Map<string, BoardNote[]>()
  for (const note of notes) {
    if (note.clusterId === undefined) {
      items.push({
        kind: 'note',
        id: note.id,
        text: note.text,
        votes: note.votes,
        isNew: isNew(note),
        ...(note.via !== undefined && { via: note.via }),
      })
      continue
    }
    const members = clusters.get(note.clusterId)
    if (members) {
      members.push(note)
      continue
    }
    clusters.set(note.clusterId, [note])
    // A placeholder in reading order, where the cluster's first note stands.
    items.push(clusterItem(note.clusterId, [], read, isNew))
  }
  const complete = items.map((item) =>
    item.kind === 'cluster'
      ? clusterItem(item.clusterId, clusters.get(item.clusterId)!, read, isNew)
      : item,
  )
  return { question, items: rankByVotes(complete), noteCount: notes.length }
}

function clusterItem(
  clusterId: string,
  members: readonly BoardNote[],
  read: StationNotesRead,
  isNew: (note: BoardNote) => boolean,
): RecapCluster {
  const heading = clusterName(clusterId, read.headings)
  const newCount = members.filter(isNew).length
  const top = rankByVotes(members)[0]
  return {
    kind: 'cluster',
    clusterId,
    ...(heading !== undefined && { heading }),
    firstText: top?.text ?? '',
    noteCount: members.length,
    votes: members.reduce((sum, note) => sum + note.votes, 0),
    newCount,
    isNew: newCount > 0,
  }
}

/** Most votes first; a stable sort keeps reading order among equal votes. */
function rankByVotes<T extends { votes: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.votes - a.votes)
}
