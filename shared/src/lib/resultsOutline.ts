import { clusterRuns, type ResultNote, type Results, type StationResults } from './results'
import type { ResultTheme } from './resultThemes'
import {
  describeSource,
  formatEventDate,
  resultsWords,
  type ResultsDocumentOptions,
  type ResultsWords,
} from './resultsLanguage'

/**
 * The results as a document outline, before any file format: which sections
 * the printed report has, in which order, and every heading and line in the
 * document's language. The PDF and DOCX renderers on the server draw this
 * outline, so both files hold the same words in the same order as the
 * hand-typed reports: title page, programme, then per topic table and
 * station the notes of each question side by side.
 */

/** Which way a text reads. */
export type TextDirection = 'ltr' | 'rtl'

/** A note as the documents print it: its text and, when it got dots, how many in words. */
export interface OutlineNote {
  id: string
  text: string
  /** "3 Punkte"; absent without votes. */
  votes?: string
  direction: TextDirection
}

/** What a column lists: single notes, and clusters with their heading over their notes. */
export type OutlineItem =
  | { kind: 'note'; note: OutlineNote }
  | { kind: 'cluster'; heading: string; direction: TextDirection; notes: OutlineNote[] }

export interface OutlineColumn {
  /** The guiding question. */
  heading: string
  direction: TextDirection
  items: OutlineItem[]
}

export interface OutlineStation {
  id: string
  /** The contents entry this station's heading answers to. */
  anchor: string
  heading: string
  /** Where its notes were read from, e.g. "Stand beim Stationswechsel, 02.07.2019, 11:45". */
  source: string
  columns: OutlineColumn[]
  /** Notes outside every column; absent when there are none. */
  unsorted?: { heading: string; items: OutlineItem[] }
}

export interface OutlineTable {
  id: string
  anchor: string
  /** "Thementisch 1: Frauen, Kinderbetreuung, Sprache" */
  heading: string
  /** "Moderation: Cora Westrick"; absent without a moderator. */
  moderator?: string
  stations: OutlineStation[]
}

/**
 * A saved cross-table theme: its title, and its notes under the place they
 * were written, one heading per table and station, like a cluster's notes
 * under the cluster's heading.
 */
export interface OutlineTheme {
  anchor: string
  heading: string
  direction: TextDirection
  /** Clusters headed "Thementisch 3: Arbeitsmarktintegration · Station 1". */
  items: OutlineItem[]
}

export interface OutlineContentsEntry {
  /** The section's anchor, which the renderer maps to the page it starts on. */
  anchor: string
  /** 1 for the programme, the themes' chapter and the tables; 2 for stations and themes. */
  level: 1 | 2
  title: string
}

export interface ResultsOutline {
  /** BCP 47 tag of the document's language. */
  locale: string
  /** For the file's metadata, e.g. "Regionalkonferenz … – Ergebnisse". */
  documentTitle: string
  cover: {
    title: string
    /** "Ergebnisse" */
    subtitle: string
    /** The event's day in words, e.g. "2. Juli 2019"; absent without a date. */
    date?: string
    venue?: string
  }
  contents: { heading: string; entries: OutlineContentsEntry[] }
  programme: {
    anchor: string
    heading: string
    stations: Array<{ id: string; heading: string; questions: string[] }>
  }
  /** The chapter "Querschnittsthemen", before the tables; absent when no theme was saved. */
  themes?: { anchor: string; heading: string; themes: OutlineTheme[] }
  tables: OutlineTable[]
  /** Shown in a column without notes. */
  noNotes: string
  /** Appended to headings repeated on the next page: "Fortsetzung". */
  continued: string
  /** The words around the printed page numbers ("Seite 3 von 12"). */
  pageNumber: ResultsWords['page']
}

export const PROGRAMME_ANCHOR = 'programme'
export const THEMES_ANCHOR = 'themes'

