import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { create as openFont } from 'fontkit'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import type { TLNoteShape, TLRecord } from '@tldraw/tlschema'
import {
  breakLines,
  hyphenateLongWords,
  fitsLine,
  layoutColumn,
  loadHyphenator,
  NOTE_SIZE,
  NOTE_TEXT_FLOOR,
  NOTE_TEXT_WIDTH,
  noteFontSize,
  noteLineHeight,
  readBoardContents,
  rectCentre,
  rectContainsPoint,
  rectsOverlap,
  richTextToPlain,
  stationFrameId,
  type CreateEventResponse,
  type Rect,
} from '@tablecloth/shared'
import { NOTE_CORPUS } from '@tablecloth/shared/testing'
import { NoteSizer, noteSizer } from '../src/board/NoteSizer'
import { docMatches, openBoard, synced } from './helpers/boardProvider'
import { noteRecord, recordsOf, useEventBoards } from './helpers/eventBoards'

/** Long notes from the corpus, as participants write them at a café table. */
const LONG_NOTES = NOTE_CORPUS.slice(0, 12)

const { createEvent, openTable, api, server } = useEventBoards()

/** Sends a note as the table's phones do, with the moderator's link, which may send many at once. */
function sendNote(event: CreateEventResponse, text: string, column = 0) {
  const table = event.links.tables[0]!
  return api('POST', `/api/events/${event.id}/tables/${table.id}/notes`, {
    token: table.tokens.moderator,
    body: { text, column },
  })
}

function records(doc: Y.Doc): TLRecord[] {
  return [...recordsOf(doc).map.values()].map((entry) => entry.val)
}

function noteShape(doc: Y.Doc, id: string): TLNoteShape {
  return records(doc).find((record) => record.id === id) as TLNoteShape
}

/**
 * Whether a note's stored size holds its text: every line of it, laid out at
 * the stored size with the font's own widths, fits the width and all of them
 * the note's height.
 */
async function textFits(note: TLNoteShape): Promise<boolean> {
  const fontSize = noteFontSize(note.props)
  const width = (run: string) => widthOf(run) * fontSize
  const text = richTextToPlain(note.props.richText)
  const de = await loadHyphenator('de')
  const shown =
    fontSize <= NOTE_TEXT_FLOOR
      ? hyphenateLongWords(text, de, (w) => !fitsLine(width(w), NOTE_TEXT_WIDTH))
      : text
  const lines = shown
    .split('\n')
    .flatMap((paragraph) => breakLines(paragraph, NOTE_TEXT_WIDTH, width))
  const wholeWords =
    fontSize > NOTE_TEXT_FLOOR
      ? lines.every((line) => fitsLine(width(line.text.trimEnd()), NOTE_TEXT_WIDTH))
      : true
  return wholeWords && lines.length * noteLineHeight(fontSize) + 32 <= NOTE_SIZE + note.props.growY
}

/** tldraw's sans font at 1 px, read here on its own to check the sizer's work. */
const plex = openFont(
  readFileSync(
    createRequire(import.meta.url).resolve('@tldraw/assets/fonts/IBMPlexSans-Medium.woff2'),
  ),
)
function widthOf(run: string): number {
  return plex.layout(run).advanceWidth / plex.unitsPerEm
}

function expectNoOverlaps(rects: readonly Rect[]) {
  for (const [i, rect] of rects.entries()) {
    for (const other of rects.slice(i + 1)) expect(rectsOverlap(rect, other)).toBe(false)
  }
}

describe('NoteSizer', () => {
  const sizer = NoteSizer.load()

  it('keeps a short note at tldraw’s full size and square', () => {
    expect(sizer.fit('Kita fehlt', 'de')).toEqual({ fontSizeAdjustment: 1, growY: 0 })
  })

  it('shrinks the text until its longest word fits', () => {
    // "Anerkennung" is about 196 px at 32 px; 167 px fit it at 27 px.
    expect(noteFontSize(sizer.fit('Mehr Anerkennung', 'de'))).toBe(27)
  })

  it('stops at the floor and hyphenates a longer word, growing the note for its lines', () => {
    const fit = sizer.fit(
      'Kinderbetreuungsangebote und Qualifizierungsmaßnahmen für Alleinerziehende sind wichtig',
      'de',
    )
    expect(noteFontSize(fit)).toBe(NOTE_TEXT_FLOOR)
    expect(fit.growY).toBeGreaterThan(0)
  })

  it('grows a note of 500 characters to hold every line', () => {
    const fit = sizer.fit('Sprachkurse mit Kinderbetreuung am Vormittag. '.repeat(11).trim(), 'de')
    expect(fit.growY).toBeGreaterThan(NOTE_SIZE * 2)
  })

  it('sizes the same text the same every time', () => {
    const again = NoteSizer.load()
    for (const text of LONG_NOTES) expect(again.fit(text, 'de')).toEqual(sizer.fit(text, 'de'))
  })
})

