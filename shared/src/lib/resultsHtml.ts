import { escapeHtml } from './htmlText'
import { clusterRuns, type ResultNote, type Results, type StationResults } from './results'
import {
  describeSource,
  formatEventDate,
  resultsWords,
  type ResultsDocumentOptions,
  type ResultsWords,
} from './resultsLanguage'

/**
 * The results as one standalone HTML page for reading and printing: a title
 * page with the programme, then every topic table on pages of its own with
 * each station's questions side by side, as in the hand-typed reports.
 * Everything it needs is inline, so it opens from a USB stick or a mail.
 */
export function resultsToHtml(results: Results, options: ResultsDocumentOptions = {}): string {
  const words = resultsWords(options.language)
  const { event } = results
  const when = [formatEventDate(event.date, words), event.venue].filter((part) => part !== '')
  const programme = results.stations.map((station) => {
    const questions = station.columns.map(
      (question) => `<li dir="auto">${escapeHtml(question)}</li>`,
    )
    return `<dt dir="auto">${escapeHtml(station.title)}</dt><dd><ul>${questions.join('')}</ul></dd>`
  })
  const tables = results.tables.map((table) => {
    const moderator = `${words.moderator}: ${table.moderator}`
    return [
      '<section class="table">',
      `<h2 dir="auto">${escapeHtml(words.table(table.title, table.number))}</h2>`,
      table.moderator === '' ? '' : `<p class="moderator" dir="auto">${escapeHtml(moderator)}</p>`,
      ...table.stations.map((station) => stationSection(station, words, options.timeZone)),
      '</section>',
    ]
  })
  return `<!doctype html>
<html lang="${escapeHtml(words.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${event.title} – ${words.results}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="cover">
<h1 dir="auto">${escapeHtml(event.title)}</h1>
<p class="when" dir="auto">${escapeHtml(when.join(', '))}</p>
<section class="programme">
<h2>${escapeHtml(words.programme)}</h2>
<dl>
${programme.join('\n')}
</dl>
</section>
</header>
<main>
${lines(tables.flat())}
</main>
</body>
</html>
`
}

function stationSection(station: StationResults, words: ResultsWords, timeZone?: string): string {
  const columns = station.columns.map((column) =>
    lines([
      '<section class="column">',
      `<h4 dir="auto">${escapeHtml(column.title)}</h4>`,
      noteList(column.notes, words),
      '</section>',
    ]),
  )
  const unsorted =
    station.unsorted.length === 0
      ? ''
      : lines([
          '<section class="unsorted">',
          `<h4>${escapeHtml(words.unsorted)}</h4>`,
          noteList(station.unsorted, words),
          '</section>',
        ])
  return lines([
    '<section class="station">',
    `<h3 dir="auto">${escapeHtml(station.title)}</h3>`,
    `<p class="source">${escapeHtml(describeSource(station.source, words, timeZone))}</p>`,
    '<div class="columns">',
    ...columns,
    '</div>',
    unsorted,
    '</section>',
  ])
}

function noteList(notes: readonly ResultNote[], words: ResultsWords): string {
  if (notes.length === 0) return `<p class="empty">${escapeHtml(words.noNotes)}</p>`
  const items = clusterRuns(notes).flatMap((run) => {
    const items = run.notes.map((note) => noteItem(note, words))
    if (run.cluster === undefined) return items
    const title = `<span class="cluster-title" dir="auto">${escapeHtml(run.cluster)}</span>`
    return [`<li class="cluster">${title}<ul>${items.join('')}</ul></li>`]
  })
  return lines(['<ul class="notes">', ...items, '</ul>'])
}

function noteItem(note: ResultNote, words: ResultsWords): string {
  const text = `<span class="text">${escapeHtml(note.text)}</span>`
  const votes =
    note.votes > 0 ? ` <span class="votes">${escapeHtml(words.votes(note.votes))}</span>` : ''
  // dir="auto" on the note itself: an Arabic note then reads and aligns right to left.
  return `<li class="note" dir="auto">${text}${votes}</li>`
}

/** One element per line, leaving out empty parts, so the source stays readable. */
function lines(parts: readonly string[]): string {
  return parts.filter((part) => part !== '').join('\n')
}

const STYLE = `
:root { color-scheme: light; --ink: #1d232b; --muted: #5b6570; --rule: #cfd6de; --note: #fff7c2; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 2rem 1.5rem 4rem; color: var(--ink);
  font: 15px/1.45 "Segoe UI", "Noto Sans", "Noto Sans Arabic", Arial, sans-serif,
    "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .4rem; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 .5rem; padding-bottom: .25rem;
  border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.15rem; margin: 1.6rem 0 .2rem; }
h4 { font-size: 1rem; margin: 0 0 .5rem; padding-bottom: .25rem;
  border-bottom: 1px solid var(--rule); }
.when, .moderator, .source { color: var(--muted); margin: 0 0 .5rem; }
.source { font-size: .85rem; }
.programme dl { display: grid; grid-template-columns: max-content 1fr; gap: .4rem 1.2rem; }
.programme dt { font-weight: 600; }
.programme dd { margin: 0; }
.programme dd ul { margin: 0; padding-left: 1.1rem; }
.columns { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(0, 1fr); gap: 1rem; }
.column, .unsorted { border: 1px solid var(--rule); border-radius: 6px; padding: .75rem; }
.unsorted { margin-top: 1rem; border-style: dashed; }
ul.notes, ul.notes ul { list-style: none; margin: 0; padding: 0; }
li.note { background: var(--note); border-radius: 4px; padding: .35rem .5rem; margin: 0 0 .4rem; }
li.note .text { white-space: pre-line; overflow-wrap: anywhere; }
li.cluster { margin: .6rem 0 .4rem; }
.cluster-title { display: block; font-weight: 600; margin-bottom: .3rem; }
li.cluster ul { padding-inline-start: .8rem; border-inline-start: 3px solid var(--rule); }
.votes { white-space: nowrap; font-size: .8rem; font-weight: 600; color: var(--muted); }
.empty { color: var(--muted); font-style: italic; margin: 0; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .table { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  li.note, .cluster-title { break-inside: avoid; }
  li.note { background: none; border: 1px solid var(--rule); }
}
`