/** Builds the outline of the results document in the requested language. */
export function resultsOutline(
  results: Results,
  options: ResultsDocumentOptions = {},
): ResultsOutline {
  const words = resultsWords(options.language)
  const { event } = results
  const date = event.date === '' ? undefined : formatEventDate(event.date, words)
  const tables = results.tables.map((table): OutlineTable => {
    const anchor = `table-${table.id}`
    return {
      id: table.id,
      anchor,
      heading: words.table(table.title, table.number),
      ...(table.moderator !== '' && { moderator: `${words.moderator}: ${table.moderator}` }),
      stations: table.stations.map((station) =>
        outlineStation(station, `${anchor}-station-${station.id}`, words, options.timeZone),
      ),
    }
  })
  const themes = results.themes.map((theme, index) => outlineTheme(theme, index, words))
  const entries: OutlineContentsEntry[] = [
    { anchor: PROGRAMME_ANCHOR, level: 1, title: words.programme },
    ...(themes.length === 0
      ? []
      : [
          { anchor: THEMES_ANCHOR, level: 1 as const, title: words.themes },
          ...themes.map(
            (theme): OutlineContentsEntry => ({
              anchor: theme.anchor,
              level: 2,
              title: theme.heading,
            }),
          ),
        ]),
    ...tables.flatMap((table): OutlineContentsEntry[] => [
      { anchor: table.anchor, level: 1, title: table.heading },
      ...table.stations.map(
        (station): OutlineContentsEntry => ({
          anchor: station.anchor,
          level: 2,
          title: station.heading,
        }),
      ),
    ]),
  ]
  return {
    locale: words.locale,
    documentTitle: `${event.title} – ${words.results}`,
    cover: {
      title: event.title,
      subtitle: words.results,
      ...(date !== undefined && { date }),
      ...(event.venue !== '' && { venue: event.venue }),
    },
    contents: { heading: words.contents, entries },
    programme: {
      anchor: PROGRAMME_ANCHOR,
      heading: words.programme,
      stations: results.stations.map((station) => ({
        id: station.id,
        heading: station.title,
        questions: [...station.columns],
      })),
    },
    ...(themes.length > 0 && {
      themes: { anchor: THEMES_ANCHOR, heading: words.themes, themes },
    }),
    tables,
    noNotes: words.noNotes,
    continued: words.continued,
    pageNumber: words.page,
  }
}

/**
 * A theme's notes under the table and station they come from. Places keep
 * the order in which the theme first names them, and each place lists its
 * notes in the theme's order, so the organiser's ordering still reads.
 */
function outlineTheme(theme: ResultTheme, index: number, words: ResultsWords): OutlineTheme {
  const places = new Map<string, { heading: string; notes: OutlineNote[] }>()
  for (const note of theme.notes) {
    const key = `${note.tableId}\u0000${note.stationId}`
    let place = places.get(key)
    if (!place) {
      const heading = `${words.table(note.tableTitle, note.tableNumber)} · ${note.stationTitle}`
      place = { heading, notes: [] }
      places.set(key, place)
    }
    place.notes.push({ id: note.noteId, text: note.text, direction: textDirection(note.text) })
  }
  return {
    anchor: `${THEMES_ANCHOR}-${index + 1}`,
    heading: theme.title,
    direction: textDirection(theme.title),
    items: [...places.values()].map(
      (place): OutlineItem => ({
        kind: 'cluster',
        heading: place.heading,
        direction: textDirection(place.heading),
        notes: place.notes,
      }),
    ),
  }
}

function outlineStation(
  station: StationResults,
  anchor: string,
  words: ResultsWords,
  timeZone: string | undefined,
): OutlineStation {
  return {
    id: station.id,
    anchor,
    heading: station.title,
    source: describeSource(station.source, words, timeZone),
    columns: station.columns.map((column) => ({
      heading: column.title,
      direction: textDirection(column.title),
      items: outlineItems(column.notes, words),
    })),
    ...(station.unsorted.length > 0 && {
      unsorted: { heading: words.unsorted, items: outlineItems(station.unsorted, words) },
    }),
  }
}

/** Notes as the board groups them: a cluster's notes under its heading, in board order. */
function outlineItems(notes: readonly ResultNote[], words: ResultsWords): OutlineItem[] {
  return clusterRuns(notes).flatMap((run): OutlineItem[] => {
    const printed = run.notes.map((note) => outlineNote(note, words))
    if (run.cluster === undefined) return printed.map((note) => ({ kind: 'note', note }))
    return [
      {
        kind: 'cluster',
        heading: run.cluster,
        direction: textDirection(run.cluster),
        notes: printed,
      },
    ]
  })
}

function outlineNote(note: ResultNote, words: ResultsWords): OutlineNote {
  return {
    id: note.id,
    text: note.text,
    ...(note.votes > 0 && { votes: words.votes(note.votes) }),
    direction: textDirection(note.text),
  }
}

/**
 * Letters of the scripts written right to left (Unicode bidi classes R and
 * AL). Arabic-Indic digits are not among them: like all digits, they take the
 * direction of the text around them.
 */
const RTL_LETTER =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u
const LETTER = /\p{L}/u

/**
 * The direction of a text by its first letter, as HTML's `dir="auto"`
 * decides it: an Arabic note reads right to left even when it quotes a German
 * word later on, and a text without letters reads left to right.
 */
export function textDirection(text: string): TextDirection {
  for (const char of text) {
    if (!LETTER.test(char)) continue
    return RTL_LETTER.test(char) ? 'rtl' : 'ltr'
  }
  return 'ltr'
}
