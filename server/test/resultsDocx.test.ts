import { describe, expect, it } from 'vitest'
import mammoth from 'mammoth'
import { parse as parseHtml, type HTMLElement } from 'node-html-parser'
import { parse as parseContentDisposition } from 'content-disposition'
import { winnendenTemplate, type CreateEventResponse } from '@tablecloth/shared'
import { resultsToDocx } from '../src/results/resultsDocx'
import { resultsFixture } from '@tablecloth/shared/testing'
import { useEventBoards } from './helpers/eventBoards'
import { SEEDED_NOTES, expectedPlace, printedText, seedResultsDay } from './helpers/resultsSeed'
import { zipEntry } from './helpers/zipEntry'

const boards = useEventBoards()

async function download(event: CreateEventResponse, file: string) {
  const downloaded = await boards.download(event, file)
  return { ...downloaded, bytes: Buffer.from(downloaded.bytes) }
}

interface DocxNote {
  table: string
  station: string
  column: string | null
  cluster?: string
  text: string
}

/** A list item's own text: its line breaks as typed, without its nested list. */
function itemText(item: HTMLElement): string {
  const own = item.clone() as HTMLElement
  own.querySelectorAll('ul, ol').forEach((nested) => nested.remove())
  return own.innerHTML
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

/** Bullets of a list; a bullet holding a list is a cluster heading over its notes. */
function listNotes(list: HTMLElement, place: Omit<DocxNote, 'text' | 'cluster'>): DocxNote[] {
  return list.childNodes
    .filter((node): node is HTMLElement => (node as HTMLElement).tagName === 'LI')
    .flatMap((item) => {
      const nested = item.querySelector('ul')
      if (!nested) return [{ ...place, text: itemText(item) }]
      const cluster = itemText(item)
      return listNotes(nested, place).map((note) => ({ ...note, cluster }))
    })
}

/** Every note of the document as Word shows it: under its headings, in its table's column. */
function notesOf(html: string): DocxNote[] {
  const notes: DocxNote[] = []
  let table = ''
  let station = ''
  let outside = false
  for (const element of parseHtml(html).children) {
    if (element.tagName === 'H1') table = element.text
    if (element.tagName === 'H2') station = element.text
    outside = element.tagName === 'H3' || (outside && element.tagName === 'UL')
    if (element.tagName === 'TABLE') {
      const questions = element.querySelectorAll('thead th').map((cell) => cell.text)
      element.querySelectorAll('tbody tr').forEach((row) =>
        row.querySelectorAll('td').forEach((cell, index) => {
          for (const list of cell.querySelectorAll(':scope > ul')) {
            notes.push(...listNotes(list, { table, station, column: questions[index] ?? '?' }))
          }
        }),
      )
    }
    if (outside && element.tagName === 'UL') {
      notes.push(...listNotes(element, { table, station, column: null }))
    }
  }
  return notes
}

describe('GET /api/events/:id/results.docx', () => {
  it('is a Word document with every note under its table, station and question', async () => {
    const event = await seedResultsDay(boards)
    const { status, headers, bytes } = await download(event, 'results.docx')
    expect(status).toBe(200)
    expect(headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    const name = parseContentDisposition(headers.get('content-disposition')!).parameters.filename
    expect(name).toMatch(/^2019-07-02 Regionalkonferenz .* – Ergebnisse\.docx$/)

    const { value: html, messages } = await mammoth.convertToHtml({ buffer: bytes })
    // Mammoth maps the built-in heading styles itself; only Title and our own
    // small-print style have no HTML counterpart.
    expect(
      messages.filter((message) => !/style: '(Title|Results Meta)'/.test(message.message)),
    ).toEqual([])
    const notes = notesOf(html)
    for (const seeded of SEEDED_NOTES) {
      const expected = {
        ...expectedPlace(seeded),
        ...(seeded.cluster !== undefined && { cluster: seeded.cluster }),
        text: printedText(seeded),
      }
      expect(notes, `${seeded.id}: ${seeded.text}`).toContainEqual(expected)
    }
    expect(notes.filter((note) => note.table.startsWith('Thementisch '))).toHaveLength(
      SEEDED_NOTES.length,
    )
  })

  it('uses real headings, tables and lists: title, programme, per table and station', async () => {
    const event = await seedResultsDay(boards)
    const { bytes } = await download(event, 'results.docx')
    const config = winnendenTemplate()
    const paragraphs: Array<{ style: string | null; text: string; list: boolean }> = []
    let tables = 0
    const walk = (element: { type: string; children?: unknown[] }): void => {
      if (element.type === 'table') tables++
      if (element.type === 'paragraph') {
        const paragraph = element as unknown as {
          styleName: string | null
          numbering: unknown
          children: unknown[]
        }
        paragraphs.push({
          style: paragraph.styleName,
          text: textOfElement(paragraph),
          list: paragraph.numbering !== null,
        })
      }
      ;(element.children ?? []).forEach((child) => walk(child as { type: string }))
    }
    await mammoth.convertToHtml(
      { buffer: bytes },
      { transformDocument: (document: { type: string }) => (walk(document), document) },
    )
    const styled = (style: string) =>
      paragraphs.filter((paragraph) => paragraph.style === style).map((paragraph) => paragraph.text)

    expect(styled('Title')).toEqual([config.title])
    expect(styled('Heading 1')).toEqual([
      'Programm',
      ...config.tables.map((table, index) => `Thementisch ${index + 1}: ${table.topic}`),
    ])
    // Stations 1 and 2 have started on every table.
    expect(styled('Heading 2')).toEqual(config.tables.flatMap(() => ['Station 1', 'Station 2']))
    expect(styled('Heading 3')).toEqual(['Außerhalb der Spalten'])
    expect(tables).toBe(config.tables.length * 2)
    // The programme: every question is a bullet.
    for (const question of config.stations.flatMap((station) => station.columns)) {
      expect(paragraphs).toContainEqual({ style: 'List Paragraph', text: question, list: true })
    }
    const cover = paragraphs.slice(0, 8).map((paragraph) => paragraph.text)
    expect(cover).toEqual(
      expect.arrayContaining(['Ergebnisse', '2. Juli 2019', 'Hermann-Schwab-Halle Winnenden']),
    )

    const xml = zipEntry(bytes, 'word/document.xml')!
    // The header row repeats on every page a table runs onto.
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(tables)
    // The Arabic note is a right-to-left paragraph whose text runs right to left.
    const arabic = xml.split('</w:p>').find((part) => part.includes('مرحبا بكم في المقهى'))!
    expect(arabic).toContain('<w:bidi/>')
    expect(arabic).toContain('<w:rtl/>')
    const footer = zipEntry(bytes, 'word/footer1.xml')!
    expect(footer).toMatch(/PAGE/)
    expect(footer).toMatch(/NUMPAGES/)
    expect(footer).toContain('Seite ')
    expect(footer).toContain(' von ')
  })
})

describe('resultsToDocx', () => {
  it('leaves out what XML cannot hold, so Word still opens the file', async () => {
    const results = resultsFixture()
    results.tables[0]!.stations[0]!.columns[0]!.notes.push({
      id: 'shape:pasted',
      text: 'Glocke\u0007 und \ud83d kaputt\r\nzweite Zeile',
      votes: 0,
    })
    const { value } = await mammoth.convertToHtml({ buffer: await resultsToDocx(results) })
    expect(value).toContain('<li>Glocke und \ufffd kaputt<br />zweite Zeile</li>')
  })
})

function textOfElement(element: unknown): string {
  const node = element as { type: string; value?: string; children?: unknown[] }
  if (node.type === 'text') return node.value ?? ''
  if (node.type === 'break') return '\n'
  return (node.children ?? []).map(textOfElement).join('')
}
