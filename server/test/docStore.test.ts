import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../src/store/database'
import { DocStore, StorageError } from '../src/store/docStore'
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
    const readOnly = new Database(path.join(dataDir, 'tablecloth.db'), { readonly: true })
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
