import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { createTLSchema, type TLRecord } from '@tldraw/tlschema'
import { BOARD_DOC, BOARD_META, type BoardDayState } from '@tablecloth/shared'
import { until } from './helpers/boardProvider'
import { noteRecord, useEventBoards } from './helpers/eventBoards'

const { createEvent, openTable: open, api } = useEventBoards()

function records(doc: Y.Doc): TLRecord[] {
  return [...new YKeyValue<TLRecord>(doc.getArray(BOARD_DOC.records)).map.values()].map(
    (entry) => entry.val,
  )
}

function frames(doc: Y.Doc): TLRecord[] {
  return records(doc).filter((record) => record.typeName === 'shape' && record.type === 'frame')
}

function day(doc: Y.Doc): BoardDayState | undefined {
  return doc.getMap(BOARD_DOC.meta).get(BOARD_META.day) as BoardDayState | undefined
}

function addNote(doc: Y.Doc, id: string, text: string, parentId: string): void {
  new YKeyValue<TLRecord>(doc.getArray(BOARD_DOC.records)).set(
    `shape:${id}`,
    noteRecord({ id: `shape:${id}`, parentId, x: 20, y: 60, text }),
  )
}

describe('station layout on every board', () => {
  it('writes the first station’s columns as frames that pass tldraw’s own validation', async () => {
    const event = await createEvent()
    const board = await open(event, 0)
    const schema = createTLSchema()
    const columnFrames = frames(board.doc).sort(
      (a, b) =>
        (a.meta as { columnIndex: number }).columnIndex -
        (b.meta as { columnIndex: number }).columnIndex,
    )
    expect(columnFrames.map((frame) => (frame as { props: { name: string } }).props.name)).toEqual([
      'Was läuft gut?',
      'Wo hakt es?',
    ])
    for (const record of records(board.doc)) {
      expect(() => schema.types[record.typeName]!.validate(record)).not.toThrow()
    }
    expect(day(board.doc)?.stationIndex).toBe(0)
  })
})

