import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { TLFrameShape, TLRecord, TLShape } from '@tldraw/tlschema'
import {
  parseEventConfig,
  readBoardContents,
  rectCentre,
  rectContainsPoint,
  rectsOverlap,
  slotCapacity,
  stationFrameId,
  winnendenTemplate,
  type EventConfig,
} from '@tablecloth/shared'
import { createBoardSchema, validateRecord } from '../src/board/boardSchema'
import { recordsOf, writeBoardDay } from '../src/board/boardWriter'
import { phoneNoteId, writePhoneNote } from '../src/board/noteWriter'

const schema = createBoardSchema()

function freshBoard(): { doc: Y.Doc; config: EventConfig } {
  const parsed = parseEventConfig(winnendenTemplate())
  if (!parsed.ok) throw new Error('the template must be valid')
  const doc = new Y.Doc()
  const timer = { durationSeconds: 3600, runningSince: null, elapsedBeforeSeconds: 0 }
  writeBoardDay(doc, schema, parsed.config, { stationIndex: 0, stationId: 's1', timer })
  return { doc, config: parsed.config }
}

function write(doc: Y.Doc, config: EventConfig, column: number, text: string, id = phoneNoteId()) {
  return writePhoneNote(doc, schema, {
    station: config.stations[0]!,
    stationIndex: 0,
    column,
    text,
    createdAt: '2026-11-25T10:00:00.000Z',
    id,
  })
}

function allRecords(doc: Y.Doc): TLRecord[] {
  return [...recordsOf(doc).map.values()].map((entry) => entry.val)
}

describe('writePhoneNote', () => {
  it('fills a column without overlap and grows it when it is full, every note inside', () => {
    const { doc, config } = freshBoard()
    const before = readBoardContents(allRecords(doc)).columns.find((c) => c.columnIndex === 0)!
    const count = slotCapacity(before.bounds) + 2
    for (let i = 0; i < count; i++) write(doc, config, 0, `Karte ${i}`)

    const contents = readBoardContents(allRecords(doc))
    const column = contents.columns.find((c) => c.stationId === 's1' && c.columnIndex === 0)!
    expect(contents.notes).toHaveLength(count)
    expect(column.bounds.h).toBeGreaterThan(before.bounds.h)
    for (const [i, note] of contents.notes.entries()) {
      expect(rectContainsPoint(column.bounds, rectCentre(note.bounds))).toBe(true)
      for (const other of contents.notes.slice(i + 1)) {
        expect(rectsOverlap(note.bounds, other.bounds)).toBe(false)
      }
    }
    for (const record of allRecords(doc)) expect(() => validateRecord(schema, record)).not.toThrow()
  })

  it('stacks each new note above the others in its frame', () => {
    const { doc, config } = freshBoard()
    const first = write(doc, config, 1, 'unten')
    const second = write(doc, config, 1, 'oben')
    const index = (id: string) =>
      (allRecords(doc).find((record) => record.id === id) as TLShape).index
    expect(index(second.id) > index(first.id)).toBe(true)
  })

  it('follows a column frame the moderator moved', () => {
    const { doc, config } = freshBoard()
    const records = recordsOf(doc)
    const frameId = stationFrameId('s1', 1)
    const frame = records.get(frameId) as TLFrameShape
    records.set(frameId, { ...frame, x: frame.x + 5000, y: frame.y + 300 })

    write(doc, config, 1, 'Am neuen Ort')
    const contents = readBoardContents(allRecords(doc))
    const column = contents.columns.find((c) => c.columnIndex === 1 && c.stationId === 's1')!
    expect(column.bounds.x).toBe(frame.x + 5000)
    expect(rectContainsPoint(column.bounds, rectCentre(contents.notes[0]!.bounds))).toBe(true)
  })

  it('puts back a column frame someone deleted, so the note still sits under its question', () => {
    const { doc, config } = freshBoard()
    const frameId = stationFrameId('s1', 0)
    recordsOf(doc).delete(frameId)

    const { created } = write(doc, config, 0, 'Trotzdem da')
    expect(created).toBe(true)
    const frame = allRecords(doc).find((record) => record.id === frameId) as TLRecord & {
      props: { name: string }
    }
    expect(frame.props.name).toBe('Was läuft gut?')
    const note = readBoardContents(allRecords(doc)).notes[0]!
    expect(note.text).toBe('Trotzdem da')
  })

  it('writes an id only once', () => {
    const { doc, config } = freshBoard()
    const id = phoneNoteId('resend-1234')
    expect(write(doc, config, 0, 'Einmal', id).created).toBe(true)
    expect(write(doc, config, 0, 'Einmal', id).created).toBe(false)
    expect(readBoardContents(allRecords(doc)).notes).toHaveLength(1)
  })
})
