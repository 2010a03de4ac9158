import { describe, expect, it } from 'vitest'
import { resultsFixture } from '../../testing/resultsFixture'
import { themeNotesOf } from './themeNotesOf'

describe('themeNotesOf', () => {
  it('takes every note of the results, columns then unsorted, with where it was written', () => {
    const results = resultsFixture()
    const notes = themeNotesOf(results)
    const expected = results.tables.flatMap((table) =>
      table.stations.flatMap((station) =>
        [...station.columns.flatMap((column) => column.notes), ...station.unsorted].map(
          (note) => `${table.id}/${station.id}/${note.id}`,
        ),
      ),
    )
    expect(notes.map((note) => `${note.tableId}/${note.stationId}/${note.noteId}`)).toEqual(
      expected,
    )
    expect(notes).toContainEqual({
      tableId: 'frauen',
      stationId: 's1',
      noteId: 'shape:h',
      text: 'Müssen Analphabeten wirklich …?',
    })
  })
})
