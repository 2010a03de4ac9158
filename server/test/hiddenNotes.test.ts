import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { parse as parseCsv } from 'csv-parse/sync'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { parse as parseHtml } from 'node-html-parser'
import {
  RESULTS_FORMATS,
  winnendenTemplate,
  type CreateEventResponse,
  type HiddenNote,
  type Results,
} from '@tablecloth/shared'
import Database from 'better-sqlite3'
import { openDatabase, sqliteStore } from '../src/store/database'
import { EventStore } from '../src/store/eventStore'
import { HiddenNoteStore } from '../src/store/hiddenNoteStore'
import { until } from './helpers/boardProvider'
import { columnFrameId, noteRecord, recordsOf, useEventBoards } from './helpers/eventBoards'

const { createEvent, openTable, api, server } = useEventBoards()

/** The notes of the day: two at the first table (one of them a personal name), one at the second. */
const NOTES = {
  /** What the organiser hides: a name that should not be published. */
  personal: { id: 'shape:hansMueller', table: 0, column: 0, y: 60, text: 'Hans Müller anrufen' },
  kept: { id: 'shape:kitaPlaetze', table: 0, column: 1, y: 60, text: 'Mehr KiTa-Plätze' },
  other: { id: 'shape:sprachcafe', table: 1, column: 0, y: 60, text: 'Sprachcafé ausbauen' },
} as const
type SeededNote = (typeof NOTES)[keyof typeof NOTES]

function frameOf(doc: Y.Doc, stationIndex: number, columnIndex: number): string {
  const frame = columnFrameId(doc, stationIndex, columnIndex)
  if (!frame) throw new Error(`no frame for station ${stationIndex}, column ${columnIndex}`)
  return frame
}

/** Writes the notes of station 1 on two boards and waits until the server holds them. */
async function seedDay(): Promise<CreateEventResponse> {
  const event = await createEvent(winnendenTemplate())
  const boards = [await openTable(event, 0), await openTable(event, 1)]
  for (const note of Object.values(NOTES)) {
    const doc = boards[note.table]!.doc
    recordsOf(doc).set(
      note.id,
      noteRecord({
        id: note.id,
        parentId: frameOf(doc, 0, note.column),
        x: 40,
        y: note.y,
        text: note.text,
        meta: { stationId: 's1', createdAt: '2019-07-02T08:50:00.000Z' },
      }),
    )
  }
  for (const table of [0, 1]) {
    const watcher = await openTable(event, table)
    const records = recordsOf(watcher.doc)
    const ids = Object.values(NOTES)
      .filter((note) => note.table === table)
      .map((note) => note.id)
    await until(watcher.doc, () => ids.every((id) => records.has(id)))
  }
  return event
}

const organiser = (event: CreateEventResponse) => ({ token: event.organiserToken })
const tableId = (event: CreateEventResponse, index: number) => event.links.tables[index]!.id
const hiddenPath = (event: CreateEventResponse, noteId = '') =>
  `/api/events/${event.id}/hidden-notes${noteId && `/${encodeURIComponent(noteId)}`}`

function hide(event: CreateEventResponse, note: SeededNote, table = tableId(event, note.table)) {
  return api('PUT', hiddenPath(event, note.id), { ...organiser(event), body: { tableId: table } })
}

function show(event: CreateEventResponse, note: SeededNote) {
  return api('DELETE', hiddenPath(event, note.id), organiser(event))
}

async function hiddenList(event: CreateEventResponse): Promise<HiddenNote[]> {
  const { status, body } = await api('GET', hiddenPath(event), organiser(event))
  expect(status).toBe(200)
  return body.hiddenNotes as HiddenNote[]
}

async function download(event: CreateEventResponse, file: string): Promise<Uint8Array> {
  const response = await fetch(`${server().origin}/api/events/${event.id}/${file}`, {
    headers: { authorization: `Bearer ${event.organiserToken}` },
  })
  const bytes = new Uint8Array(await response.arrayBuffer())
  expect(response.status, `${file}: ${Buffer.from(bytes).toString().slice(0, 200)}`).toBe(200)
  return bytes
}

