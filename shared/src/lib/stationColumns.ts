import { readBoardContents, type BoardNote } from './boardContents'
import type { EventConfig, Station } from './eventConfig'
import { classifyNotes } from './noteClassification'
import { clusterName, clusterOrder } from './noteClusters'

/**
 * One station of one board as the room sees it: its columns in the
 * station's order, each with its notes in reading order and its clusters
 * together under their headings. The results (`buildResults`) and the room
 * view (projector, gallery) read a station through `readStationNotes`, so a
 * note stands in the same column, in the same place, wherever it is shown.
 */

/** A station's notes, read from a board's records, before anything is named or shown. */
export interface StationNotesRead {
  /** One list per question of the station, in reading order with clusters together. */
  columns: BoardNote[][]
  /** The station's notes outside its columns (see `buildResults`), in the same order. */
  unsorted: BoardNote[]
  /** Each cluster heading's text by cluster id, as the board holds it. */
  headings: ReadonlyMap<string, string>
}

/**
 * Reads one station's notes from a board's tldraw records (plain JSON).
 *
 * A note belongs to the column that contains its centre; notes of this
 * station outside every column are `unsorted`, as are its notes dragged into
 * an earlier station's column; empty notes and `hidden` ones are left out.
 * Each column is in reading order (rows top to bottom, each left to right)
 * with a cluster's notes pulled together where its first note stands.
 */
export function readStationNotes(
  station: Station,
  records: readonly unknown[],
  hidden: ReadonlySet<string> = new Set(),
): StationNotesRead {
  const contents = readBoardContents(records)
  // An empty note carries nothing to harvest or show: tldraw leaves one behind
  // when someone picks the note tool and walks away.
  const notes = contents.notes.filter((note) => note.text.trim() !== '' && !hidden.has(note.id))
  const classified = classifyNotes(notes, contents.columns)
  const own = classified.stations.find((entry) => entry.stationId === station.id)
  const columns = station.columns.map((): BoardNote[] => [])
  const unsorted = [...(own?.unsorted ?? [])]
  for (const column of own?.columns ?? []) {
    // A frame for a question the config does not have: keep its notes visible.
    const target = columns[column.columnIndex]
    if (target) target.push(...column.notes)
    else unsorted.push(...column.notes)
  }
  // Only a board without any column leaves notes unplaced; they were read
  // for this station, so this station is where they show up.
  unsorted.push(...classified.unplaced)
  // A note written in this station and then dragged into an earlier
  // station's column: that station's results come from its own snapshot,
  // which never held the note, so it is listed here rather than nowhere.
  for (const other of classified.stations) {
    if (other.stationId === station.id) continue
    for (const column of other.columns) {
      unsorted.push(...column.notes.filter((note) => note.stationId === station.id))
    }
  }
  return {
    columns: columns.map((column) => clusterOrder(column)),
    unsorted: clusterOrder(unsorted),
    headings: new Map(contents.clusterHeadings.map((heading) => [heading.clusterId, heading.text])),
  }
}

/** tldraw's colour name for a note that names none: its default, drawn as a yellow note. */
export const DEFAULT_NOTE_COLOUR_NAME = 'black'

/** A note as the room sees it. */
export interface StationCard {
  id: string
  text: string
  /** Dot votes (`meta.votes`). */
  votes: number
  /** tldraw's colour name of the note (`props.color`). */
  colour: string
  /** 'phone' for a note sent from a participant's phone; shown like any other. */
  via?: 'board' | 'phone'
}

/** One note, or one cluster: its heading and its notes, which are always shown together. */
export type StationEntry =
  | { kind: 'note'; note: StationCard }
  | {
      kind: 'cluster'
      clusterId: string
      /** The heading as the results name it; a cluster whose heading was emptied has none. */
      heading?: string
      notes: StationCard[]
    }

export interface StationColumn {
  /** The guiding question. */
  question: string
  /** Notes and clusters in reading order. */
  entries: StationEntry[]
  /** How many notes the column holds, those in clusters included. */
  noteCount: number
}

export interface StationColumnsView {
  stationId: string
  stationIndex: number
  title: string
  /** One per guiding question, in the station's order, empty ones included. */
  columns: StationColumn[]
  /** The station's notes outside its columns; never dropped from view. */
  unsorted: StationColumn | null
}

/**
 * The current (or any) station of a board, column by column, for the room:
 * the same notes in the same order as the results list them, with each
 * cluster as one entry. Null for a station the event does not have.
 */
export function stationColumns(
  config: EventConfig,
  records: readonly unknown[],
  stationIndex: number,
): StationColumnsView | null {
  const station = config.stations[stationIndex]
  if (!station) return null
  const read = readStationNotes(station, records)
  const columnOf = (question: string, notes: readonly BoardNote[]): StationColumn => ({
    question,
    entries: entriesOf(notes, read.headings),
    noteCount: notes.length,
  })
  return {
    stationId: station.id,
    stationIndex,
    title: station.title,
    columns: station.columns.map((question, index) =>
      columnOf(question, read.columns[index] ?? []),
    ),
    unsorted: read.unsorted.length > 0 ? columnOf('', read.unsorted) : null,
  }
}

/** Groups a column's notes (clusters already together) into single notes and clusters. */
function entriesOf(
  notes: readonly BoardNote[],
  headings: ReadonlyMap<string, string>,
): StationEntry[] {
  const entries: StationEntry[] = []
  for (const note of notes) {
    const card = cardOf(note)
    const last = entries[entries.length - 1]
    if (note.clusterId === undefined) {
      entries.push({ kind: 'note', note: card })
    } else if (last?.kind === 'cluster' && last.clusterId === note.clusterId) {
      last.notes.push(card)
    } else {
      const heading = clusterName(note.clusterId, headings)
      entries.push({
        kind: 'cluster',
        clusterId: note.clusterId,
        ...(heading !== undefined && { heading }),
        notes: [card],
      })
    }
  }
  return entries
}

function cardOf(note: BoardNote): StationCard {
  return {
    id: note.id,
    text: note.text,
    votes: note.votes,
    colour: note.colour ?? DEFAULT_NOTE_COLOUR_NAME,
    ...(note.via !== undefined && { via: note.via }),
  }
}
