import { describe, expect, it } from 'vitest'
import mammoth from 'mammoth'
import { parse as parseCsv } from 'csv-parse/sync'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { parse as parseHtml, type HTMLElement } from 'node-html-parser'
import { winnendenTemplate, type CreateEventResponse, type Results } from '@tablecloth/shared'
import { useEventBoards } from './helpers/eventBoards'
import { readPdf, unwrap } from './helpers/pdfReader'
import { SEEDED_NOTES, expectedPlace, seedResultsDay } from './helpers/resultsSeed'

/**
 * Saved cross-table themes in every results format: the chapter
 * "Querschnittsthemen" before the tables, each theme with its notes under
 * their table (number and topic) and station.
 */

const boards = useEventBoards()

/** Two themes over the seeded day: notes of both tables, both stations, every script. */
const THEMES = [
  { title: 'Sprache & „Ankommen“', noteIds: ['b2', 'a2', 'a6'] },
  { title: 'Arbeit und Rollen', noteIds: ['a5', 'c1', 'b1'] },
]

interface Found {
  theme: string
  /** "Thementisch 1: Frauen, Kinderbetreuung, Sprache · Station 1" */
  place: string
  text: string
}

/** What every format must show: each note under its theme and place, in the saved order. */
function expected(themes = THEMES): Found[] {
  return themes.flatMap((theme) => {
    const notes = theme.noteIds.map((id) => SEEDED_NOTES.find((note) => note.id === id)!)
    // Each place is listed once, where the theme first names it.
    const places = [...new Set(notes.map(placeOf))]
    return places.flatMap((place) =>
      notes
        .filter((note) => placeOf(note) === place)
        .map((note) => ({ theme: theme.title, place, text: note.text })),
    )
  })
}

function placeOf(note: (typeof SEEDED_NOTES)[number]): string {
  const { table, station } = expectedPlace(note)
  return `${table} · ${station}`
}

async function seedWithThemes(): Promise<CreateEventResponse> {
  const event = await seedResultsDay(boards)
  const saved = await boards.api('PUT', `/api/events/${event.id}/themes`, {
    token: event.organiserToken,
    body: {
      themes: THEMES.map((theme) => ({
        title: theme.title,
        noteIds: theme.noteIds.map((id) => `shape:${id}`),
      })),
    },
  })
  expect(saved.status).toBe(200)
  return event
}

async function text(event: CreateEventResponse, file: string): Promise<string> {
  const { status, bytes } = await boards.download(event, file)
  expect(status, file).toBe(200)
  return new TextDecoder().decode(bytes)
}

/** A list item's own text, without its nested list, line breaks as typed. */
function ownText(item: HTMLElement): string {
  const own = item.clone() as HTMLElement
  own.querySelectorAll('ul, ol').forEach((nested) => nested.remove())
  own.querySelectorAll('br').forEach((br) => br.replaceWith('\n'))
  return own.text.replace(/\n+/g, '\n').trim()
}

/**
 * The theme chapter of a document read as HTML: a chapter heading, a heading
 * per theme, and under it a list of places, each holding its notes.
 */
function themesOf(
  root: HTMLElement,
  tags: { chapter: string; theme: string },
  chapter: string,
): Found[] {
  const found: Found[] = []
  let inside = false
  let theme = ''
  for (const element of root.children) {
    if (element.tagName === tags.chapter) inside = element.text === chapter
    if (!inside) continue
    if (element.tagName === tags.theme) theme = element.text
    if (element.tagName !== 'UL') continue
    for (const place of element.childNodes as HTMLElement[]) {
      if (place.tagName !== 'LI') continue
      for (const note of place.querySelectorAll('ul > li')) {
        found.push({ theme, place: ownText(place), text: ownText(note) })
      }
    }
  }
  return found
}

/** The chapter stands before the first table. */
function expectBeforeTables(headings: string[], chapter = 'Querschnittsthemen'): void {
  const themes = headings.indexOf(chapter)
  const firstTable = headings.findIndex((heading) => /^(Thementisch|Topic table) 1:/.test(heading))
  expect(themes).toBeGreaterThanOrEqual(0)
  expect(themes).toBeLessThan(firstTable)
}

