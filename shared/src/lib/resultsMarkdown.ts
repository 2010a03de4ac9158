import { escapeMarkdownBlock, escapeMarkdownInline } from './markdownText'
import { clusterRuns, type ResultNote, type Results, type StationResults } from './results'
import {
  describeSource,
  formatEventDate,
  resultsWords,
  type ResultsDocumentOptions,
  type ResultsWords,
} from './resultsLanguage'

/**
 * The results as a Markdown document laid out like the hand-typed reports of
 * a café day: title, date and venue, the programme with each station's
 * questions, then per topic table and station one bullet list per question.
 */
export function resultsToMarkdown(results: Results, options: ResultsDocumentOptions = {}): string {
  const words = resultsWords(options.language)
  const { event } = results
  const blocks: string[] = [`# ${escapeMarkdownInline(event.title)}`]
  const when = [formatEventDate(event.date, words), event.venue].filter((part) => part !== '')
  blocks.push(escapeMarkdownInline(when.join(', ')))
  blocks.push(`## ${escapeMarkdownInline(words.programme)}`)
  blocks.push(
    results.stations
      .map(
        (station) =>
          `- **${escapeMarkdownInline(station.title)}:** ` +
          station.columns.map(escapeMarkdownInline).join(' / '),
      )
      .join('\n'),
  )
  for (const table of results.tables) {
    blocks.push(`## ${escapeMarkdownInline(words.table(table.title, table.number))}`)
    if (table.moderator !== '') {
      blocks.push(escapeMarkdownInline(`${words.moderator}: ${table.moderator}`))
    }
    for (const station of table.stations) {
      blocks.push(...stationBlocks(station, words, options.timeZone))
    }
  }
  return `${blocks.join('\n\n')}\n`
}

function stationBlocks(station: StationResults, words: ResultsWords, timeZone?: string): string[] {
  const blocks = [
    `### ${escapeMarkdownInline(station.title)}`,
    `*${escapeMarkdownInline(describeSource(station.source, words, timeZone))}*`,
  ]
  for (const column of station.columns) {
    blocks.push(`#### ${escapeMarkdownInline(column.title)}`)
    blocks.push(
      column.notes.length > 0
        ? noteList(column.notes, words)
        : `*${escapeMarkdownInline(words.noNotes)}*`,
    )
  }
  if (station.unsorted.length > 0) {
    blocks.push(`#### ${escapeMarkdownInline(words.unsorted)}`, noteList(station.unsorted, words))
  }
  return blocks
}

/** A bullet list; a cluster is a bullet with its heading and its notes nested below. */
function noteList(notes: readonly ResultNote[], words: ResultsWords): string {
  const lines: string[] = []
  for (const run of clusterRuns(notes)) {
    if (run.cluster === undefined) {
      lines.push(...run.notes.map((note) => noteItem(note, '', words)))
      continue
    }
    lines.push(`- **${escapeMarkdownInline(run.cluster)}**`)
    lines.push(...run.notes.map((note) => noteItem(note, '  ', words)))
  }
  return lines.join('\n')
}

function noteItem(note: ResultNote, indent: string, words: ResultsWords): string {
  const text = escapeMarkdownBlock(note.text, `${indent}  `)
  const votes = note.votes > 0 ? ` *(${escapeMarkdownInline(words.votes(note.votes))})*` : ''
  return `${indent}- ${text}${votes}`
}
