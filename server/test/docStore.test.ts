import fs from 'node:fs'
import path from 'node:path'
import { crc32 } from 'node:zlib'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openDatabase, sqliteStore, type Db } from '../src/store/database'
import { DocStore, StorageError } from '../src/store/docStore'
import { SCHEMA_VERSION } from '../src/store/migrations'
import { BoardEditor, describeDocStoreContract, notesOf } from './docStoreContract'
import { tempDataDir } from './helpers/testRegistry'

describeDocStoreContract('SQLite', () => {
  const dataDir = tempDataDir()
  let db: Db | null = null
  return {
    open() {
      db = openDatabase(dataDir)
      return new DocStore(db)
    },
    close() {
      db?.close()
      db = null
    },
    dispose() {
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
})

describe('SQLite doc store failures', () => {
  const handles: Db[] = []
  const dirs: string[] = []
  const open = (dataDir: string): Db => {
    const db = openDatabase(dataDir)
    handles.push(db)
    dirs.push(dataDir)
    return db
  }

  afterEach(() => {
    for (const db of handles.splice(0)) db.close()
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('surfaces a full disk as a StorageError and keeps what was stored', () => {
    const db = open(tempDataDir())
    const store = new DocStore(db)
    const board = new BoardEditor()
    store.append('evt/t1', board.note('n1', 'stored before the disk filled'))
    // Cap the file at its current size, as a full disk would.
    const pages = db.pragma('page_count', { simple: true }) as number
    db.pragma(`max_page_count = ${pages}`)

    const append = (): number => store.append('evt/t1', board.note('n2', 'x'.repeat(64 * 1024)))

    expect(append).toThrow(StorageError)
    expect(append).toThrow(
      expect.objectContaining({ code: 'SQLITE_FULL', operation: 'append', room: 'evt/t1' }),
    )
    expect(notesOf(store.load('evt/t1'))).toEqual({ n1: 'stored before the disk filled' })
  })

  it('surfaces a read-only database as a StorageError', () => {
    const dataDir = tempDataDir()
    open(dataDir)
    const readOnly = sqliteStore(
      new Database(path.join(dataDir, 'tablecloth.db'), { readonly: true }),
    )
    handles.push(readOnly)
    const store = new DocStore(readOnly)

    expect(() => store.append('evt/t1', new BoardEditor().note('n1', 'x'))).toThrow(
      expect.objectContaining({ name: 'StorageError', code: 'SQLITE_READONLY' }),
    )
  })

  it('leaves state and log untouched when a compaction fails part-way', () => {
    const db = open(tempDataDir())
    const store = new DocStore(db)
    const board = new BoardEditor()
    store.append('evt/t1', board.note('n1', 'first'))
    store.compact('evt/t1', board.state())
    store.append('evt/t1', board.note('n2', 'second'))
    store.append('evt/t1', board.note('n3', 'third'))
    // The state is written first; make the step after it fail, as a crash there would.
    db.exec(`CREATE TRIGGER fail_trim BEFORE DELETE ON doc_updates
             BEGIN SELECT RAISE(ABORT, 'interrupted'); END`)

    expect(() => store.compact('evt/t1', new BoardEditor().state())).toThrow(StorageError)

    expect(store.updateCount('evt/t1')).toBe(2)
    expect(notesOf(store.load('evt/t1'))).toEqual({ n1: 'first', n2: 'second', n3: 'third' })
  })

  it('names the room and code in its message but none of the board content', () => {
    const db = open(tempDataDir())
    const store = new DocStore(db)
    db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON doc_updates
             BEGIN SELECT RAISE(ABORT, 'refused'); END`)

    let error: unknown = null
    try {
      store.append('evt/t1', new BoardEditor().note('n1', 'Geheimer Vorschlag'))
    } catch (caught) {
      error = caught
    }

    expect(error).toBeInstanceOf(StorageError)
    expect((error as StorageError).message).toContain('evt/t1')
    expect((error as StorageError).message).not.toContain('Geheimer')
  })
})

describe('SQLite doc store checksums', () => {
  const handles: Db[] = []
  const dirs: string[] = []
  const open = (dataDir = tempDataDir()): Db => {
    const db = openDatabase(dataDir)
    handles.push(db)
    dirs.push(dataDir)
    return db
  }

  afterEach(() => {
    for (const db of handles.splice(0)) if (db.open) db.close()
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })

  /** Changes one letter of `text` inside the stored bytes: they still decode, with other content. */
  function misspell(bytes: Buffer, text: string): Buffer {
    const at = bytes.indexOf(Buffer.from(text))
    expect(at).toBeGreaterThanOrEqual(0)
    const damaged = Buffer.from(bytes)
    damaged[at] = damaged[at]! ^ 0x20
    expect(() => Y.decodeUpdate(damaged)).not.toThrow()
    return damaged
  }

  it('stores a CRC32 with every logged update and every compacted state', () => {
    const db = open()
    const store = new DocStore(db)
    const board = new BoardEditor()
    const update = board.note('n1', 'Mehr Bänke')
    store.append('evt/t1', update)
    store.compact('evt/t2', board.state(), 0, { create: true })

    const logged = db.prepare('SELECT data, checksum FROM doc_updates').get() as {
      data: Buffer
      checksum: number
    }
    const state = db.prepare('SELECT state, checksum FROM doc_states').get() as {
      state: Buffer
      checksum: number
    }
    expect(logged.checksum).toBe(crc32(update))
    expect(state.checksum).toBe(crc32(state.state))
  })

  it('refuses a logged update whose bytes changed but still decode, and leaves only that one out', () => {
    const db = open()
    const store = new DocStore(db)
    const board = new BoardEditor()
    store.append('evt/t1', board.note('n1', 'Spielplatz'))
    const seq = store.append('evt/t1', board.note('n2', 'Mehr Bänke im Park'))
    // Another client: a later update of the same one would wait for the lost one (see pendingSalvage).
    store.append('evt/t1', new BoardEditor().note('n3', 'Radweg'))
    const data = db.prepare('SELECT data FROM doc_updates WHERE seq = ?').pluck().get(seq) as Buffer
    db.prepare('UPDATE doc_updates SET data = ? WHERE seq = ?').run(misspell(data, 'Mehr'), seq)

    expect(() => store.load('evt/t1')).toThrow(
      expect.objectContaining({ name: 'StorageError', code: 'CORRUPT_UPDATE', operation: 'load' }),
    )
    const { update, corrupt } = store.loadReadable('evt/t1')
    expect(corrupt).toEqual([seq])
    expect(notesOf(update)).toEqual({ n1: 'Spielplatz', n3: 'Radweg' })
  })

  it('refuses a compacted state whose bytes changed, and names it', () => {
    const db = open()
    const store = new DocStore(db)
    const board = new BoardEditor()
    board.note('n1', 'Mehr Bänke im Park')
    store.compact('evt/t1', board.state(), 0, { create: true })
    store.append('evt/t1', new BoardEditor().note('n2', 'Radweg'))
    const state = db.prepare('SELECT state FROM doc_states').pluck().get() as Buffer
    db.prepare('UPDATE doc_states SET state = ?').run(misspell(state, 'Mehr'))

    expect(() => store.load('evt/t1')).toThrow(StorageError)
    const { update, corrupt } = store.loadReadable('evt/t1')
    expect(corrupt).toEqual(['state'])
    expect(notesOf(update)).toEqual({ n2: 'Radweg' })
  })

  it('reads rows from before checksums as before, and still refuses one that does not decode', () => {
    const db = open()
    const store = new DocStore(db)
    const board = new BoardEditor()
    store.append('evt/t1', board.note('n1', 'compacted'))
    store.compact('evt/t1', board.state())
    store.append('evt/t1', board.note('n2', 'logged'))
    db.exec('UPDATE doc_updates SET checksum = NULL; UPDATE doc_states SET checksum = NULL')
    expect(notesOf(store.load('evt/t1'))).toEqual({ n1: 'compacted', n2: 'logged' })

    // One legacy part alone is not merged with anything, so it must be decoded to be checked.
    db.prepare('INSERT INTO doc_states (room, state, updated_at) VALUES (?, ?, ?)').run(
      'evt/t2',
      Buffer.from([0xff, 0x13, 0x00]),
      new Date().toISOString(),
    )
    expect(() => store.load('evt/t2')).toThrow(expect.objectContaining({ code: 'CORRUPT_UPDATE' }))
    expect(store.loadReadable('evt/t2')).toEqual({ update: null, head: 0, corrupt: ['state'] })
  })

  it('reads around a part that never was an update, though its checksum matches', () => {
    const store = new DocStore(open())
    store.append('evt/t1', new BoardEditor().note('n1', 'kept'))
    const seq = store.append('evt/t1', new Uint8Array([0xff, 0xff, 0xff]))

    expect(store.loadReadable('evt/t1')).toEqual({
      update: expect.any(Uint8Array),
      head: seq,
      corrupt: [seq],
    })
    expect(notesOf(store.loadReadable('evt/t1').update)).toEqual({ n1: 'kept' })
  })

  it('adds the checksum column to a store from before, keeping its rows unverified', () => {
    const dataDir = tempDataDir()
    let db = open(dataDir)
    new DocStore(db).append('evt/t1', new BoardEditor().note('n1', 'from before'))
    // Back to the schema before migration 3, as an older release left it.
    db.exec(`ALTER TABLE tokens DROP COLUMN group_id;
             DROP TABLE event_themes;
             DROP INDEX doc_updates_board_seq;
             ALTER TABLE doc_updates DROP COLUMN board_seq;
             DROP TABLE doc_heads;
             ALTER TABLE doc_updates DROP COLUMN checksum;
             ALTER TABLE doc_states DROP COLUMN checksum;
             ALTER TABLE snapshots DROP COLUMN checksum;
             PRAGMA user_version = 2;`)
    db.close()

    db = open(dataDir)

    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(db.prepare('SELECT checksum FROM doc_updates').pluck().all()).toEqual([null])
    // Migration 4 numbers the rows from before as the board's.
    expect(db.prepare('SELECT board_seq FROM doc_updates').pluck().all()).toEqual([1])
    expect(new DocStore(db).head('evt/t1')).toBe(1)
    expect(notesOf(new DocStore(db).load('evt/t1'))).toEqual({ n1: 'from before' })
  })
})
