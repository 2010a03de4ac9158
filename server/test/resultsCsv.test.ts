import { describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import { fixtureNotes, resultsFixture } from '@tablecloth/shared/testing'
import { RESULTS_CSV_COLUMNS, resultsToCsv } from '../src/results/resultsCsv'

describe('resultsToCsv', () => {
  const results = resultsFixture()
  const csv = resultsToCsv(results)

  it('starts with a byte order mark and a header row, and ends records as Excel does', () => {
    expect(
      csv.startsWith('\uFEFFevent,table,station,column,cluster,text,votes,group,author,time\r\n'),
    ).toBe(true)
  })

  it('has one row per note, in document order, with every field intact', () => {
    // Read as strictly as the most lenient spreadsheet: any line break outside
    // quotes ends a record.
    const rows = parse(csv, {
      bom: true,
      columns: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as Array<Record<string, string>>
    expect(Object.keys(rows[0]!)).toEqual([...RESULTS_CSV_COLUMNS])
    const expected = fixtureNotes(results).map(({ table, station, column, note }) => ({
      event: results.event.title,
      table: table.title,
      station: station.title,
      column,
      cluster: note.cluster ?? '',
      // A note that looks like a formula is kept from running as one.
      text: note.text.startsWith('=') ? `'${note.text}` : note.text,
      votes: String(note.votes),
      group: note.group ?? '',
      author: note.author ?? '',
      time: note.time ?? '',
    }))
    expect(rows).toEqual(expected)
  })

  it('writes just the header for results without notes', () => {
    const empty = { ...results, tables: [] }
    expect(parse(resultsToCsv(empty), { bom: true })).toEqual([[...RESULTS_CSV_COLUMNS]])
  })
})
