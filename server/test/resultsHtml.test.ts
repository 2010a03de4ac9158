import { describe, expect, it } from 'vitest'
import { parse } from 'node-html-parser'
import { fixtureNotes, resultsFixture } from '@tablecloth/shared/testing'
import { resultsToHtml } from '../src/results/resultsHtml'

describe('resultsToHtml', () => {
  const results = resultsFixture()
  const html = resultsToHtml(results, { timeZone: 'Europe/Berlin' })
  const root = parse(html)

  it('is a standalone page in the document’s language, styled for print on A4', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(root.querySelector('html')!.getAttribute('lang')).toBe('de-DE')
    expect(root.querySelector('meta[charset]')!.getAttribute('charset')).toBe('utf-8')
    expect(root.querySelector('title')!.text).toBe(`${results.event.title} – Ergebnisse`)
    expect(root.querySelectorAll('link, script, img').length).toBe(0)
    const style = root.querySelector('style')!.text
    expect(style).toContain('@page { size: A4;')
    expect(style).toMatch(/@media print \{[^@]*\.table \{ break-before: page; \}/)
  })

  it('opens with the title, date, venue and programme', () => {
    expect(root.querySelector('h1')!.text).toBe(results.event.title)
    expect(root.querySelector('.when')!.text).toBe('2. Juli 2019, Hermann-Schwab-Halle Winnenden')
    const programme = root.querySelector('.programme dl')!
    expect(programme.querySelectorAll('dt').map((dt) => dt.text)).toEqual([
      'Station 1',
      'Station 2',
    ])
    expect(
      programme
        .querySelectorAll('dd')[1]!
        .querySelectorAll('li')
        .map((li) => li.text),
    ).toEqual(['Was sind unsere Ziele?', 'Was soll ein gutes IntMan leisten?'])
  })

  it('puts every note in its table, station and column, text intact, direction auto', () => {
    const found = root.querySelectorAll('section.table').flatMap((table) =>
      table.querySelectorAll('section.station').flatMap((station) =>
        station.querySelectorAll('section.column, section.unsorted').flatMap((column) =>
          column.querySelectorAll('li.note').map((item) => {
            const text = item.querySelector('.text')!
            expect(item.getAttribute('dir')).toBe('auto')
            const cluster = item.closest('li.cluster')
            return {
              table: table.querySelector('h2')!.text,
              station: station.querySelector('h3')!.text,
              column: column.classList.contains('unsorted') ? '' : column.querySelector('h4')!.text,
              cluster: cluster ? cluster.querySelector('.cluster-title')!.text : undefined,
              text: text.text,
              votes: item.querySelector('.votes')?.text ?? '',
            }
          }),
        ),
      ),
    )
    expect(found).toEqual(
      fixtureNotes(results).map(({ table, station, column, note }) => ({
        table: `Thementisch ${table.number}: ${table.title}`,
        station: station.title,
        column,
        cluster: note.cluster,
        text: note.text,
        votes: note.votes === 0 ? '' : note.votes === 1 ? '1 Punkt' : `${note.votes} Punkte`,
      })),
    )
    // The note that reads "<b>nicht</b>" stays text.
    expect(root.querySelectorAll('li.note b').length).toBe(0)
  })

  it('shows the columns of a station side by side, empty ones included', () => {
    const station = root.querySelectorAll('section.station')[1]!
    const columns = station.querySelectorAll('.columns > section.column')
    expect(columns.map((column) => column.querySelector('h4')!.text)).toEqual([
      'Was sind unsere Ziele?',
      'Was soll ein gutes IntMan leisten?',
    ])
    expect(columns[0]!.querySelector('.empty')!.text).toBe('Keine Notizen')
    expect(station.querySelector('.source')!.text).toBe(
      'Stand des laufenden Boards, 02.07.2019, 12:30',
    )
  })
})