/** Note texts as each format carries them, read as a reader of that format would. */
const NOTE_TEXT_READERS: Record<string, (bytes: Uint8Array) => Promise<string[]>> = {
  async json(bytes) {
    const results = JSON.parse(Buffer.from(bytes).toString()) as Results
    return results.tables.flatMap((table) =>
      table.stations.flatMap((station) =>
        [...station.columns.flatMap((column) => column.notes), ...station.unsorted].map(
          (note) => note.text,
        ),
      ),
    )
  },
  async csv(bytes) {
    const rows = parseCsv(Buffer.from(bytes).toString(), { bom: true, columns: true }) as Array<
      Record<string, string>
    >
    return rows.map((row) => row['text']!)
  },
  async md(bytes) {
    const html = micromark(Buffer.from(bytes).toString(), {
      extensions: [gfm()],
      htmlExtensions: [gfmHtml()],
    })
    return parseHtml(html)
      .querySelectorAll('li')
      .map((item) => item.text)
  },
  async html(bytes) {
    return [parseHtml(Buffer.from(bytes).toString()).text]
  },
  async pdf(bytes) {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
    const pdf = await getDocument({ data: bytes, useSystemFonts: false }).promise
    const pages: string[] = []
    for (let number = 1; number <= pdf.numPages; number++) {
      const content = await (await pdf.getPage(number)).getTextContent()
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
    }
    await pdf.destroy()
    return pages
  },
  async docx(bytes) {
    const mammoth = await import('mammoth')
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
    return [value]
  },
}

/** Whether any text the format carries holds `text` (white space as one space). */
async function carries(event: CreateEventResponse, format: string, text: string): Promise<boolean> {
  const read = NOTE_TEXT_READERS[format]
  if (!read) throw new Error(`no note text reader for the format "${format}": add one here`)
  const squash = (value: string) => value.replace(/\s+/g, ' ').trim()
  const texts = await read(await download(event, `results.${format}`))
  return texts.some((candidate) => squash(candidate).includes(squash(text)))
}