describe('saved themes in every results format', () => {
  it('are in the JSON as `themes`, each note with its table and station', async () => {
    const event = await seedWithThemes()
    const results = JSON.parse(await text(event, 'results.json')) as Results
    const found = results.themes.flatMap((theme) =>
      theme.notes.map((note) => ({
        theme: theme.title,
        place: `Thementisch ${note.tableNumber}: ${note.tableTitle} · ${note.stationTitle}`,
        text: note.text,
      })),
    )
    // JSON keeps the saved order of the notes, places not grouped.
    const saved = THEMES.flatMap((theme) =>
      theme.noteIds.map((id) => {
        const note = SEEDED_NOTES.find((seeded) => seeded.id === id)!
        return { theme: theme.title, place: placeOf(note), text: note.text }
      }),
    )
    expect(found).toEqual(saved)
  })

  it('are a chapter before the tables in Markdown, in German and English', async () => {
    const event = await seedWithThemes()
    const markdown = await text(event, 'results.md')
    const root = parseHtml(
      micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] }),
    )
    expect(themesOf(root, { chapter: 'H2', theme: 'H3' }, 'Querschnittsthemen')).toEqual(expected())
    expectBeforeTables(root.querySelectorAll('h2').map((heading) => heading.text))

    const english = await text(event, 'results.md?lang=en')
    const englishRoot = parseHtml(micromark(english))
    expectBeforeTables(
      englishRoot.querySelectorAll('h2').map((heading) => heading.text),
      'Cross-table themes',
    )
    expect(english).toContain(
      'Topic table 2: Digitalisierung, Umsetzung des Integrationsplans · Station 1',
    )
  })

  it('are a chapter before the tables in the HTML page', async () => {
    const event = await seedWithThemes()
    const root = parseHtml(await text(event, 'results.html'))
    const found = root.querySelectorAll('section.themes section.theme').flatMap((theme) =>
      theme.querySelectorAll('li.cluster').flatMap((place) =>
        place.querySelectorAll('li.note').map((note) => ({
          theme: theme.querySelector('h3')!.text,
          place: place.querySelector('.cluster-title')!.text,
          text: note.querySelector('.text')!.text,
        })),
      ),
    )
    expect(found).toEqual(expected())
    expect(root.querySelector('section.themes h2')!.text).toBe('Querschnittsthemen')
    expectBeforeTables(root.querySelectorAll('h2').map((heading) => heading.text))
  })

  it('are rows before the tables’ rows in the CSV, the theme in its own column', async () => {
    const event = await seedWithThemes()
    const rows = parseCsv(await text(event, 'results.csv'), { bom: true, columns: true }) as Array<
      Record<string, string>
    >
    const themeRows = rows.filter((row) => row.theme !== '')
    expect(rows.slice(0, themeRows.length)).toEqual(themeRows)
    const config = winnendenTemplate()
    expect(
      themeRows.map((row) => ({
        theme: row.theme,
        place: `Thementisch ${config.tables.findIndex((table) => table.topic === row.table) + 1}: ${row.table} · ${row.station}`,
        text: row.text,
      })),
    ).toEqual(expected())
    // Each theme row carries its note's column too, like the note's own row.
    expect(themeRows.find((row) => row.text === SEEDED_NOTES[5]!.text)!.column).toBe('')
    expect(themeRows.find((row) => row.text?.startsWith('Rollen'))!.column).toBe(
      config.stations[1]!.columns[1],
    )
    // Every note still has its own row under its table.
    expect(rows.length - themeRows.length).toBe(SEEDED_NOTES.length)
  })

  it('are a chapter before the tables in the Word document', async () => {
    const event = await seedWithThemes()
    const { bytes } = await boards.download(event, 'results.docx')
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })
    const root = parseHtml(html)
    expect(themesOf(root, { chapter: 'H1', theme: 'H2' }, 'Querschnittsthemen')).toEqual(expected())
    expectBeforeTables(root.querySelectorAll('h1').map((heading) => heading.text))
  })

  it('are a chapter before the tables in the PDF, listed in its contents', async () => {
    const event = await seedWithThemes()
    const { bytes } = await boards.download(event, 'results.pdf')
    const pdf = await readPdf(bytes)
    const found = pdf.notes
      .filter((note) => note.table === 'Querschnittsthemen')
      .map((note) => ({ theme: note.station, text: unwrap(note.actual ?? note.drawn) }))
    // Line breaks as laid out: a note's own line break reads as a space.
    expect(found).toEqual(expected().map(({ theme, text }) => ({ theme, text: unwrap(text) })))
    // Each note's place heads it on the chapter's page.
    const chapterPage = pdf.headings.find((heading) => heading.text === 'Querschnittsthemen')!.page
    const pageText = unwrap(pdf.pages[chapterPage - 1]!)
    for (const place of new Set(expected().map((item) => item.place))) {
      expect(pageText).toContain(place)
    }
    expectBeforeTables(pdf.headings.filter((h) => h.role === 'H1').map((h) => h.text))
    expect(pdf.contents.map((entry) => entry.title)).toEqual(
      expect.arrayContaining(['Querschnittsthemen', ...THEMES.map((theme) => theme.title)]),
    )
  }, 60_000)
})

describe('saved themes in narrowed results', () => {
  it('keep only the notes inside the table or station asked for, and drop themes left empty', async () => {
    const event = await seedWithThemes()
    const [first, second] = event.links.tables
    const themesIn = async (query: string) => {
      const results = JSON.parse(await text(event, `results.json?${query}`)) as Results
      return results.themes.map((theme) => [theme.title, theme.notes.map((note) => note.noteId)])
    }
    expect(await themesIn(`table=${first!.id}`)).toEqual([
      ['Sprache & „Ankommen“', ['shape:a2', 'shape:a6']],
      ['Arbeit und Rollen', ['shape:a5', 'shape:c1']],
    ])
    expect(await themesIn('station=1')).toEqual([['Arbeit und Rollen', ['shape:c1']]])
    expect(await themesIn(`table=${second!.id}&station=1`)).toEqual([])
    const markdown = await text(event, `results.md?table=${second!.id}&station=1`)
    expect(markdown).not.toContain('Querschnittsthemen')
  })
})