describe('phone notes on the server', () => {
  it('writes a phone note sized and placed before any board is open', async () => {
    const event = await createEvent()
    const ids: string[] = []
    for (const text of ['Kita fehlt', ...LONG_NOTES.slice(0, 4)]) {
      const sent = await sendNote(event, text)
      expect(sent.status).toBe(201)
      ids.push(sent.body.id)
    }

    const board = await openTable(event, 0)
    for (const id of ids) {
      const note = noteShape(board.doc, id)
      expect(note.props).toMatchObject(noteSizer().fit(richTextToPlain(note.props.richText), 'de'))
      expect(await textFits(note)).toBe(true)
    }
    expect(noteShape(board.doc, ids[0]!).props).toMatchObject({ fontSizeAdjustment: 1, growY: 0 })
    expect(noteFontSize(noteShape(board.doc, ids[1]!).props)).toBe(NOTE_TEXT_FLOOR)
    expectNoOverlaps(readBoardContents(records(board.doc)).notes.map((note) => note.bounds))
  })

  it('keeps a column of 24 phone notes of long German text in its grid, without overlaps', async () => {
    const event = await createEvent()
    for (let i = 0; i < 24; i++)
      expect((await sendNote(event, LONG_NOTES[i % LONG_NOTES.length]!)).status).toBe(201)

    const board = await openTable(event, 0)
    const contents = readBoardContents(records(board.doc))
    const column = contents.columns.find((area) => area.columnIndex === 0 && area.bounds.y < 1000)!
    const notes = contents.notes.filter((note) =>
      rectContainsPoint(column.bounds, rectCentre(note.bounds)),
    )
    expect(notes).toHaveLength(24)
    expect(notes.some((note) => note.bounds.h > NOTE_SIZE)).toBe(true)
    expectNoOverlaps(notes.map((note) => note.bounds))
    for (const note of notes) {
      expect(
        rectContainsPoint(column.bounds, {
          x: note.bounds.x + note.bounds.w,
          y: note.bounds.y + note.bounds.h,
        }),
      ).toBe(true)
    }
    // The grid the board tidies columns into: rows of three, each as tall as its tallest note.
    const tidy = layoutColumn(column.bounds, notes)
    for (const note of notes)
      expect(tidy.notes.get(note.id)).toEqual({ x: note.bounds.x, y: note.bounds.y })
    for (const id of notes.map((note) => note.id))
      expect(await textFits(noteShape(board.doc, id))).toBe(true)
  })

  it('puts a phone note below a cluster, never into its rows', async () => {
    const event = await createEvent()
    const board = await openTable(event, 0)
    const frameId = stationFrameId(firstStationId(board.doc), 0)
    const clustered = (id: string, x: number, y: number) =>
      ({
        ...noteRecord({ id, parentId: frameId, x, y, text: id }),
        meta: { clusterId: 'cluster:a' },
      }) as TLRecord
    board.doc.transact(() => {
      recordsOf(board.doc).set('shape:c1', clustered('shape:c1', 40, 124))
      recordsOf(board.doc).set('shape:c2', clustered('shape:c2', 264, 124))
    })
    await docMatches(board, () => true)
    const other = openBoard(
      `${server().wsOrigin}/sync`,
      board.provider.roomname,
      event.links.tables[0]!.tokens.moderator,
    )
    await synced(other)
    await docMatches(other, (doc) => records(doc).some((record) => record.id === 'shape:c2'))
    other.destroy()

    const sent = await sendNote(event, 'Vom Handy')
    await docMatches(board, (doc) => noteShape(doc, sent.body.id) !== undefined)
    const phone = noteShape(board.doc, sent.body.id)
    expect(phone.parentId).toBe(frameId)
    expect(phone.x).toBe(40)
    expect(phone.y).toBe(124 + NOTE_SIZE + 24)
  })
})

function firstStationId(doc: Y.Doc): string {
  const frame = records(doc).find(
    (record) =>
      record.typeName === 'shape' && (record.meta as { stationIndex?: unknown }).stationIndex === 0,
  )
  return String((frame?.meta as { stationId?: unknown } | undefined)?.stationId)
}