describe('hiding a note from the results', () => {
  it('hides, lists, hides again idempotently and shows a note again', async () => {
    const event = await seedDay()
    expect(await hiddenList(event)).toEqual([])

    const hidden = await hide(event, NOTES.personal)
    expect(hidden.status).toBe(201)
    expect(hidden.body.hiddenNote).toEqual({
      noteId: NOTES.personal.id,
      tableId: tableId(event, 0),
      hiddenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      text: NOTES.personal.text,
      stationId: 's1',
      columnIndex: 0,
    })

    const again = await hide(event, NOTES.personal)
    expect(again.status).toBe(200)
    expect(again.body.hiddenNote).toEqual(hidden.body.hiddenNote)
    expect(await hiddenList(event)).toEqual([hidden.body.hiddenNote])

    expect((await hide(event, NOTES.other)).status).toBe(201)
    expect((await hiddenList(event)).map((entry) => entry.noteId)).toEqual([
      NOTES.personal.id,
      NOTES.other.id,
    ])

    const shown = await show(event, NOTES.personal)
    expect(shown.status).toBe(204)
    expect(shown.body).toBeNull()
    expect((await hiddenList(event)).map((entry) => entry.noteId)).toEqual([NOTES.other.id])
    expect(await show(event, NOTES.personal)).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', field: 'noteId' } },
    })
  })

  it('keeps the note on its board', async () => {
    const event = await seedDay()
    expect((await hide(event, NOTES.personal)).status).toBe(201)
    const board = await openTable(event, 0)
    const note = recordsOf(board.doc).get(NOTES.personal.id) as { props: { richText: unknown } }
    expect(JSON.stringify(note.props.richText)).toContain(NOTES.personal.text)
  })

  it('still names a hidden note read from a snapshot, and one gone from every board without text', async () => {
    const event = await seedDay()
    expect((await hide(event, NOTES.personal)).status).toBe(201)
    expect((await hide(event, NOTES.kept)).status).toBe(201)
    // Station 1 ends: its results now come from the snapshot.
    const advanced = await api('POST', `/api/events/${event.id}/stations/next`, organiser(event))
    expect(advanced.status).toBe(200)
    // Station 2: the kept note is deleted from the board, but the snapshot still holds it.
    const board = await openTable(event, 0)
    recordsOf(board.doc).delete(NOTES.kept.id)
    const watcher = await openTable(event, 0)
    await until(watcher.doc, () => !recordsOf(watcher.doc).has(NOTES.kept.id))

    const listed = await hiddenList(event)
    expect(listed.map((entry) => [entry.noteId, entry.text, entry.stationId])).toEqual([
      [NOTES.personal.id, NOTES.personal.text, 's1'],
      [NOTES.kept.id, NOTES.kept.text, 's1'],
    ])
  })

  it('names the field for a malformed note id, a missing or malformed table id, and a bad body', async () => {
    const event = await seedDay()
    const path = hiddenPath(event, 'not a note')
    expect(
      await api('PUT', path, { ...organiser(event), body: { tableId: tableId(event, 0) } }),
    ).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_failed', field: 'noteId' } },
    })
    expect(await api('DELETE', hiddenPath(event, 'shape:'), organiser(event))).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_failed', field: 'noteId' } },
    })
    const notePath = hiddenPath(event, NOTES.personal.id)
    for (const body of [{}, { tableId: 7 }, { tableId: '../x' }, [tableId(event, 0)], 'x']) {
      expect(
        await api('PUT', notePath, { ...organiser(event), body }),
        JSON.stringify(body),
      ).toMatchObject({
        status: 400,
        body: { error: { code: 'validation_failed', field: 'tableId' } },
      })
    }
    expect(
      await api('PUT', notePath, { ...organiser(event), rawBody: '{"tableId":' }),
    ).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_json' } },
    })
    expect(
      await api('PUT', notePath, {
        ...organiser(event),
        rawBody: 'tableId=x',
        contentType: 'text/plain',
      }),
    ).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type' } } })
    expect(await api('POST', notePath, organiser(event))).toMatchObject({
      status: 405,
      body: { error: { code: 'method_not_allowed' } },
    })
    expect(await hiddenList(event)).toEqual([])
  })

  it('answers 404 for an unknown table, a note the table does not have and an unknown event', async () => {
    const event = await seedDay()
    expect(await hide(event, NOTES.personal, 'nowhere')).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', field: 'tableId' } },
    })
    // The note is on the first table, not the second.
    expect(await hide(event, NOTES.personal, tableId(event, 1))).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', field: 'noteId' } },
    })
    const unknown = { ...NOTES.personal, id: 'shape:neverWritten' } as unknown as SeededNote
    expect(await hide(event, unknown)).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', field: 'noteId' } },
    })
    expect(await hiddenList(event)).toEqual([])

    // An event deleted while its control room is open (retention, by hand).
    // Beside the running server, which holds the store's lock: SQLite itself, as a script would.
    const db = new Database(path.join(server().dataDir, 'tablecloth.db'))
    db.pragma('foreign_keys = ON')
    expect(new EventStore(sqliteStore(db)).delete(event.id)).toBe(true)
    db.close()
    const gone = { status: 404, body: { error: { code: 'not_found' } } }
    expect(await api('GET', hiddenPath(event), organiser(event))).toMatchObject(gone)
    expect(await hide(event, NOTES.personal)).toMatchObject(gone)
    expect(await show(event, NOTES.personal)).toMatchObject(gone)
  })

  it('is for the organiser only', async () => {
    const event = await seedDay()
    const other = await createEvent(winnendenTemplate())
    const table = event.links.tables[0]!
    const body = { tableId: table.id }
    const notePath = hiddenPath(event, NOTES.personal.id)
    for (const token of [
      table.tokens.moderator,
      table.tokens.participant,
      table.tokens.viewer,
      other.organiserToken,
    ]) {
      expect(await api('GET', hiddenPath(event), { token })).toMatchObject({
        status: 403,
        body: { error: { code: 'forbidden' } },
      })
      expect(await api('PUT', notePath, { token, body })).toMatchObject({ status: 403 })
      expect(await api('DELETE', notePath, { token })).toMatchObject({ status: 403 })
    }
    for (const token of [undefined, 'not-a-token']) {
      const auth = token === undefined ? {} : { token }
      expect(await api('GET', hiddenPath(event), auth)).toMatchObject({
        status: 401,
        body: { error: { code: 'unauthorized' } },
      })
      expect(await api('PUT', notePath, { ...auth, body })).toMatchObject({ status: 401 })
      expect(await api('DELETE', notePath, auth)).toMatchObject({ status: 401 })
    }
    expect(await hiddenList(event)).toEqual([])
  })
})

