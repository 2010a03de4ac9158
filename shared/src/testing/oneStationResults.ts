import type { ResultNote, Results } from '../lib/results'

/**
 * Results of one table ("Sprache", moderated by Ana) at its running first
 * station with the two questions "Was läuft gut?" and "Wo hakt es?", holding
 * `columns` (one list of notes per question) and `unsorted`: for tests of
 * what is shown or done with a results document, not of how it is built.
 */
export function oneStationResults(
  columns: ResultNote[][],
  unsorted: ResultNote[] = [],
  event: Results['event'] = { id: 'ev', title: 'Tag', date: '2019-07-02', venue: 'Halle' },
): Results {
  const questions = ['Was läuft gut?', 'Wo hakt es?']
  return {
    version: 1,
    event,
    stations: [{ id: 's1', title: 'Station 1', columns: questions }],
    tables: [
      {
        id: 't1',
        number: 1,
        title: 'Sprache',
        moderator: 'Ana',
        stations: [
          {
            id: 's1',
            title: 'Station 1',
            source: { kind: 'live', at: `${event.date}T09:00:00.000Z` },
            columns: questions.map((title, index) => ({ title, notes: columns[index] ?? [] })),
            unsorted,
          },
        ],
      },
    ],
    themes: [],
  }
}
