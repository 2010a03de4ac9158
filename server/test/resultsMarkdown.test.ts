import { describe, expect, it } from 'vitest'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { parse, type HTMLElement } from 'node-html-parser'
import { fixtureNotes, resultsFixture } from '@tablecloth/shared/testing'
import { resultsToMarkdown } from '../src/results/resultsMarkdown'

/** Renders Markdown as GitHub does and parses the HTML. */
function render(markdown: string): HTMLElement {
  return parse(micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] }))
}

const textOf = (element: HTMLElement) => element.text.replace(/\n+/g, '\n').trim()

interface ListedNote {
  table: string
  station: string
  column: string
  cluster?: string
  text: string
}

/** Every bullet of the document under the headings it stands below. */
function listedNotes(root: HTMLElement): ListedNote[] {
  const listed: ListedNote[] = []
  let table = ''
  let station = ''
  let column = ''
  for (const element of root.children) {
    if (element.tagName === 'H2') table = element.text
    if (element.tagName === 'H3') station = element.text
    if (element.tagName === 'H4') column = element.text
    if (element.tagName !== 'UL' || column === '') continue
    for (const item of element.children) {
      const nested = item.querySelector('ul')
      if (!nested) {
        listed.push({ table, station, column, text: textOf(item) })
        continue
      }
      const cluster = item.querySelector('strong')!.text
      for (const inner of nested.children) {
        listed.push({ table, station, column, cluster, text: textOf(inner) })
      }
    }
  }
  return listed
}

describe('resultsToMarkdown', () => {
  const results = resultsFixture()
  const markdown = resultsToMarkdown(results, { timeZone: 'Europe/Berlin' })
  const root = render(markdown)

  it('opens with title, date and venue, and the programme with every station’s questions', () => {
    expect(root.querySelector('h1')!.text).toBe(results.event.title)
    expect(root.querySelector('h1 + p')!.text).toBe('2. Juli 2019, Hermann-Schwab-Halle Winnenden')
    const programme = root.querySelectorAll('h2')[0]!
    expect(programme.text).toBe('Programm')
    expect(programme.nextElementSibling!.querySelectorAll('li').map((li) => li.text)).toEqual([
      'Station 1: Was läuft gut? / Wo hakt es?',
      'Station 2: Was sind unsere Ziele? / Was soll ein gutes IntMan leisten?',
    ])
  })

  it('lists every note under its table, station and column, exactly as written', () => {
    const unsorted = 'Außerhalb der Spalten'
    const expected = fixtureNotes(results).map(({ table, station, column, note }) => {
      const votes =
        note.votes === 0 ? '' : note.votes === 1 ? ' (1 Punkt)' : ` (${note.votes} Punkte)`
      return {
        table: `Thementisch ${table.number}: ${table.title}`,
        station: station.title,
        column: column === '' ? unsorted : column,
        ...(note.cluster !== undefined && { cluster: note.cluster }),
        text: `${note.text}${votes}`,
      }
    })
    expect(listedNotes(root)).toEqual(expected)
    expect(root.querySelectorAll('b').length).toBe(0)
  })

  it('names the moderator, where each station was read from, and columns left empty', () => {
    expect(markdown).toContain('Moderation: Cora Westrick')
    expect(markdown).not.toContain('Moderation: \n')
    expect(markdown).toContain('*Stand beim Stationswechsel, 02.07.2019, 11:45*')
    expect(markdown).toContain('*Stand des laufenden Boards, 02.07.2019, 12:30*')
    const empty = root.querySelectorAll('h4').filter((h) => h.text === 'Was sind unsere Ziele?')
    expect(empty[0]!.nextElementSibling!.text).toBe('Keine Notizen')
  })

  it('speaks English when asked', () => {
    const english = resultsToMarkdown(results, { language: 'en', timeZone: 'UTC' })
    expect(english).toContain('## Programme')
    expect(english).toContain('## Topic table 5: Arbeitsmarktintegration')
    expect(english).toContain('2 July 2019')
    expect(english).toContain('*(4 dots)*')
    expect(english).toContain('As saved at the station change, 2 Jul 2019, 09:45')
  })
})
