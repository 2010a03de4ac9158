import { describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import { fixtureNotes, resultsFixture, resultsWithThemesFixture } from '@tablecloth/shared/testing'
import { RESULTS_CSV_COLUMNS, resultsToCsv } from '../src/results/resultsCsv'

describe('resultsToCsv', () => {
  const results = resultsFixture()
  const csv = resultsToCsv(results)

  it('starts with a byte order mark and a header row, and ends records as Excel does', () => {
    expect(
      csv.startsWith(
        '\uFEFFevent,table,station,column,cluster,text,votes,group,author,time,theme\r\n',
      ),
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
      theme: '',
    }))
    expect(rows).toEqual(expected)
  })

  it('writes just the header for results without notes', () => {
    const empty = { ...results, tables: [] }
    expect(parse(resultsToCsv(empty), { bom: true })).toEqual([[...RESULTS_CSV_COLUMNS]])
  })

  it('lists saved themes first, a row per note with the theme’s title, then every note as before', () => {
    const withThemes = resultsWithThemesFixture()
    const rows = parse(resultsToCsv(withThemes), { bom: true, columns: true }) as Array<
      Record<string, string>
    >
    const themeRows = withThemes.themes.flatMap((theme) =>
      theme.notes.map((note) => {
        const own = rows.find((row) => row.theme === '' && row.text === note.text)!
        return { ...own, theme: theme.title } as Record<string, string>
      }),
    )
    expect(rows.slice(0, themeRows.length)).toEqual(themeRows)
    expect(rows.slice(themeRows.length).every((row) => row.theme === '')).toBe(true)
    expect(rows.length - themeRows.length).toBe(fixtureNotes(withThemes).length)
    expect(themeRows.map((row) => [row.theme, row.table, row.station])).toEqual([
      ['Arbeit & „Motivation“', 'Arbeitsmarktintegration', 'Station 1'],
      ['Arbeit & „Motivation“', 'Frauen, Kinderbetreuung, Sprache', 'Station 1'],
      ['Sprache und Rollen', 'Frauen, Kinderbetreuung, Sprache', 'Station 1'],
      ['Sprache und Rollen', 'Frauen, Kinderbetreuung, Sprache', 'Station 2'],
      ['Sprache und Rollen', 'Arbeitsmarktintegration', 'Station 1'],
    ])
  })

  it('keeps a theme title that looks like a formula from running', () => {
    const withThemes = resultsWithThemesFixture()
    withThemes.themes[0]!.title = '=HYPERLINK("http://example.com")'
    const rows = parse(resultsToCsv(withThemes), { bom: true, columns: true }) as Array<
      Record<string, string>
    >
    expect(rows[0]!.theme).toBe(`'=HYPERLINK("http://example.com")`)
  })
})
