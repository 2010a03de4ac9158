import { beforeEach, describe, expect, it } from 'vitest'
import { winnendenTemplate } from '@tablecloth/shared'
import { until } from './helpers/boardProvider'
import { columnFrameId, noteRecord, recordsOf, useEventBoards } from './helpers/eventBoards'
import { readPdf, unwrap } from './helpers/pdfReader'
import { pdftotext, pdftotextAvailable, withoutEmbeddings } from './helpers/pdftotext'

/**
 * Copying text out of the results PDF gives the text that was typed: the
 * PDF is read back with pdf.js (as Firefox and the browser viewers built on
 * it copy) and with poppler's pdftotext (as Linux viewers, search indexers
 * and screen readers on them do). What each gives for text that mixes
 * directions is in docs/results.md.
 */

const boards = useEventBoards()

interface TypedNote {
  text: string
  /** What a reader gives back where the PDF prints the text differently. */
  printed?: string
  /**
   * Whether poppler gives the note back whole. It orders the pieces of a
   * line mixing directions (digits and the Arabic comma count as left to
   * right) by the page's main direction and moves the space after an Arabic
   * word into it; of such a note it gives every word, not the line.
   */
  popplerWhole: boolean
}

/** The examples; each note alone in its column slot. */
const NOTES: TypedNote[] = [
  // Medial yeh and teh share one glyph body: the second used to read as teh.
  { text: 'مترجمين', popplerWhole: true },
  // Lam-alef and spaces.
  { text: 'مرحبا بكم في المقهى لا نحتاج مترجمين', popplerWhole: true },
  { text: 'لا', popplerWhole: true },
  // Arabic-Indic digits and an Arabic comma, which poppler takes for left to right.
  { text: 'نحتاج إلى ١٢ مترجمين، شكرا', popplerWhole: false },
  // An Arabic word in a German line.
  { text: 'Dolmetscher gesucht: مترجمين für 12 Familien', popplerWhole: false },
  { text: 'Kochabende 🍲 mit 👍🏽 und 👨‍👩‍👧', popplerWhole: true },
  { text: 'Kinderbetreuungsangebote „dringend“ – Straße, Öffnungszeiten', popplerWhole: true },
  // Latin ligature candidates: ff, fi, fl.
  { text: 'Offene Treffpunkte für Geflüchtete, findet Pfiff', popplerWhole: true },
  // Soft hyphens, as pasted text carries them: the PDF never breaks there.
  {
    text: 'Kinder\u00adbetreuungs\u00adangebote',
    printed: 'Kinderbetreuungsangebote',
    popplerWhole: true,
  },
]

/** The first table's topic, which the table's heading and the contents show. */
const TITLE = 'مقهى'
const HEADING = `Thementisch 1: ${TITLE}`

const expected = (note: TypedNote) => note.printed ?? note.text
const WORD_BREAK = /[\s،,:]+/u

let bytes: Uint8Array

/** The notes written on the first table's board in the running station, and the PDF of it. */
beforeEach(async () => {
  const config = winnendenTemplate()
  config.tables[0]!.topic = TITLE
  const event = await boards.createEvent(config)
  const table = await boards.openTable(event, 0)
  await until(table.doc, () => columnFrameId(table.doc, 0, 1) !== undefined)
  const records = recordsOf(table.doc)
  const ids = NOTES.map((_, index) => `shape:t${index}`)
  NOTES.forEach((note, index) => {
    records.set(
      ids[index]!,
      noteRecord({
        id: ids[index]!,
        parentId: columnFrameId(table.doc, 0, index % 2)!,
        x: 40,
        y: 60 + Math.floor(index / 2) * 200,
        text: note.text,
        meta: { stationId: 's1', createdAt: '2019-07-02T08:50:00.000Z' },
      }),
    )
  })
  // A second client sees every note: the server holds them.
  const watcher = await boards.openTable(event, 0)
  await until(watcher.doc, () => ids.every((id) => recordsOf(watcher.doc).has(id)))
  const download = await boards.download(event, 'results.pdf')
  expect(download.status).toBe(200)
  bytes = download.bytes
})

describe('copying text out of the results PDF', () => {
  it('gives each note and the table title as typed in pdf.js', async () => {
    const pdf = await readPdf(bytes)
    // Each note's own text: the glyphs drawn in its list item, line by line.
    const drawn = pdf.notes.filter((note) => note.table === HEADING).map((note) => note.drawn)
    expect(drawn.map(unwrap).sort()).toEqual(NOTES.map(expected).sort())
    // No page holds a control character (an unmapped glyph read as its number).
    for (const page of pdf.pages) expect(page).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/)
    const lines = pdf.pages.flatMap((page) => page.split('\n'))
    expect(lines).toContain(HEADING)
  })

  it.skipIf(!pdftotextAvailable())(
    'gives each note and the table title as typed in pdftotext',
    async () => {
      const text = withoutEmbeddings(await pdftotext(bytes))
      expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000e-\u001f]/)
      // Lines as one text: a note may wrap.
      const flowing = text.replace(/\s+/g, ' ')
      for (const note of NOTES) {
        if (note.popplerWhole) {
          expect(flowing, note.text).toContain(expected(note))
        } else {
          for (const word of expected(note).split(WORD_BREAK)) {
            expect(flowing, note.text).toContain(word)
          }
        }
      }
      expect(text.split('\n')).toContain(HEADING)
    },
  )
})
