import { describe, expect, it } from 'vitest'
import { fileNameOf, hiddenNotesPath, resultsPath } from './resultsApi'

describe('resultsPath', () => {
  it('names the format and only the narrowing that is set, with the language', () => {
    expect(resultsPath('ev1', 'csv', {}, 'de')).toBe('/api/events/ev1/results.csv?lang=de')
    expect(resultsPath('ev1', 'pdf', { table: 't-1', station: 's 2' }, 'en')).toBe(
      '/api/events/ev1/results.pdf?table=t-1&station=s+2&lang=en',
    )
    expect(resultsPath('ev1', 'json', { table: '', station: '' })).toBe(
      '/api/events/ev1/results.json',
    )
  })
})

describe('hiddenNotesPath', () => {
  it('encodes the colon of a note id', () => {
    expect(hiddenNotesPath('ev1')).toBe('/api/events/ev1/hidden-notes')
    expect(hiddenNotesPath('ev1', 'shape:abc_1-2')).toBe(
      '/api/events/ev1/hidden-notes/shape%3Aabc_1-2',
    )
  })
})

describe('fileNameOf', () => {
  it('prefers the UTF-8 name, with umlauts and German quotes', () => {
    const name = '2019-07-02 Regionalkonferenz „Pakt für Integration“ – Ergebnisse.csv'
    const header = `attachment; filename="2019-07-02 Regionalkonferenz Pakt fur Integration - Ergebnisse.csv"; filename*=UTF-8''${encodeURIComponent(name)}`
    expect(fileNameOf(header, 'results.csv')).toBe(name)
  })

  it('falls back to the plain name, quoted or not, then to the fallback', () => {
    expect(fileNameOf('attachment; filename="a \\"b\\".md"', 'x')).toBe('a "b".md')
    expect(fileNameOf('attachment; filename=plain.html', 'x')).toBe('plain.html')
    expect(fileNameOf("attachment; filename*=UTF-8''%E0%A4%A; filename=ok.csv", 'x')).toBe('ok.csv')
    expect(fileNameOf('attachment', 'results.json')).toBe('results.json')
    expect(fileNameOf(null, 'results.json')).toBe('results.json')
  })

  it('never names a path', () => {
    expect(fileNameOf("attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd", 'x')).toBe(
      '.. .. etc passwd',
    )
  })
})
