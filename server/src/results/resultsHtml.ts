import {
  escapeHtml,
  resultsOutline,
  type OutlineItem,
  type OutlineNote,
  type OutlineStation,
  type Results,
  type ResultsDocumentOptions,
} from '@tablecloth/shared'

/**
 * The results as one standalone HTML page for reading and printing: a title
 * page with the programme, the saved cross-table themes, then every topic
 * table on pages of its own with each station's questions side by side, as
 * in the hand-typed reports.
 * Everything it needs is inline, so it opens from a USB stick or a mail. Its
 * words come from the same outline as the PDF and DOCX (shared
 * resultsOutline), so every format says the same.
 */
export function resultsToHtml(results: Results, options: ResultsDocumentOptions = {}): string {
  const outline = resultsOutline(results, options)
  const { cover, programme } = outline
  const when = [cover.date, cover.venue].filter((part) => part !== undefined)
  const stations = programme.stations.map((station) => {
    const questions = station.questions.map(
      (question) => `<li dir="auto">${escapeHtml(question)}</li>`,
    )
    return `<dt dir="auto">${escapeHtml(station.heading)}</dt><dd><ul>${questions.join('')}</ul></dd>`
  })
  // The themes' chapter before the tables: notes under the table and station they come from.
  const themes =
    outline.themes === undefined
      ? []
      : [
          '<section class="themes">',
          `<h2>${escapeHtml(outline.themes.heading)}</h2>`,
          ...outline.themes.themes.map((theme) =>
            lines([
              '<section class="theme">',
              `<h3 dir="auto">${escapeHtml(theme.heading)}</h3>`,
              itemList(theme.items, outline.noNotes),
              '</section>',
            ]),
          ),
          '</section>',
        ]
  const tables = outline.tables.map((table) => [
    '<section class="table">',
    `<h2 dir="auto">${escapeHtml(table.heading)}</h2>`,
    table.moderator === undefined
      ? ''
      : `<p class="moderator" dir="auto">${escapeHtml(table.moderator)}</p>`,
    ...table.stations.map((station) => stationSection(station, outline.noNotes)),
    '</section>',
  ])
  return `<!doctype html>
<html lang="${escapeHtml(outline.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(outline.documentTitle)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="cover">
<h1 dir="auto">${escapeHtml(cover.title)}</h1>
<p class="when" dir="auto">${escapeHtml(when.join(', '))}</p>
<section class="programme">
<h2>${escapeHtml(programme.heading)}</h2>
<dl>
${stations.join('\n')}
</dl>
</section>
</header>
<main>
${lines([...themes, ...tables.flat()])}
</main>
</body>
</html>
`
}

function stationSection(station: OutlineStation, noNotes: string): string {
  const columns = station.columns.map((column) =>
    lines([
      '<section class="column">',
      `<h4 dir="auto">${escapeHtml(column.heading)}</h4>`,
      itemList(column.items, noNotes),
      '</section>',
    ]),
  )
  const unsorted =
    station.unsorted === undefined
      ? ''
      : lines([
          '<section class="unsorted">',
          `<h4>${escapeHtml(station.unsorted.heading)}</h4>`,
          itemList(station.unsorted.items, noNotes),
          '</section>',
        ])
  return lines([
    '<section class="station">',
    `<h3 dir="auto">${escapeHtml(station.heading)}</h3>`,
    `<p class="source">${escapeHtml(station.source)}</p>`,
    '<div class="columns">',
    ...columns,
    '</div>',
    unsorted,
    '</section>',
  ])
}

function itemList(items: readonly OutlineItem[], noNotes: string): string {
  if (items.length === 0) return `<p class="empty">${escapeHtml(noNotes)}</p>`
  const listed = items.map((item) => {
    if (item.kind === 'note') return noteItem(item.note)
    const title = `<span class="cluster-title" dir="auto">${escapeHtml(item.heading)}</span>`
    return `<li class="cluster">${title}<ul>${item.notes.map(noteItem).join('')}</ul></li>`
  })
  return lines(['<ul class="notes">', ...listed, '</ul>'])
}

function noteItem(note: OutlineNote): string {
  const text = `<span class="text">${escapeHtml(note.text)}</span>`
  const votes =
    note.votes === undefined ? '' : ` <span class="votes">${escapeHtml(note.votes)}</span>`
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
  .themes { break-before: page; }
  .theme { break-inside: avoid-page; }
  h2, h3, h4 { break-after: avoid; }
  li.note, .cluster-title { break-inside: avoid; }
  li.note { background: none; border: 1px solid var(--rule); }
}
`
