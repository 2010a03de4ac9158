import {
  escapeMarkdownBlock,
  escapeMarkdownInline,
  resultsOutline,
  type OutlineItem,
  type OutlineNote,
  type OutlineStation,
  type Results,
  type ResultsDocumentOptions,
} from '@tablecloth/shared'

/**
 * The results as a Markdown document laid out like the hand-typed reports of
 * a café day: title, date and venue, the programme with each station's
 * questions, the saved cross-table themes (each note under its table and
 * station), then per topic table and station one bullet list per question.
 * Its words come from the same outline as the PDF and DOCX
 * (shared resultsOutline), so every format says the same.
 */
export function resultsToMarkdown(results: Results, options: ResultsDocumentOptions = {}): string {
  const outline = resultsOutline(results, options)
  const { cover, programme } = outline
  const blocks: string[] = [`# ${escapeMarkdownInline(cover.title)}`]
  const when = [cover.date, cover.venue].filter((part) => part !== undefined)
  blocks.push(escapeMarkdownInline(when.join(', ')))
  blocks.push(`## ${escapeMarkdownInline(programme.heading)}`)
  blocks.push(
    programme.stations
      .map(
        (station) =>
          `- **${escapeMarkdownInline(station.heading)}:** ` +
          station.questions.map(escapeMarkdownInline).join(' / '),
      )
      .join('\n'),
  )
  if (outline.themes !== undefined) {
    blocks.push(`## ${escapeMarkdownInline(outline.themes.heading)}`)
    for (const theme of outline.themes.themes) {
      blocks.push(`### ${escapeMarkdownInline(theme.heading)}`, itemList(theme.items))
    }
  }
  for (const table of outline.tables) {
    blocks.push(`## ${escapeMarkdownInline(table.heading)}`)
    if (table.moderator !== undefined) blocks.push(escapeMarkdownInline(table.moderator))
    for (const station of table.stations) blocks.push(...stationBlocks(station, outline.noNotes))
  }
  return `${blocks.join('\n\n')}\n`
}

function stationBlocks(station: OutlineStation, noNotes: string): string[] {
  const blocks = [
    `### ${escapeMarkdownInline(station.heading)}`,
    `*${escapeMarkdownInline(station.source)}*`,
  ]
  for (const column of station.columns) {
    blocks.push(`#### ${escapeMarkdownInline(column.heading)}`)
    blocks.push(
      column.items.length > 0 ? itemList(column.items) : `*${escapeMarkdownInline(noNotes)}*`,
    )
  }
  if (station.unsorted !== undefined) {
    blocks.push(
      `#### ${escapeMarkdownInline(station.unsorted.heading)}`,
      itemList(station.unsorted.items),
    )
  }
  return blocks
}

/** A bullet list; a cluster is a bullet with its heading and its notes nested below. */
function itemList(items: readonly OutlineItem[]): string {
  const lines: string[] = []
  for (const item of items) {
    if (item.kind === 'note') {
      lines.push(noteItem(item.note, ''))
      continue
    }
    lines.push(`- **${escapeMarkdownInline(item.heading)}**`)
    lines.push(...item.notes.map((note) => noteItem(note, '  ')))
  }
  return lines.join('\n')
}

function noteItem(note: OutlineNote, indent: string): string {
  const text = escapeMarkdownBlock(note.text, `${indent}  `)
  const votes = note.votes !== undefined ? ` *(${escapeMarkdownInline(note.votes)})*` : ''
  return `${indent}- ${text}${votes}`
}
