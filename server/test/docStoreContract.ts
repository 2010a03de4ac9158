import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { StorageError, type DocStore } from '../src/store/docStore'

/** One storage backend under test: each backend's test file provides one. */
export interface DocStoreBackend {
  /** Opens the store; after `close`, opening again must see the same data. */
  open(): DocStore
  /** Closes what `open` returned, as a process exit would. */
  close(): void
  /** Removes everything the backend stored. */
  dispose(): void
}

/**
 * The behaviour every board doc store must have, whatever holds the bytes.
 * Run it once per backend with a factory that creates a fresh, empty one.
 */
export function describeDocStoreContract(name: string, createBackend: () => DocStoreBackend): void {
  describe(`doc store contract: ${name}`, () => {
    let backend: DocStoreBackend
    let store: DocStore

    beforeEach(() => {
      backend = createBackend()
      store = backend.open()
    })

    afterEach(() => {
      backend.close()
      backend.dispose()
    })

    it('knows nothing about a room never written', () => {
      expect(store.load('evt/t1')).toBeNull()
      expect(store.updateCount('evt/t1')).toBe(0)
      expect(store.listRooms('evt/')).toEqual([])
    })

    it('loads logged updates back as one update with all their content', () => {
      const board = new BoardEditor()
      store.append('evt/t1', board.note('n1', 'Mehr Bänke im Park'))
      store.append('evt/t1', board.note('n2', 'Spielplatz'))
      store.append('evt/t2', new BoardEditor().note('n1', 'other table'))

      expect(notesOf(store.load('evt/t1'))).toEqual({ n1: 'Mehr Bänke im Park', n2: 'Spielplatz' })
      expect(notesOf(store.load('evt/t2'))).toEqual({ n1: 'other table' })
      expect(store.updateCount('evt/t1')).toBe(2)
    })

    it('numbers each board’s updates 1, 2, 3, and keeps counting after a compaction', () => {
      const board = new BoardEditor()
      const numbers = [
        store.append('evt/t1', board.note('n1', 'a')),
        store.append('evt/t2', board.note('n2', 'b')),
        store.append('evt/t1', board.note('n3', 'c')),
      ]
      expect(numbers).toEqual([1, 1, 2])
      store.compact('evt/t1', store.load('evt/t1')!)
      expect(store.head('evt/t1')).toBe(2)
      expect(store.append('evt/t1', board.note('n4', 'd'))).toBe(3)
      expect(store.read('evt/t1').head).toBe(3)
      expect(store.head('evt/none')).toBe(0)
    })

    it('does not bring a deleted board back when a compaction comes late, unless told to create it', () => {
      const board = new BoardEditor()
      store.append('evt/t1', board.note('n1', 'Kinderbetreuungsangebote'))
      store.deleteRoom('evt/t1')
      // A process that held the board and did not hear of the deletion compacts it.
      expect(store.compact('evt/t1', board.state())).toBe(false)
      expect(store.load('evt/t1')).toBeNull()
      expect(store.listRooms('evt/')).toEqual([])
      // A new board's first state is written.
      expect(store.compact('evt/t2', board.state(), 0, { create: true })).toBe(true)
      expect(notesOf(store.load('evt/t2'))).toEqual({ n1: 'Kinderbetreuungsangebote' })
    })

    it('compacts the log into the state without losing content', () => {
      const board = new BoardEditor()
      for (let i = 0; i < 10; i++) store.append('evt/t1', board.note(`n${i}`, `note ${i}`))
      store.append('evt/t1', board.remove('n3'))

      store.compact('evt/t1', board.state())

      expect(store.updateCount('evt/t1')).toBe(0)
      const notes = notesOf(store.load('evt/t1'))
      expect(Object.keys(notes)).toHaveLength(9)
      expect(notes.n3).toBeUndefined()
      expect(notes.n9).toBe('note 9')
    })

    it('merges updates logged after a compaction with the compacted state', () => {
      const board = new BoardEditor()
      store.append('evt/t1', board.note('n1', 'before'))
      store.compact('evt/t1', board.state())
      store.append('evt/t1', board.note('n2', 'after'))

      expect(store.updateCount('evt/t1')).toBe(1)
      expect(notesOf(store.load('evt/t1'))).toEqual({ n1: 'before', n2: 'after' })
    })

    it('keeps updates logged after the compacted one when told where the state ends', () => {
      const board = new BoardEditor()
      const seq = store.append('evt/t1', board.note('n1', 'in the state'))
      const state = board.state()
      store.append('evt/t1', board.note('n2', 'logged later'))

      store.compact('evt/t1', state, seq)

      expect(store.updateCount('evt/t1')).toBe(1)
      expect(notesOf(store.load('evt/t1'))).toEqual({ n1: 'in the state', n2: 'logged later' })
    })

    it('discards exactly the one update it is told to', () => {
      const writer = new BoardEditor()
      store.append('evt/t1', writer.note('n1', 'kept'))
      const other = new BoardEditor()
      const seq = store.append('evt/t1', other.note('n2', 'refused'))

      store.discard('evt/t1', seq)

      expect(store.updateCount('evt/t1')).toBe(1)
      expect(notesOf(store.load('evt/t1'))).toEqual({ n1: 'kept' })
    })

    it('keeps everything across closing and reopening', () => {
      const board = new BoardEditor()
      store.append('evt/t1', board.note('n1', 'compacted'))
      store.compact('evt/t1', board.state())
      store.append('evt/t1', board.note('n2', 'logged'))

      backend.close()
      store = backend.open()

      expect(notesOf(store.load('evt/t1'))).toEqual({ n1: 'compacted', n2: 'logged' })
    })

    it('lists the rooms under a prefix once each, whether compacted or only logged', () => {
      const board = new BoardEditor()
      store.append('evt/t2', board.note('n1', 'x'))
      store.compact('evt/t1', board.state())
      store.append('evt/t1', board.note('n2', 'y'))
      store.append('evtx/t1', board.note('n3', 'z'))

      expect(store.listRooms('evt/')).toEqual(['evt/t1', 'evt/t2'])
      expect(store.listRooms('')).toEqual(['evt/t1', 'evt/t2', 'evtx/t1'])
    })

    it('deletes the rooms under a prefix and only those', () => {
      const board = new BoardEditor()
      store.append('evt/t1', board.note('n1', 'x'))
      store.compact('evt/t2', board.state(), 0, { create: true })
      store.append('evtx/t1', new BoardEditor().note('n2', 'y'))

      expect(store.deleteRooms('evt/')).toBe(2)

      expect(store.load('evt/t1')).toBeNull()
      expect(store.load('evt/t2')).toBeNull()
      expect(notesOf(store.load('evtx/t1'))).toEqual({ n2: 'y' })
    })

    it('refuses to delete every room through an empty prefix', () => {
      store.append('evt/t1', new BoardEditor().note('n1', 'x'))
      expect(() => store.deleteRooms('')).toThrow(RangeError)
      expect(store.listRooms('')).toEqual(['evt/t1'])
    })

    it('deletes one room by its exact name', () => {
      const board = new BoardEditor()
      store.append('evt/t1', board.note('n1', 'x'))
      store.compact('evt/t1', board.state())
      store.append('evt/t10', board.note('n2', 'y'))

      store.deleteRoom('evt/t1')

      expect(store.load('evt/t1')).toBeNull()
      expect(store.listRooms('evt/')).toEqual(['evt/t10'])
    })

    it('reports stored bytes that are no longer an update as a StorageError', () => {
      store.append('evt/t1', new BoardEditor().note('n1', 'x'))
      store.append('evt/t1', new Uint8Array([0xff, 0xff, 0xff]))

      expect(() => store.load('evt/t1')).toThrow(StorageError)
      expect(() => store.load('evt/t1')).toThrow(
        expect.objectContaining({ code: 'CORRUPT_UPDATE' }),
      )
    })
  })
}

/** Edits a board doc and hands out each edit as the update a client would send. */
export class BoardEditor {
  readonly doc = new Y.Doc()

  note(id: string, text: string): Uint8Array {
    return this.capture(() => this.doc.getMap<string>('notes').set(id, text))
  }

  remove(id: string): Uint8Array {
    return this.capture(() => this.doc.getMap<string>('notes').delete(id))
  }

  state(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc)
  }

  private capture(edit: () => void): Uint8Array {
    let update: Uint8Array | null = null
    const listener = (u: Uint8Array): void => {
      update = u
    }
    this.doc.on('update', listener)
    edit()
    this.doc.off('update', listener)
    if (update === null) throw new Error('edit changed nothing')
    return update
  }
}

/** The notes map of a stored board, or {} when nothing is stored. */
export function notesOf(state: Uint8Array | null): Record<string, string> {
  if (state === null) return {}
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc.getMap<string>('notes').toJSON() as Record<string, string>
}