describe('every results format', () => {
  it(`leaves a hidden note out and brings it back once shown (${RESULTS_FORMATS.join(', ')})`, async () => {
    const event = await seedDay()
    expect((await hide(event, NOTES.personal)).status).toBe(201)
    for (const format of RESULTS_FORMATS) {
      expect(await carries(event, format, NOTES.personal.text), `${format}: hidden note`).toBe(
        false,
      )
      expect(await carries(event, format, NOTES.kept.text), `${format}: kept note`).toBe(true)
      expect(await carries(event, format, NOTES.other.text), `${format}: other table`).toBe(true)
    }

    expect((await show(event, NOTES.personal)).status).toBe(204)
    for (const format of RESULTS_FORMATS) {
      expect(await carries(event, format, NOTES.personal.text), `${format}: shown again`).toBe(true)
    }
  })

  it('leaves a hidden note out of the snapshot of an ended station and out of narrowed results', async () => {
    const event = await seedDay()
    expect((await hide(event, NOTES.personal)).status).toBe(201)
    expect(
      (await api('POST', `/api/events/${event.id}/stations/next`, organiser(event))).status,
    ).toBe(200)
    const narrowed = `results.json?table=${tableId(event, 0)}&station=s1`
    const texts = await NOTE_TEXT_READERS.json!(await download(event, narrowed))
    expect(texts).toEqual([NOTES.kept.text])
  })
})

describe('HiddenNoteStore', () => {
  it('keeps hidden notes across a restart and deletes them with their event', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tablecloth-hidden-'))
    const config = { ...winnendenTemplate(), groups: [], tables: [], stations: [] }
    let db = openDatabase(dataDir)
    const events = new EventStore(db)
    const state = {
      currentStation: 0,
      timer: { durationSeconds: 0, runningSince: null, elapsedBeforeSeconds: 0 },
    }
    for (const id of ['ev1', 'ev2']) {
      events.create({ id, config: config as never, state, createdAt: '2019-07-02T08:00:00.000Z' })
    }
    const at = new Date('2019-07-02T11:45:00.000Z')
    new HiddenNoteStore(db).hide('ev1', 't1', 'shape:a', at)
    new HiddenNoteStore(db).hide('ev2', 't1', 'shape:a', at)
    db.close()

    db = openDatabase(dataDir)
    const hidden = new HiddenNoteStore(db)
    expect(hidden.list('ev1')).toEqual([
      { noteId: 'shape:a', tableId: 't1', hiddenAt: at.toISOString() },
    ])
    expect(new EventStore(db).delete('ev1')).toBe(true)
    expect(hidden.list('ev1')).toEqual([])
    expect(hidden.noteIds('ev2')).toEqual(new Set(['shape:a']))
    db.close()
  })
})
