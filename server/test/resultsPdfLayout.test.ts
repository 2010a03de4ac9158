import { describe, expect, it } from 'vitest'
import type { ResultNote, Results } from '@tablecloth/shared'
import { oneStationResults } from '@tablecloth/shared/testing'
import { resultsToPdf } from '../src/results/resultsPdf'
import { readPdf, unwrap } from './helpers/pdfReader'

/**
 * The PDF's page layout with more notes than fit a page: the renderer
 * itself, read back with pdf.js, without a server.
 */

const LONG_NOTE =
  'Frauen als Individuen sehen, nicht nur als Mütter und Ehefrauen: ' +
  'Sprachkurse mit Kinderbetreuung, passende Zeiten und Niveaus, Lernpatenschaften, ' +
  'Begleitung zu Ämtern und Beratungsstellen, Austausch mit anderen Kommunen über ' +
  '„gute Praxis“ – und mehr Stunden für Analphabetinnen. '.repeat(2)

function notes(prefix: string, count: number, extra: Partial<ResultNote> = {}): ResultNote[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${prefix}${index}`,
    text: `${prefix} Idee ${index + 1}: Sprachförderung „vor Ort“ ausbauen`,
    votes: index % 3,
    ...extra,
  }))
}

function bigStation(): Results {
  return {
    version: 1,
    event: { title: 'Café „Integration“', date: '2019-07-02', venue: 'Winnenden' },
    stations: [
      { id: 's1', title: 'Station 1', columns: ['Was läuft gut?', 'Wo hakt es?'] },
      { id: 's2', title: 'Station 2', columns: ['Ziele', 'Wege', 'Helfer', 'Hürden'] },
    ],
    tables: [
      {
        id: 't1',
        number: 1,
        title: 'Sprache',
        moderator: 'Cora Westrick',
        stations: [
          {
            id: 's1',
            title: 'Station 1',
            source: { kind: 'snapshot', snapshotId: 'x', takenAt: '2019-07-02T09:45:00.000Z' },
            columns: [
              {
                title: 'Was läuft gut?',
                notes: [
                  ...notes('A', 40),
                  { id: 'long', text: LONG_NOTE.trim(), votes: 0 },
                  ...notes('K', 4, { cluster: 'دورات اللغة' }),
                  ...notes('B', 30),
                ],
              },
              {
                title: 'Wo hakt es?',
                notes: [
                  ...notes('C', 3),
                  // Pasted text: a tab, a Windows line end, a bell character.
                  { id: 'pasted', text: 'Tab\tund\r\nZeile\u0007 (eingefügt)', votes: 0 },
                ],
              },
            ],
            unsorted: notes('U', 2),
          },
          {
            id: 's2',
            title: 'Station 2',
            source: { kind: 'live', at: '2019-07-02T11:00:00.000Z' },
            columns: [
              { title: 'Ziele', notes: notes('D', 2) },
              { title: 'Wege', notes: [] },
              { title: 'Helfer', notes: notes('E', 1) },
              { title: 'Hürden', notes: notes('F', 5) },
            ],
            unsorted: [],
          },
        ],
      },
    ],
    themes: [],
  }
}

const votes = (count: number) =>
  count === 0 ? '' : count === 1 ? ' (1 Punkt)' : ` (${count} Punkte)`

describe('results PDF layout', () => {
  it('runs a long column onto further pages, each note once, in its column', async () => {
    const results = bigStation()
    const pdf = await readPdf(await resultsToPdf(results, { timeZone: 'Europe/Berlin' }))
    const station = results.tables[0]!.stations[0]!

    const found = pdf.notes.filter((note) => note.table === 'Thementisch 1: Sprache')
    const expected = [
      ...station.columns.flatMap((column) =>
        column.notes.map((note) => ({
          station: 'Station 1',
          column: column.title,
          text: note.text + votes(note.votes),
          cluster: note.cluster,
        })),
      ),
      ...station.unsorted.map((note) => ({
        station: 'Station 1',
        column: null,
        text: note.text + votes(note.votes),
        cluster: undefined,
      })),
    ]
    const station1 = found
      .filter((note) => note.station === 'Station 1')
      .map((note) => ({
        station: note.station,
        column: note.column,
        text: unwrap(note.drawn),
        cluster: note.cluster,
      }))
    // Every note, each once, in board order within its column (the bell is not printed).
    const printed = (text: string) => unwrap(text.replace(/\u0007/g, ''))
    expect(station1).toEqual(
      expect.arrayContaining(expected.map((note) => ({ ...note, text: printed(note.text) }))),
    )
    expect(station1).toHaveLength(expected.length)
    const firstColumn = station1.filter((note) => note.column === 'Was läuft gut?')
    expect(firstColumn.map((note) => note.text)).toEqual(
      station.columns[0]!.notes.map((note) => unwrap(note.text + votes(note.votes))),
    )

    // The table continued: its pages repeat the questions under a "continued" line.
    const tablePages = pdf.pages.filter((text) => text.includes('(Fortsetzung)'))
    expect(tablePages.length).toBeGreaterThanOrEqual(1)
    for (const text of tablePages) {
      expect(text).toContain('Thementisch 1: Sprache · Station 1 (Fortsetzung)')
      expect(text).toContain('Was läuft gut?')
      expect(text).toContain('Wo hakt es?')
    }
    pdf.pages.forEach((text, index) => {
      expect(text).toContain(`Seite ${index + 1} von ${pdf.pageCount}`)
    })
  })

  it('prints pasted text without control characters', async () => {
    const pdf = await readPdf(await resultsToPdf(bigStation(), { timeZone: 'Europe/Berlin' }))
    const pasted = pdf.notes.find((note) => note.drawn.includes('eingefügt'))!
    expect(pasted.column).toBe('Wo hakt es?')
    expect(pasted.drawn.trim()).toBe('Tab und\nZeile (eingefügt)')
  })

  it('puts four questions side by side, with the words for an empty column', async () => {
    const pdf = await readPdf(await resultsToPdf(bigStation(), { timeZone: 'Europe/Berlin' }))
    const station2 = pdf.notes.filter((note) => note.station === 'Station 2')
    expect(new Set(station2.map((note) => note.column))).toEqual(
      new Set(['Ziele', 'Helfer', 'Hürden']),
    )
    expect(station2).toHaveLength(8)
    const page = pdf.pages.find((text) => text.includes('Stand des laufenden Boards'))!
    for (const question of ['Ziele', 'Wege', 'Helfer', 'Hürden', 'Keine Notizen']) {
      expect(page).toContain(question)
    }
  })

  it('keeps the bookmarks and contents in step with the pages', async () => {
    const pdf = await readPdf(await resultsToPdf(bigStation(), { timeZone: 'Europe/Berlin' }))
    expect(pdf.contents.map((entry) => entry.title)).toEqual([
      'Programm',
      'Thementisch 1: Sprache',
      'Station 1',
      'Station 2',
    ])
    for (const entry of pdf.contents.slice(1)) {
      const heading = pdf.headings.find((candidate) => candidate.text === entry.title)
      expect(heading?.page, entry.title).toBe(entry.page)
    }
  })
})

describe('letters the font engine cannot place marks for', () => {
  it('still makes the PDF, and copying gives the text as typed', async () => {
    // Feh with dots below (U+06A2 …): fontkit 2.0.4 throws positioning their marks in Noto Sans Arabic.
    const letters = ['\u06A2', '\u06A3', '\u06A5', '\u0760', '\u0761', '\u08A4']
    const typed = [...letters, ...letters.map((letter) => `مترجمين ${letter}`)]
    const notes = typed.map((text, index) => ({ id: `shape:n${index}`, text, votes: 0 }))
    const pdf = await readPdf(await resultsToPdf(oneStationResults([notes, []])))
    for (const text of typed)
      expect(
        pdf.notes.some((note) => note.actual === text),
        text,
      ).toBe(true)
  })
})
