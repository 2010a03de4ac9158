import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import {
  createShapeId,
  createTLSchema,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  Editor,
  toRichText,
  type TLNoteShape,
  type TLShapeId,
  type TLStore,
} from 'tldraw'
import { BOARD_DOC, BOARD_META, boardRecordsArray, noteRecordJson } from '@tablecloth/shared'
import { isRecordEntry, type RecordEntry } from '../canvas/boardRecords'
import { bindStoreToDoc, type StoreBinding } from './yStoreBinding'

/**
 * Devices in memory: each has a Y.Doc and a tldraw store bound to it, and the
 * docs exchange updates the way the server relays them: queued, and delivered
 * one at a time when `deliver` runs, never from inside another transaction.
 */
const PEER = { link: 'in-memory peer' }

/** Whether a transaction came over a link (as opposed to a local edit). */
function isRemote(origin: unknown): boolean {
  return origin === PEER
}

class Link {
  private connected = true
  private readonly docs: Y.Doc[]
  private readonly queue: Array<{ to: Y.Doc; update: Uint8Array }> = []

  constructor(...docs: Y.Doc[]) {
    this.docs = docs
    for (const from of docs) {
      from.on('update', (update: Uint8Array, origin: unknown) => {
        if (!this.connected || origin === PEER) return
        for (const to of docs) if (to !== from) this.queue.push({ to, update })
      })
    }
    this.handshake()
  }

  /** Delivers every queued update, including those the deliveries themselves cause. */
  deliver() {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      Y.applyUpdate(next.to, next.update, PEER)
    }
  }

  disconnect() {
    this.deliver()
    this.connected = false
  }

  reconnect() {
    this.connected = true
    this.handshake()
  }

  /** The sync handshake: each side receives what it lacks. */
  private handshake() {
    for (const from of this.docs) {
      for (const to of this.docs) {
        if (from === to) continue
        this.queue.push({ to, update: Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)) })
      }
    }
    this.deliver()
  }
}

const cleanups: Array<() => void> = []
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.()
})

function newStore(): TLStore {
  return createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
}

function bind(store: TLStore, doc: Y.Doc, readOnly = false): StoreBinding {
  const result = bindStoreToDoc(store, doc, { readOnly })
  if (result.status !== 'bound') throw new Error(`not bound: ${result.reason}`)
  cleanups.push(() => result.binding.dispose())
  return result.binding
}

function newDevice(readOnly = false) {
  const doc = new Y.Doc()
  const store = newStore()
  const binding = bind(store, doc, readOnly)
  return { doc, store, binding }
}

/** Creates a note as the user would (source 'user') and flushes the store's listeners. */
function addNote(store: TLStore, text: string, x = 0): TLShapeId {
  const id = createShapeId()
  const note = noteRecordJson({
    id,
    parentId: 'page:page',
    x,
    y: 0,
    index: 'a1',
    text,
  }) as TLNoteShape
  store.put([note])
  return id
}

/**
 * Lets every pending change travel: store listeners flush, and the link
 * delivers until nothing is left in flight.
 */
function settle(link: Link | null, ...stores: TLStore[]) {
  for (const store of stores) store._flushHistory()
  link?.deliver()
}

function noteTexts(store: TLStore): string[] {
  return store
    .allRecords()
    .filter((record): record is TLNoteShape => {
      return record.typeName === 'shape' && record.type === 'note'
    })
    .map((note) => JSON.stringify(note.props.richText).match(/"text":"([^"]*)"/)?.[1] ?? '')
    .sort()
}

/** The honest `{ key, val }` entries of the doc's records array, in array order. */
function entries(doc: Y.Doc): RecordEntry[] {
  return boardRecordsArray(doc).toArray().filter(isRecordEntry)
}

/** Entries in the doc's records array per key; more than one means a duplicate. */
function entryCounts(doc: Y.Doc): Map<string, number> {
  const counts = new Map<string, number>()
  for (const entry of entries(doc)) {
    counts.set(entry.key, (counts.get(entry.key) ?? 0) + 1)
  }
  return counts
}

