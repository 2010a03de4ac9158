import type { ResultsSource } from './results'

/**
 * The words and date formats of the results documents (Markdown, HTML, PDF,
 * DOCX, file names) in each language the product speaks. The documents are read away
 * from the app, so they carry their own words rather than the UI's.
 */

export const RESULTS_LANGUAGES = ['de', 'en'] as const
export type ResultsLanguage = (typeof RESULTS_LANGUAGES)[number]

export interface ResultsDocumentOptions {
  /** German unless asked otherwise, like the app. */
  language?: ResultsLanguage
  /**
   * IANA time zone for times of day (when a board was saved). Defaults to the
   * machine's own: the server runs at the venue, on the venue's clock.
   */
  timeZone?: string
}

export interface ResultsWords {
  /** BCP 47 tag for `lang` attributes and date formats. */
  locale: string
  results: string
  programme: string
  /** A table's heading, numbered as in the room: "Thementisch 3: Arbeitsmarktintegration". */
  table: (topic: string, number: number) => string
  moderator: string
  unsorted: string
  noNotes: string
  votes: (count: number) => string
  source: (source: ResultsSource, time: string) => string
  /** Heading of the table of contents (PDF). */
  contents: string
  /**
   * The page number on every printed page, "Seite 3 von 12", as the words
   * around the two numbers: a DOCX puts page fields between them.
   */
  page: { before: string; between: string; after: string }
  /** Marks a heading repeated where a table runs on to the next page. */
  continued: string
  /** The chapter of saved cross-table themes, before the tables. */
  themes: string
}

const WORDS: Record<ResultsLanguage, ResultsWords> = {
  de: {
    locale: 'de-DE',
    results: 'Ergebnisse',
    programme: 'Programm',
    table: (topic, number) => `Thementisch ${number}: ${topic}`,
    moderator: 'Moderation',
    unsorted: 'Außerhalb der Spalten',
    noNotes: 'Keine Notizen',
    votes: (count) => (count === 1 ? '1 Punkt' : `${count} Punkte`),
    source: (source, time) =>
      source.kind === 'snapshot'
        ? `Stand beim Stationswechsel, ${time}`
        : `Stand des laufenden Boards, ${time}`,
    contents: 'Inhalt',
    page: { before: 'Seite ', between: ' von ', after: '' },
    continued: 'Fortsetzung',
    themes: 'Querschnittsthemen',
  },
  en: {
    locale: 'en-GB',
    results: 'Results',
    programme: 'Programme',
    table: (topic, number) => `Topic table ${number}: ${topic}`,
    moderator: 'Moderator',
    unsorted: 'Outside the columns',
    noNotes: 'No notes',
    votes: (count) => (count === 1 ? '1 dot' : `${count} dots`),
    source: (source, time) =>
      source.kind === 'snapshot'
        ? `As saved at the station change, ${time}`
        : `Live board as of ${time}`,
    contents: 'Contents',
    page: { before: 'Page ', between: ' of ', after: '' },
    continued: 'continued',
    themes: 'Cross-table themes',
  },
}

export function resultsWords(language: ResultsLanguage = 'de'): ResultsWords {
  return WORDS[language]
}

export function isResultsLanguage(value: string): value is ResultsLanguage {
  return (RESULTS_LANGUAGES as readonly string[]).includes(value)
}

/** The event's calendar date in words, e.g. "2. Juli 2019". */
export function formatEventDate(date: string, words: ResultsWords): string {
  // The date is a calendar day, not an instant: format it in UTC so no time
  // zone moves it to the day before.
  const day = new Date(`${date}T00:00:00Z`)
  if (Number.isNaN(day.getTime())) return date
  return new Intl.DateTimeFormat(words.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(day)
}

/** Date and time of an instant, e.g. "02.07.2019, 11:45". */
export function formatInstant(iso: string, words: ResultsWords, timeZone?: string): string {
  const instant = new Date(iso)
  if (Number.isNaN(instant.getTime())) return iso
  return new Intl.DateTimeFormat(words.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone !== undefined && { timeZone }),
  }).format(instant)
}

/** The number of a printed page, e.g. "Seite 3 von 12". */
export function formatPageNumber(words: ResultsWords, page: number, pages: number): string {
  const { before, between, after } = words.page
  return `${before}${page}${between}${pages}${after}`
}

/** Where a station's notes were read from, in words. */
export function describeSource(
  source: ResultsSource,
  words: ResultsWords,
  timeZone?: string,
): string {
  const at = source.kind === 'snapshot' ? source.takenAt : source.at
  return words.source(source, formatInstant(at, words, timeZone))
}