describe('POST /api/events/:id/stations/next', () => {
  it('snapshots every board with its notes, then shows the next station with the old one dimmed', async () => {
    const event = await createEvent()
    const first = await open(event, 0)
    const second = await open(event, 1)
    const frameOf = (doc: Y.Doc, column: number) =>
      frames(doc).find((frame) => (frame.meta as { columnIndex?: number }).columnIndex === column)!
        .id
    addNote(first.doc, 'a', 'Mutter-Kind-Kurse mit Kinderbetreuung', frameOf(first.doc, 0))
    addNote(second.doc, 'b', 'Fehlende KiTa-Plätze „dringend“ 🚸', frameOf(second.doc, 1))
    // Observe the edits from a second client, so they have gone through the server.
    const observer = await open(event, 0)
    await until(observer.doc, () => records(observer.doc).some((r) => r.id === 'shape:a'))

    const advanced = await api('POST', `/api/events/${event.id}/stations/next`, {
      token: event.organiserToken,
    })
    expect(advanced.status).toBe(200)
    expect(advanced.body.view.currentStation).toBe(1)
    expect(advanced.body.snapshots).toHaveLength(event.links.tables.length)

    await until(first.doc, () => day(first.doc)?.stationIndex === 1)
    const names = frames(first.doc).map(
      (frame) => (frame as { props: { name: string } }).props.name,
    )
    expect(names).toEqual(
      expect.arrayContaining([
        'Was läuft gut?',
        'Wo hakt es?',
        'Was sind unsere Ziele?',
        'Was soll ein gutes Integrationsmanagement leisten?',
      ]),
    )
    const earlier = frames(first.doc).filter(
      (frame) => (frame.meta as { stationIndex: number }).stationIndex === 0,
    )
    const current = frames(first.doc).filter(
      (frame) => (frame.meta as { stationIndex: number }).stationIndex === 1,
    )
    expect(earlier.every((frame) => (frame as { opacity: number }).opacity < 1)).toBe(true)
    expect(current.every((frame) => (frame as { opacity: number }).opacity === 1)).toBe(true)
    expect(records(first.doc).some((record) => record.id === 'shape:a')).toBe(true)

    const listed = await api('GET', `/api/events/${event.id}/snapshots`, {
      token: event.organiserToken,
    })
    const snapshotOfSecond = listed.body.snapshots.find(
      (snapshot: { tableId: string }) => snapshot.tableId === event.links.tables[1]!.id,
    )
    expect(snapshotOfSecond).toMatchObject({ stationIndex: 0, reason: 'station-change' })
    const opened = await api('GET', `/api/events/${event.id}/snapshots/${snapshotOfSecond.id}`, {
      token: event.organiserToken,
    })
    const texts = JSON.stringify(opened.body.records)
    expect(texts).toContain('Fehlende KiTa-Plätze „dringend“ 🚸')
  })

  it('keeps a column that grew to fit its notes instead of cutting it back', async () => {
    const event = await createEvent()
    const board = await open(event, 0)
    const kv = new YKeyValue<TLRecord>(board.doc.getArray(BOARD_DOC.records))
    const column = frames(board.doc)[0] as TLRecord & { props: { h: number } }
    const grown = { ...column, props: { ...column.props, h: column.props.h + 900 } }
    kv.set(column.id, grown as TLRecord)
    const watcher = await open(event, 0)
    await until(watcher.doc, () =>
      frames(watcher.doc).some((f) => (f as { props: { h: number } }).props.h === grown.props.h),
    )
    await api('POST', `/api/events/${event.id}/stations/next`, { token: event.organiserToken })
    await until(watcher.doc, () => day(watcher.doc)?.stationIndex === 1)
    const after = frames(watcher.doc).find((f) => f.id === column.id) as {
      props: { h: number }
      opacity: number
    }
    expect(after.props.h).toBe(grown.props.h)
    expect(after.opacity).toBeLessThan(1)
  })

  it('puts the next station below a column that grew past its band, and moves it on if the column grows again', async () => {
    const event = await createEvent()
    const board = await open(event, 0)
    const kv = new YKeyValue<TLRecord>(board.doc.getArray(BOARD_DOC.records))
    type Frame = TLRecord & { y: number; props: { h: number }; meta: { stationIndex: number } }
    const frameList = (doc: Y.Doc) => frames(doc) as Frame[]
    const grow = (by: number) => {
      const column = frameList(board.doc).find((f) => f.meta.stationIndex === 0)!
      kv.set(column.id, {
        ...column,
        props: { ...column.props, h: column.props.h + by },
      } as TLRecord)
      return column.y + column.props.h + by
    }
    const bottom = grow(1500)
    const watcher = await open(event, 0)
    await until(watcher.doc, () => frameList(watcher.doc).some((f) => f.y + f.props.h === bottom))

    await api('POST', `/api/events/${event.id}/stations/next`, { token: event.organiserToken })
    await until(watcher.doc, () => day(watcher.doc)?.stationIndex === 1)
    const secondTop = () =>
      Math.min(
        ...frameList(watcher.doc)
          .filter((f) => f.meta.stationIndex === 1)
          .map((f) => f.y),
      )
    const header = () =>
      records(watcher.doc).find(
        (r) =>
          (r.meta as { tablecloth?: string; stationIndex?: number }).tablecloth ===
            'station-title' && (r.meta as { stationIndex?: number }).stationIndex === 1,
      ) as { y: number }
    expect(header().y).toBeGreaterThanOrEqual(bottom + 240)
    expect(secondTop()).toBeGreaterThan(header().y)

    // Looking back, station 1's column grows further: the next write of the day moves station 2 on.
    const lower = grow(600)
    await until(watcher.doc, () => frameList(watcher.doc).some((f) => f.y + f.props.h === lower))
    await api('POST', `/api/events/${event.id}/timer`, {
      token: event.organiserToken,
      body: { action: 'start' },
    })
    await until(watcher.doc, () => header().y >= lower + 240)
    expect(secondTop()).toBeGreaterThan(lower)
  })

  it('switches a board that was not connected, which catches up when it opens', async () => {
    const event = await createEvent()
    await api('POST', `/api/events/${event.id}/stations/next`, { token: event.organiserToken })
    const late = await open(event, 5)
    expect(day(late.doc)?.stationIndex).toBe(1)
    expect(frames(late.doc)).toHaveLength(4)
  })

  it('refuses to go past the last station and refuses non-organisers', async () => {
    const event = await createEvent()
    const asModerator = await api('POST', `/api/events/${event.id}/stations/next`, {
      token: event.links.tables[0]!.tokens.moderator,
    })
    expect(asModerator.status).toBe(403)
    for (let i = 0; i < 2; i++) {
      await api('POST', `/api/events/${event.id}/stations/next`, { token: event.organiserToken })
    }
    const pastEnd = await api('POST', `/api/events/${event.id}/stations/next`, {
      token: event.organiserToken,
    })
    expect(pastEnd.status).toBe(409)
  })
})