describe('bindStoreToDoc', () => {
  it('carries a note created on one device to the other', () => {
    const a = newDevice()
    const b = newDevice()
    const link = new Link(a.doc, b.doc)

    const id = addNote(a.store, 'Mehr Sprachkurse')
    settle(link, a.store)

    expect(b.store.get(id)).toMatchObject({
      type: 'note',
      props: { richText: toRichText('Mehr Sprachkurse') },
    })
    expect(noteTexts(b.store)).toEqual(['Mehr Sprachkurse'])
  })

  it('carries updates and deletions', () => {
    const a = newDevice()
    const b = newDevice()
    const link = new Link(a.doc, b.doc)
    const id = addNote(a.store, 'Entwurf')
    settle(link, a.store)

    b.store.update(id, (note) => ({ ...note, x: 240 }))
    settle(link, b.store)
    expect(a.store.get(id)?.x).toBe(240)

    a.store.remove([id])
    settle(link, a.store)
    expect(b.store.get(id)).toBeUndefined()
    expect(entries(b.doc).some((entry) => entry.key === id)).toBe(false)
  })

  it('keeps camera, selection and other per-device records out of the doc', () => {
    const a = newDevice()
    addNote(a.store, 'Notiz')
    settle(null, a.store)
    const types = new Set(entries(a.doc).map((entry) => entry.val.typeName))
    expect([...types].sort()).toEqual(['document', 'page', 'shape'])
  })

  it('does not echo the records it loads, nor remote changes it applies', () => {
    const source = newDevice()
    addNote(source.store, 'Schon da')
    settle(null, source.store)

    // A second device starts from a copy of that doc.
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source.doc))
    const ownUpdates: unknown[] = []
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (!isRemote(origin)) ownUpdates.push(origin)
    })
    const store = newStore()
    bind(store, doc)
    settle(null, store)
    expect(noteTexts(store)).toEqual(['Schon da'])
    expect(ownUpdates).toEqual([])

    // Now live: the remote edit lands in the store, and nothing goes back.
    const link = new Link(source.doc, doc)
    addNote(source.store, 'Neu', 240)
    settle(link, source.store, store)
    expect(noteTexts(store)).toEqual(['Neu', 'Schon da'])
    expect(ownUpdates).toEqual([])
  })

  it('merges edits made on both sides while disconnected, without loss or duplicates', () => {
    const a = newDevice()
    const b = newDevice()
    const link = new Link(a.doc, b.doc)
    addNote(a.store, 'Vor dem Ausfall')
    settle(link, a.store)

    link.disconnect()
    const offline = addNote(a.store, 'Offline eins', 240)
    addNote(a.store, 'Offline zwei', 480)
    addNote(b.store, 'Derweil am Tablet', 720)
    settle(link, a.store, b.store)
    expect(noteTexts(b.store)).toEqual(['Derweil am Tablet', 'Vor dem Ausfall'])

    link.reconnect()
    settle(link, a.store, b.store)
    const everything = ['Derweil am Tablet', 'Offline eins', 'Offline zwei', 'Vor dem Ausfall']
    expect(noteTexts(a.store)).toEqual(everything)
    expect(noteTexts(b.store)).toEqual(everything)
    expect(b.store.get(offline)).toEqual(a.store.get(offline))
    for (const doc of [a.doc, b.doc]) {
      expect([...entryCounts(doc).values()].every((count) => count === 1)).toBe(true)
    }
  })

  it('resolves a record edited on both sides to the same value everywhere', () => {
    const a = newDevice()
    const b = newDevice()
    const link = new Link(a.doc, b.doc)
    const id = addNote(a.store, 'Strittig')
    settle(link, a.store)

    link.disconnect()
    a.store.update(id, (note) => ({ ...note, x: 100 }))
    b.store.update(id, (note) => ({ ...note, x: 900 }))
    settle(link, a.store, b.store)
    link.reconnect()
    settle(link, a.store, b.store)

    expect([100, 900]).toContain(a.store.get(id)?.x)
    expect(b.store.get(id)?.x).toBe(a.store.get(id)?.x)
    expect(entryCounts(a.doc).get(id)).toBe(1)
    expect(entryCounts(b.doc).get(id)).toBe(1)
  })

  it('lets a read-only device follow the board without ever changing its doc', () => {
    const a = newDevice()
    const b = newDevice()
    const projectorDoc = new Y.Doc()
    const projectorStore = newStore()
    bind(projectorStore, projectorDoc, true)
    const ownUpdates: unknown[] = []
    projectorDoc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (!isRemote(origin)) ownUpdates.push(origin)
    })
    const link = new Link(a.doc, b.doc, projectorDoc)

    const id = addNote(a.store, 'Für alle sichtbar')
    settle(link, a.store)
    expect(noteTexts(projectorStore)).toEqual(['Für alle sichtbar'])

    // Concurrent writes of one record leave duplicate entries for YKeyValue to
    // tidy; the projector must leave that to the writers.
    link.disconnect()
    a.store.update(id, (note) => ({ ...note, x: 10 }))
    b.store.update(id, (note) => ({ ...note, x: 20 }))
    settle(link, a.store, b.store)
    link.reconnect()
    settle(link, a.store, b.store)
    expect(projectorStore.get(id)?.x).toBe(a.store.get(id)?.x)

    a.store.remove([id])
    settle(link, a.store)
    expect(projectorStore.get(id)).toBeUndefined()
    expect(ownUpdates).toEqual([])
  })

  it('accepts a board stamped by the server’s schema', () => {
    const doc = new Y.Doc()
    doc.getMap(BOARD_DOC.meta).set(BOARD_META.schema, createTLSchema().serialize())
    expect(bindStoreToDoc(newStore(), doc).status).toBe('bound')
  })

  it('never writes the meta map, which is the server’s', () => {
    const server = new Y.Doc()
    const stamp = { [BOARD_META.schema]: createTLSchema().serialize(), [BOARD_META.protocol]: 1 }
    for (const [key, value] of Object.entries(stamp)) server.getMap(BOARD_DOC.meta).set(key, value)

    // A fresh board with no stamp at all, and one the server has stamped.
    for (const doc of [new Y.Doc(), server]) {
      const before = doc.getMap(BOARD_DOC.meta).toJSON()
      const metaWrites: unknown[] = []
      doc.getMap(BOARD_DOC.meta).observe((event) => metaWrites.push(event.transaction.origin))
      const store = newStore()
      bind(store, doc)
      const id = addNote(store, 'Nur Notizen')
      settle(null, store)
      store.update(id, (note) => ({ ...note, x: 100 }))
      store.remove([id])
      settle(null, store)

      expect(entries(doc).length).toBeGreaterThan(0)
      expect(metaWrites).toEqual([])
      expect(doc.getMap(BOARD_DOC.meta).toJSON()).toEqual(before)
    }
  })
})

