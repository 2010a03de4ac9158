import { describe, expect, it } from 'vitest'
import { parse as parseContentDisposition } from 'content-disposition'
import { winnendenTemplate } from '@tablecloth/shared'
import { useEventBoards } from './helpers/eventBoards'
import { readPdf, unwrap, type PdfNote, type ReadPdf } from './helpers/pdfReader'
import { SEEDED_NOTES, expectedPlace, printedText, seedResultsDay } from './helpers/resultsSeed'

const boards = useEventBoards()

const download = boards.download

const ARABIC = /\p{Script=Arabic}/u
const ARABIC_WORD = /\p{Script=Arabic}+/gu

/** The seeded note's entry in the PDF: the one under its table, station and column with its text. */
function findNote(pdf: ReadPdf, place: ReturnType<typeof expectedPlace>, text: string) {
  return pdf.notes.find(
    (note) =>
      note.table === place.table &&
      note.station === place.station &&
      note.column === place.column &&
      (note.actual === undefined ? unwrap(note.drawn) === unwrap(text) : note.actual === text),
  )
}

/** Only spaces matter less: the renderer wraps lines. */
const squeezed = (text: string) => text.replace(/\s+/g, '')

describe('GET /api/events/:id/results.pdf', () => {
  it('is an A4 PDF with fonts for German, Arabic and emoji embedded', async () => {
    const event = await seedResultsDay(boards)
    const { status, headers, bytes } = await download(event, 'results.pdf')
    expect(status).toBe(200)
    expect(headers.get('content-type')).toBe('application/pdf')
    expect(Number(headers.get('content-length'))).toBe(bytes.length)
    const name = parseContentDisposition(headers.get('content-disposition')!).parameters.filename
    expect(name).toMatch(/^2019-07-02 Regionalkonferenz .* – Ergebnisse\.pdf$/)
    const raw = Buffer.from(bytes).toString('latin1')
    expect(raw.startsWith('%PDF-1.7')).toBe(true)
    // Every page is A4 (595.28 × 841.89 pt).
    const boxes = [...raw.matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((match) => match[1]!.trim())
    expect(boxes.length).toBeGreaterThan(3)
    expect(new Set(boxes)).toEqual(new Set(['0 0 595.28 841.89']))
    // Each font is embedded (a FontFile2 per descriptor), subset, and none is left to the viewer.
    const fonts = [...raw.matchAll(/\/BaseFont \/([A-Z]{6})\+([\w-]+)/g)].map((match) => match[2])
    expect(new Set(fonts)).toEqual(
      new Set(['NotoSans-Regular', 'NotoSans-Bold', 'NotoSansArabic-Regular', 'NotoEmoji-Regular']),
    )
    const descriptors = raw.match(/\/Type \/FontDescriptor/g)!.length
    expect(raw.match(/\/FontFile2 /g)!.length).toBe(descriptors)
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/)
  })

  it('has a title page, contents with the right page numbers, and every page numbered', async () => {
    const event = await seedResultsDay(boards)
    const pdf = await readPdf((await download(event, 'results.pdf')).bytes)
    const config = winnendenTemplate()

    const cover = pdf.pages[0]!
    expect(unwrap(cover)).toContain(unwrap(config.title))
    expect(cover).toContain('Ergebnisse')
    expect(cover).toContain('2. Juli 2019')
    expect(cover).toContain('Hermann-Schwab-Halle Winnenden')

    pdf.pages.forEach((text, index) => {
      expect(text, `page ${index + 1}`).toContain(`Seite ${index + 1} von ${pdf.pageCount}`)
    })

    expect(pdf.headings.find((heading) => heading.text === 'Inhalt')?.page).toBe(2)
    const programme = pdf.pages.findIndex((text) => text.includes('Programm\n')) + 1
    expect(pdf.contents[0]).toEqual({ title: 'Programm', page: programme })
    // Every table that has started has an entry, and its page holds its heading.
    const tables = pdf.contents.filter((entry) => entry.title.startsWith('Thementisch '))
    expect(tables.map((entry) => entry.title)).toEqual(
      config.tables.map((table, index) => `Thementisch ${index + 1}: ${table.topic}`),
    )
    for (const entry of tables) {
      expect(pdf.headings).toContainEqual({ role: 'H1', text: entry.title, page: entry.page })
    }
    const stations = pdf.contents.filter((entry) => entry.title.startsWith('Station '))
    expect(stations).toHaveLength(11 * 2)

    // The programme lists every station with its questions.
    const programmePage = unwrap(pdf.pages[programme - 1]!)
    for (const station of config.stations) {
      expect(programmePage).toContain(station.title)
      for (const question of station.columns) expect(programmePage).toContain(question)
    }
  })

  it('shows every note under its table, station and question, text intact', async () => {
    const event = await seedResultsDay(boards)
    const pdf = await readPdf((await download(event, 'results.pdf')).bytes)

    for (const seeded of SEEDED_NOTES) {
      const place = expectedPlace(seeded)
      const text = printedText(seeded)
      const found = findNote(pdf, place, text)
      expect(found, `${seeded.id}: ${text}`).toBeDefined()
      const note = found as PdfNote
      expect(note.cluster).toBe(seeded.cluster)

      if (!ARABIC.test(text)) {
        // Drawn glyphs give the text back: umlauts, „quotes“, dashes and emoji.
        expect(note.actual).toBeUndefined()
        expect(unwrap(note.drawn)).toBe(unwrap(text))
        continue
      }
      // Arabic is drawn as shaped glyphs in visual order. A PDF maps each glyph
      // to one character, and Noto Sans Arabic draws several letters with the
      // same skeleton glyph plus dots (ب ت ن ي share one), so text taken from
      // the glyphs can name a sibling letter, and pdf.js reorders it by its
      // own guess. What reaches a screen reader or the clipboard is the note's
      // ActualText, which must be the text as typed; the drawn text must hold
      // every word, Arabic ones as Arabic letters of the same length.
      expect(note.actual).toBe(text)
      const drawn = note.drawn.replace(/[\u0000-\u001f]/g, '')
      for (const word of text.split(/\s+/).filter((part) => !ARABIC.test(part))) {
        expect(squeezed(drawn)).toContain(word)
      }
      const drawnArabic = (drawn.match(ARABIC_WORD) ?? []).join('').length
      const typedArabic = (text.match(ARABIC_WORD) ?? []).join('').length
      expect(drawnArabic).toBe(typedArabic)
    }

    // The ended station is read from its snapshot; nothing else strays in.
    const seededTexts = SEEDED_NOTES.map(printedText)
    const stray = pdf.notes.filter(
      (note) =>
        note.table.startsWith('Thementisch ') &&
        !seededTexts.map(unwrap).includes(unwrap(note.actual ?? note.drawn)),
    )
    expect(stray).toEqual([])
  })

  it('narrows to a station and speaks English when asked', async () => {
    const event = await seedResultsDay(boards)
    const { headers, bytes } = await download(event, 'results.pdf?station=1&lang=en')
    const name = parseContentDisposition(headers.get('content-disposition')!).parameters.filename
    expect(name).toMatch(/ – Results – Station 2\.pdf$/)
    const pdf = await readPdf(bytes)
    expect(pdf.pages[0]).toContain('2 July 2019')
    expect(pdf.pages.at(-1)).toContain(`Page ${pdf.pageCount} of ${pdf.pageCount}`)
    expect(pdf.headings.map((heading) => heading.text)).toContain('Contents')
    const notes = pdf.notes.filter((note) => note.table.startsWith('Topic table '))
    const places = notes.map((note) => [note.table, note.station, note.column, unwrap(note.drawn)])
    expect(places).toEqual([
      [
        'Topic table 1: Frauen, Kinderbetreuung, Sprache',
        'Station 2',
        'Was soll ein gutes Integrationsmanagement leisten?',
        'Rollenverständnis „thematisieren“ ✅',
      ],
    ])
  })
})
