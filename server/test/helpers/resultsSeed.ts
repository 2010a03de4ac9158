import { expect } from 'vitest'
import type * as Y from 'yjs'
import { winnendenTemplate, type CreateEventResponse } from '@tablecloth/shared'
import { until } from './boardProvider'
import { columnFrameId, noteRecord, recordsOf, type EventBoards } from './eventBoards'

/**
 * A café day written onto real boards through the sync protocol, for the
 * export tests: notes in every script, with clusters, dots and a note
 * outside the columns, in an ended station (read from its snapshot) and in
 * the running one (read live). The same way results.test.ts seeds its day.
 */

export interface SeededNote {
  id: string
  /** 0-based indexes into the reference template. */
  table: number
  station: number
  /** null: outside every column. */
  column: number | null
  text: string
  votes?: number
  /** Named as boards before cluster headings named it: the id is the name. */
  cluster?: string
  y: number
}

export const SEEDED_NOTES: SeededNote[] = [
  {
    id: 'a1',
    table: 0,
    station: 0,
    column: 0,
    y: 60,
    text: 'Unterstützung durch Ehrenamt: Sprachgebrauch',
    votes: 3,
  },
  {
    id: 'a2',
    table: 0,
    station: 0,
    column: 0,
    y: 300,
    text: 'Mutter-Kind-Kurse mit Kinderbetreuung',
    cluster: 'Sprachkurse',
  },
  {
    id: 'a3',
    table: 0,
    station: 0,
    column: 0,
    y: 540,
    text: 'Kochabende 🍲 mit „Nachbarinnen“',
    cluster: 'Sprachkurse',
    votes: 1,
  },
  { id: 'a4', table: 0, station: 0, column: 1, y: 60, text: 'Fehlende KiTa-Plätze „dringend“ 🚸' },
  {
    id: 'a5',
    table: 0,
    station: 0,
    column: 1,
    y: 300,
    text: 'Jobkraftwerk – Dokumentation 📄\nnicht einsehbar',
  },
  {
    id: 'a6',
    table: 0,
    station: 0,
    column: null,
    y: 0,
    text: 'Müssen Analphabeten wirklich Sprachförderung bekommen?',
  },
  { id: 'b1', table: 1, station: 0, column: 0, y: 60, text: 'مرحبا بكم في المقهى' },
  {
    id: 'b2',
    table: 1,
    station: 0,
    column: 1,
    y: 60,
    text: 'Deutschkurs für Mütter – دورة لغة للأمهات 👩‍👧',
  },
  {
    id: 'c1',
    table: 0,
    station: 1,
    column: 1,
    y: 60,
    text: 'Rollenverständnis „thematisieren“ ✅',
  },
]

/** A note as the board writes it: in its column's frame, or on the page outside every column. */
function addNote(doc: Y.Doc, note: SeededNote, stationId: string): void {
  const parentId =
    note.column === null ? 'page:page' : columnFrameId(doc, note.station, note.column)
  if (parentId === undefined) throw new Error(`no frame for ${note.id}`)
  recordsOf(doc).set(
    `shape:${note.id}`,
    noteRecord({
      id: `shape:${note.id}`,
      parentId,
      // Far left of every column when outside them.
      x: note.column === null ? -3000 : 40,
      y: note.y,
      text: note.text,
      meta: {
        stationId,
        createdAt: '2019-07-02T08:50:00.000Z',
        ...(note.votes !== undefined && { votes: note.votes }),
        ...(note.cluster !== undefined && { clusterId: note.cluster }),
      },
    }),
  )
}

/**
 * Creates the reference event, writes the station-1 notes, changes station
 * (snapshotting the boards), then writes the station-2 notes. Resolves once
 * the server holds every note.
 */
export async function seedResultsDay(boards: EventBoards): Promise<CreateEventResponse> {
  const event = await boards.createEvent(winnendenTemplate())
  const stationIds = ['s1', 's2', 's3']
  const tables = [await boards.openTable(event, 0), await boards.openTable(event, 1)]
  const inStation = (station: number) => SEEDED_NOTES.filter((note) => note.station === station)

  const write = async (station: number) => {
    for (const note of inStation(station)) {
      addNote(tables[note.table]!.doc, note, stationIds[station]!)
    }
    // A second client sees every note: the server has stored them.
    for (const index of [0, 1]) {
      const ids = inStation(station)
        .filter((note) => note.table === index)
        .map((note) => `shape:${note.id}`)
      const watcher = await boards.openTable(event, index)
      const records = recordsOf(watcher.doc)
      await until(watcher.doc, () => ids.every((id) => records.has(id)))
    }
  }

  await write(0)
  const advanced = await boards.api('POST', `/api/events/${event.id}/stations/next`, {
    token: event.organiserToken,
  })
  expect(advanced.status).toBe(200)
  const first = tables[0]!
  await until(first.doc, () => columnFrameId(first.doc, 1, 1) !== undefined)
  await write(1)
  return event
}

/** Where a seeded note belongs, in the words the documents use. */
export function expectedPlace(note: SeededNote): {
  table: string
  station: string
  column: string | null
} {
  const config = winnendenTemplate()
  const station = config.stations[note.station]!
  return {
    table: `Thementisch ${note.table + 1}: ${config.tables[note.table]!.topic}`,
    station: station.title,
    column: note.column === null ? null : station.columns[note.column]!,
  }
}

/** The note's text as the documents print it: with its dots in German words. */
export function printedText(note: SeededNote): string {
  if (note.votes === undefined) return note.text
  return `${note.text} (${note.votes === 1 ? '1 Punkt' : `${note.votes} Punkte`})`
}