describe('unreadable entries in the records array', () => {
  /** Every kind of entry that old stored data or a device's copy may hold but no record is. */
  function addUnreadableEntries(doc: Y.Doc, honestId: string) {
    const array = boardRecordsArray(doc)
    const noteLike = noteRecordJson({
      id: 'shape:elsewhere',
      parentId: 'page:page',
      x: 0,
      y: 0,
      index: 'a9',
      text: 'Geheim',
    })
    const nested = new Y.Map<unknown>()
    nested.set('key', 'shape:nested')
    doc.transact(() => {
      array.push([
        null,
        'shape:aString',
        42,
        true,
        ['shape:anArray'],
        { key: 5 },
        { val: noteLike },
        { key: 'shape:noVal', val: null },
        { key: 'shape:textVal', val: 'Geheim' },
        { key: 'shape:renamed', val: noteLike },
        // A later unreadable entry under an honest key must not hide the note.
        { key: honestId, val: null },
      ])
      array.push([nested])
    })
    return 12
  }

  function boardWithUnreadableEntries() {
    const writer = newDevice()
    const first = addNote(writer.store, 'Erste Notiz')
    addNote(writer.store, 'Zweite Notiz', 240)
    settle(null, writer.store)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer.doc))
    const unreadable = addUnreadableEntries(doc, first)
    return { doc, first, unreadable }
  }

  function unreadableCount(doc: Y.Doc): number {
    return boardRecordsArray(doc)
      .toArray()
      .filter((value) => !isRecordEntry(value)).length
  }

  it('shows exactly the honest notes, and says how many entries it skipped', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { doc, unreadable } = boardWithUnreadableEntries()

    const store = newStore()
    bind(store, doc)

    expect(noteTexts(store)).toEqual(['Erste Notiz', 'Zweite Notiz'])
    expect(warn).toHaveBeenCalledOnce()
    const message = warn.mock.calls.flat().join(' ')
    expect(message).toContain(String(unreadable))
    expect(message).not.toContain('Geheim')
    warn.mockRestore()
  })

  it('keeps syncing edits to other devices, and leaves the unreadable entries alone', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { doc, first, unreadable } = boardWithUnreadableEntries()
    const store = newStore()
    bind(store, doc)
    const other = newDevice()
    const projectorDoc = new Y.Doc()
    const projectorStore = newStore()
    bind(projectorStore, projectorDoc, true)
    const link = new Link(doc, other.doc, projectorDoc)
    expect(noteTexts(other.store)).toEqual(['Erste Notiz', 'Zweite Notiz'])
    expect(noteTexts(projectorStore)).toEqual(['Erste Notiz', 'Zweite Notiz'])

    store.update(first as TLShapeId, (note) => ({ ...note, x: 480 }))
    addNote(store, 'Dritte Notiz', 720)
    settle(link, store)
    expect(other.store.get(first as TLShapeId)?.x).toBe(480)
    expect(projectorStore.get(first as TLShapeId)?.x).toBe(480)
    expect(noteTexts(other.store)).toEqual(['Dritte Notiz', 'Erste Notiz', 'Zweite Notiz'])

    addNote(other.store, 'Von drüben', 960)
    settle(link, other.store)
    expect(noteTexts(store)).toEqual(['Dritte Notiz', 'Erste Notiz', 'Von drüben', 'Zweite Notiz'])
    expect(noteTexts(projectorStore)).toEqual(noteTexts(store))

    for (const each of [doc, other.doc, projectorDoc]) {
      expect(unreadableCount(each)).toBe(unreadable)
      expect([...entryCounts(each).values()].every((count) => count === 1)).toBe(true)
    }
    warn.mockRestore()
  })

  it('skips unreadable entries that arrive while bound, warning only once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const a = newDevice()
    const b = newDevice()
    const projectorDoc = new Y.Doc()
    const projectorStore = newStore()
    bind(projectorStore, projectorDoc, true)
    const link = new Link(a.doc, b.doc, projectorDoc)
    const id = addNote(a.store, 'Vorher')
    settle(link, a.store)

    // Something else writes junk into the array, twice.
    addUnreadableEntries(a.doc, id)
    link.deliver()
    addUnreadableEntries(a.doc, id)
    link.deliver()
    addNote(b.store, 'Nachher', 240)
    settle(link, b.store)

    for (const store of [a.store, b.store, projectorStore]) {
      expect(noteTexts(store)).toEqual(['Nachher', 'Vorher'])
    }
    // One warning per binding: a, b and the projector.
    expect(warn).toHaveBeenCalledTimes(3)
    warn.mockRestore()
  })
})

