import type { Results } from '../lib/results'
import { resolveThemes } from '../lib/resultThemes'

/**
 * Results of a small café day for the export tests: two tables, a saved and a
 * running station, and notes in every script and with every character that
 * means something in Markdown, HTML or a spreadsheet.
 */
export function resultsFixture(): Results {
  return {
    version: 1,
    event: {
      id: 'evt1',
      title: 'Regionalkonferenz „Pakt für Integration – Kommunales Integrationsmanagement“',
      date: '2019-07-02',
      venue: 'Hermann-Schwab-Halle Winnenden',
    },
    stations: [
      { id: 's1', title: 'Station 1', columns: ['Was läuft gut?', 'Wo hakt es?'] },
      {
        id: 's2',
        title: 'Station 2',
        columns: ['Was sind unsere Ziele?', 'Was soll ein gutes IntMan leisten?'],
      },
    ],
    tables: [
      {
        id: 'frauen',
        number: 1,
        title: 'Frauen, Kinderbetreuung, Sprache',
        moderator: 'Cora Westrick',
        stations: [
          {
            id: 's1',
            title: 'Station 1',
            source: { kind: 'snapshot', snapshotId: 'snap-1', takenAt: '2019-07-02T09:45:00.000Z' },
            columns: [
              {
                title: 'Was läuft gut?',
                notes: [
                  {
                    id: 'shape:a',
                    text: 'Unterstützung durch Ehrenamt: Sprachgebrauch',
                    votes: 2,
                    group: 'Gruppe Rot',
                    author: 'Ayşe',
                    time: '2019-07-02T08:50:00.000Z',
                  },
                  { id: 'shape:b', text: 'Altkunden', cluster: 'Kulturprogramme', votes: 0 },
                  { id: 'shape:c', text: 'Kochabende 🍲', cluster: 'Kulturprogramme', votes: 1 },
                  { id: 'shape:d', text: 'مرحبا بكم في المقهى', votes: 0 },
                ],
              },
              {
                title: 'Wo hakt es?',
                notes: [
                  { id: 'shape:e', text: 'Fehlende KiTa-Plätze → „geringe“ Teilnahme', votes: 0 },
                  {
                    id: 'shape:f',
                    text:
                      '3. Frauen als *Individuen* sehen\n' +
                      '<b>nicht</b> nur als Mütter & Ehefrauen',
                    votes: 0,
                  },
                  { id: 'shape:g', text: '=SUMME(A1:A9) "Formel"; Komma, Zeile', votes: 0 },
                ],
              },
            ],
            unsorted: [{ id: 'shape:h', text: 'Müssen Analphabeten wirklich …?', votes: 0 }],
          },
          {
            id: 's2',
            title: 'Station 2',
            source: { kind: 'live', at: '2019-07-02T10:30:00.000Z' },
            columns: [
              { title: 'Was sind unsere Ziele?', notes: [] },
              {
                title: 'Was soll ein gutes IntMan leisten?',
                notes: [{ id: 'shape:i', text: 'Rollenverständnis thematisieren', votes: 0 }],
              },
            ],
            unsorted: [],
          },
        ],
      },
      {
        id: 'arbeit',
        number: 5,
        title: 'Arbeitsmarktintegration',
        moderator: '',
        stations: [
          {
            id: 's1',
            title: 'Station 1',
            source: { kind: 'snapshot', snapshotId: 'snap-2', takenAt: '2019-07-02T09:45:00.000Z' },
            columns: [
              {
                title: 'Was läuft gut?',
                notes: [{ id: 'shape:j', text: '„Motivierte“ finden Arbeit 💼', votes: 4 }],
              },
              { title: 'Wo hakt es?', notes: [] },
            ],
            unsorted: [],
          },
        ],
      },
    ],
    themes: [],
  }
}

/**
 * The fixture with one more note at the second table and two saved
 * cross-table themes, each holding notes of both tables: the second has an
 * Arabic note, one of a running station, and the id of a note that is gone.
 */
export function resultsWithThemesFixture(): Results {
  const results = resultsFixture()
  const arbeit = results.tables[1]!.stations[0]!
  arbeit.columns[1]!.notes.push({ id: 'shape:k', text: 'Sprachkurse für Mütter fehlen', votes: 0 })
  results.themes = resolveThemes(results.tables, [
    { title: 'Arbeit & „Motivation“', noteIds: ['shape:j', 'shape:a'] },
    { title: 'Sprache und Rollen', noteIds: ['shape:d', 'shape:gone', 'shape:i', 'shape:k'] },
  ])
  return results
}

/** Every note of the fixture with where it stands: table, station and column ('' if unsorted). */
export function fixtureNotes(results: Results) {
  return results.tables.flatMap((table) =>
    table.stations.flatMap((station) => [
      ...station.columns.flatMap((column) =>
        column.notes.map((note) => ({ table, station, column: column.title, note })),
      ),
      ...station.unsorted.map((note) => ({ table, station, column: '', note })),
    ]),
  )
}
