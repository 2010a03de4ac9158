import { describe, expect, it } from 'vitest'
import { resultsFixture } from '../testing/resultsFixture'
import {
  RESULTS_FILE_FORMATS,
  RESULTS_FORMATS,
  RESULTS_MEDIA_TYPES,
  RESULTS_TEXT_FORMATS,
  isResultsFormat,
  isResultsTextFormat,
  resultsFileName,
} from './resultsExport'

describe('results formats', () => {
  const results = resultsFixture()

  it('names the media types of the text formats', () => {
    expect(RESULTS_TEXT_FORMATS.map((format) => RESULTS_MEDIA_TYPES[format])).toEqual([
      'application/json',
      'text/csv',
      'text/markdown',
      'text/html',
    ])
  })

  it('names the media types of the print formats the server renders', () => {
    expect(RESULTS_FILE_FORMATS.map((format) => RESULTS_MEDIA_TYPES[format])).toEqual([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ])
    expect(RESULTS_FILE_FORMATS.some(isResultsTextFormat)).toBe(false)
    expect(resultsFileName(results, 'pdf')).toMatch(/ – Ergebnisse\.pdf$/)
    expect(resultsFileName(results, 'docx', {}, { language: 'en' })).toMatch(/ – Results\.docx$/)
  })

  it('knows its formats and no others', () => {
    expect(RESULTS_FORMATS).toEqual(['json', 'csv', 'md', 'html', 'pdf', 'docx'])
    expect(RESULTS_FORMATS.every(isResultsFormat)).toBe(true)
    expect(['xlsx', 'PDF', 'JSON', 'md ', ''].some(isResultsFormat)).toBe(false)
  })
})

describe('resultsFileName', () => {
  const results = resultsFixture()

  it('names the date, the event and what the file holds', () => {
    expect(resultsFileName(results, 'md')).toBe(
      '2019-07-02 Regionalkonferenz „Pakt für Integration – Kommunales Integrationsmanagement“' +
        ' – Ergebnisse.md',
    )
    const narrowed = resultsFileName(
      results,
      'csv',
      { tableId: 'frauen', stationId: 's2' },
      {
        language: 'en',
      },
    )
    expect(narrowed.endsWith(' – Results – Frauen, Kinderbetreuung, Sprache – Station 2.csv')).toBe(
      true,
    )
  })

  it('keeps out what file systems refuse and stays short', () => {
    const awkward = {
      ...results,
      event: { ...results.event, title: `a/b\\c:d*e?f"g<h>i|j\n${'x'.repeat(300)}` },
    }
    expect(resultsFileName(awkward, 'html')).toMatch(
      /^2019-07-02 a b c d e f g h i j x+ – Ergebnisse\.html$/,
    )
    const arabic = { ...results, event: { ...results.event, title: 'م'.repeat(300) } }
    const table = { ...results.tables[0]!, id: 'lang', title: '🗣️'.repeat(100) }
    const long = resultsFileName({ ...arabic, tables: [table] }, 'html', { tableId: 'lang' })
    // Its UTF-8 bytes, counted from the percent-encoding (shared has no TextEncoder type).
    const bytes = encodeURIComponent(long).replace(/%[0-9A-F]{2}/g, 'x').length
    expect(bytes).toBeLessThanOrEqual(205)
    expect(long).not.toContain('\uFFFD')
  })
})