describe('schema version checks', () => {
  function newerSchema(store: TLStore) {
    const schema = store.schema.serialize()
    if (schema.schemaVersion !== 2) throw new Error('expected a v2 schema')
    const note = schema.sequences['com.tldraw.shape.note']
    if (note === undefined) throw new Error('expected a note sequence')
    return { ...schema, sequences: { ...schema.sequences, 'com.tldraw.shape.note': note + 1 } }
  }

  it('reads a board from an older schema, and writes its own edits in the current one', () => {
    const writer = newDevice()
    const id = addNote(writer.store, 'Von früher')
    settle(null, writer.store)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer.doc))
    // Rewrite the note as tldraw wrote it one note version ago.
    const schema = writer.store.schema.serialize()
    if (schema.schemaVersion !== 2) throw new Error('expected a v2 schema')
    const noteVersion = schema.sequences['com.tldraw.shape.note'] ?? 0
    const sequences = { ...schema.sequences, 'com.tldraw.shape.note': noteVersion - 1 }
    const older = { ...schema, sequences }
    const current = writer.store.get(id) as TLNoteShape
    const { textLastEditedBy, ...props } = current.props
    const oldNote = { ...current, props: { ...props, textFirstEditedBy: textLastEditedBy } }
    doc.transact(() => {
      const array = boardRecordsArray(doc)
      const index = array.toArray().findIndex((entry) => isRecordEntry(entry) && entry.key === id)
      array.delete(index)
      array.push([{ key: id, val: oldNote }])
      doc.getMap(BOARD_DOC.meta).set(BOARD_META.schema, older)
    })
    const ownUpdates: unknown[] = []
    doc.on('update', (_update: Uint8Array, origin: unknown) => ownUpdates.push(origin))

    const store = newStore()
    bind(store, doc)
    expect((store.get(id) as TLNoteShape).props.textLastEditedBy).toBeNull()
    expect(ownUpdates).toEqual([])

    store.update(id, (note) => ({ ...note, x: 240 }))
    settle(null, store)
    const stored = entries(doc).find((entry) => entry.key === id)?.val as TLNoteShape
    expect(stored.x).toBe(240)
    expect(stored.props).toHaveProperty('textLastEditedBy', null)
    expect(stored.props).not.toHaveProperty('textFirstEditedBy')
    // Stamping the schema is the server's part, done when it loads the board.
    expect(doc.getMap(BOARD_DOC.meta).get(BOARD_META.schema)).toEqual(older)
  })

  it('refuses to bind a board written by a newer schema and leaves it untouched', () => {
    const writer = newDevice()
    addNote(writer.store, 'Aus der Zukunft')
    settle(null, writer.store)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer.doc))
    doc.getMap(BOARD_DOC.meta).set(BOARD_META.schema, newerSchema(writer.store))
    const before = Y.encodeStateAsUpdate(doc)

    const store = newStore()
    const result = bindStoreToDoc(store, doc)

    expect(result.status).toBe('incompatible')
    expect(noteTexts(store)).toEqual([])
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('refuses a board with record types it does not know', () => {
    const store = newStore()
    const schema = store.schema.serialize()
    const doc = new Y.Doc()
    doc.getMap(BOARD_DOC.meta).set(BOARD_META.schema, {
      ...schema,
      sequences: { ...schema.sequences, 'com.example.poll': 1 },
    })
    expect(bindStoreToDoc(store, doc)).toMatchObject({ status: 'incompatible' })
  })

  it('lets go when another device stamps a newer schema while bound', () => {
    const a = newDevice()
    const doc = new Y.Doc()
    const link = new Link(a.doc, doc)
    const store = newStore()
    const onIncompatible = vi.fn()
    const result = bindStoreToDoc(store, doc, { onIncompatible })
    if (result.status !== 'bound') throw new Error('expected to bind')
    cleanups.push(() => result.binding.dispose())

    a.doc.getMap(BOARD_DOC.meta).set(BOARD_META.schema, newerSchema(a.store))
    settle(link)
    expect(onIncompatible).toHaveBeenCalledOnce()

    // Unbound: edits here no longer reach the doc.
    const length = boardRecordsArray(doc).length
    addNote(store, 'Nach der Trennung')
    settle(link, store)
    expect(boardRecordsArray(doc).length).toBe(length)
  })
})