describe('POST /api/events/:id/snapshots', () => {
  it('saves every board of the running station without moving on, for the end of the last station', async () => {
    const event = await createEvent()
    for (let i = 0; i < 2; i++) {
      await api('POST', `/api/events/${event.id}/stations/next`, { token: event.organiserToken })
    }
    const board = await open(event, 0)
    const frame = frames(board.doc).find(
      (f) => (f.meta as { stationIndex?: number }).stationIndex === 2,
    )!
    addNote(board.doc, 'letzte', 'Zum Schluss: „Danke“ 🙏', frame.id)
    const observer = await open(event, 0)
    await until(observer.doc, () => records(observer.doc).some((r) => r.id === 'shape:letzte'))

    expect(
      (
        await api('POST', `/api/events/${event.id}/snapshots`, {
          token: event.links.tables[0]!.tokens.moderator,
        })
      ).status,
    ).toBe(403)
    const saved = await api('POST', `/api/events/${event.id}/snapshots`, {
      token: event.organiserToken,
    })
    expect(saved.status).toBe(201)
    expect(saved.body.snapshots).toHaveLength(event.links.tables.length)
    const mine = saved.body.snapshots.find(
      (s: { tableId: string }) => s.tableId === event.links.tables[0]!.id,
    )
    expect(mine).toMatchObject({ stationIndex: 2, reason: 'manual' })
    const opened = await api('GET', `/api/events/${event.id}/snapshots/${mine.id}`, {
      token: event.organiserToken,
    })
    expect(JSON.stringify(opened.body.records)).toContain('Zum Schluss: „Danke“ 🙏')
    // The day stays where it was.
    const view = await api('GET', `/api/events/${event.id}`, { token: event.organiserToken })
    expect(view.body.currentStation).toBe(2)
  })
})

describe('restoring a snapshot', () => {
  it('brings back the board as it was, and the restore can itself be undone', async () => {
    const event = await createEvent()
    const board = await open(event, 0)
    const column = frames(board.doc)[0]!.id
    addNote(board.doc, 'kept', 'Ehrenamt', column)
    const watcher = await open(event, 0)
    await until(watcher.doc, () => records(watcher.doc).some((r) => r.id === 'shape:kept'))
    const { body } = await api('POST', `/api/events/${event.id}/stations/next`, {
      token: event.organiserToken,
    })
    const snapshot = body.snapshots[0]
    // After the station change someone deletes the note and adds another.
    new YKeyValue<TLRecord>(board.doc.getArray(BOARD_DOC.records)).delete('shape:kept')
    addNote(board.doc, 'later', 'Später', column)
    await until(watcher.doc, () => records(watcher.doc).some((r) => r.id === 'shape:later'))

    const restored = await api('POST', `/api/events/${event.id}/snapshots/${snapshot.id}/restore`, {
      token: event.organiserToken,
    })
    expect(restored.status).toBe(200)
    await until(watcher.doc, () => records(watcher.doc).some((r) => r.id === 'shape:kept'))
    expect(records(watcher.doc).some((r) => r.id === 'shape:later')).toBe(false)
    // The station layout follows the day, not the snapshot.
    expect(day(watcher.doc)?.stationIndex).toBe(1)

    await api('POST', `/api/events/${event.id}/snapshots/${restored.body.undo.id}/restore`, {
      token: event.organiserToken,
    })
    await until(watcher.doc, () => records(watcher.doc).some((r) => r.id === 'shape:later'))
    expect(records(watcher.doc).some((r) => r.id === 'shape:kept')).toBe(false)
  })
})

describe('GET /api/events/:id/overview', () => {
  it('counts notes per column of the current station and who is connected', async () => {
    const event = await createEvent()
    const board = await open(event, 2)
    board.provider.awareness.setLocalStateField('user', { name: 'Ayşe' })
    const column = frames(board.doc).find(
      (frame) => (frame.meta as { columnIndex: number }).columnIndex === 1,
    )!.id
    addNote(board.doc, 'n1', 'Eins', column)
    addNote(board.doc, 'n2', 'Zwei', column)
    const watcher = await open(event, 2)
    await until(watcher.doc, () => records(watcher.doc).some((r) => r.id === 'shape:n2'))

    const { status, body } = await api('GET', `/api/events/${event.id}/overview`, {
      token: event.organiserToken,
    })
    expect(status).toBe(200)
    const table = body.tables[2]
    expect(table.columns).toEqual([0, 2])
    expect(table.connections).toBe(2)
    expect(table.names).toContain('Ayşe')
    expect(body.tables[0].connections).toBe(0)
  })
})