describe('undo with a bound editor', () => {
  function newEditor(store: TLStore): Editor {
    const editor = new Editor({
      store,
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
      tools: [],
      getContainer: () => document.body,
    })
    cleanups.push(() => editor.dispose())
    return editor
  }

  it('takes back only my own edits, never a collaborator’s', () => {
    const ana = newDevice()
    const ben = newDevice()
    const link = new Link(ana.doc, ben.doc)
    const editor = newEditor(ana.store)

    const anaNote = createShapeId()
    editor.markHistoryStoppingPoint('add note')
    editor.createShape({ id: anaNote, type: 'geo', x: 0, y: 0 })
    settle(link, ana.store)
    addNote(ben.store, 'Von Ben', 240)
    settle(link, ben.store)
    expect(ana.store.get(anaNote)).toBeDefined()
    expect(ben.store.get(anaNote)).toBeDefined()
    expect(noteTexts(ana.store)).toEqual(['Von Ben'])

    editor.undo()
    settle(link, ana.store)
    expect(ana.store.get(anaNote)).toBeUndefined()
    expect(ben.store.get(anaNote)).toBeUndefined()
    expect(noteTexts(ana.store)).toEqual(['Von Ben'])
    expect(noteTexts(ben.store)).toEqual(['Von Ben'])

    editor.redo()
    settle(link, ana.store)
    expect(ben.store.get(anaNote)).toBeDefined()
  })

  it('has nothing to undo after only remote changes', () => {
    const ana = newDevice()
    const ben = newDevice()
    const link = new Link(ana.doc, ben.doc)
    const editor = newEditor(ana.store)

    addNote(ben.store, 'Von Ben')
    settle(link, ben.store, ana.store)
    expect(noteTexts(ana.store)).toEqual(['Von Ben'])
    expect(editor.getCanUndo()).toBe(false)
  })
})
