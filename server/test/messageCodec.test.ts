import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { MessageType } from '@tablecloth/shared'
import { decodeFrame, encodeAwareness, isRemovedState } from '../src/sync/messageCodec'
import { frame } from './helpers/memoryClient'

function docWithNote(text: string): Y.Doc {
  const doc = new Y.Doc()
  doc.getMap('notes').set('n1', text)
  return doc
}

function updateFrame(update: Uint8Array): Uint8Array {
  return frame(MessageType.Sync, (e) => syncProtocol.writeUpdate(e, update))
}

describe('decodeFrame', () => {
  it('decodes the sync messages the stock provider sends', () => {
    const doc = docWithNote('Radweg')
    const step1 = decodeFrame(frame(MessageType.Sync, (e) => syncProtocol.writeSyncStep1(e, doc)))
    const step2 = decodeFrame(frame(MessageType.Sync, (e) => syncProtocol.writeSyncStep2(e, doc)))
    const update = updateFrame(Y.encodeStateAsUpdate(doc))

    expect(step1).toMatchObject({ type: 'sync-step1', stateVector: Y.encodeStateVector(doc) })
    expect(step2).toMatchObject({ type: 'sync-step2' })
    expect(decodeFrame(update)).toMatchObject({ type: 'sync-update', raw: update })
  })

  it('parses a doc update once, structs and delete set', () => {
    const doc = docWithNote('Radweg')
    const decoded = decodeFrame(updateFrame(Y.encodeStateAsUpdate(doc)))
    if (decoded.type !== 'sync-update') throw new Error(decoded.type)
    expect(decoded.decoded.structs).toHaveLength(1)
  })

  it('decodes awareness entries without parsing their states', () => {
    const doc = new Y.Doc()
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalStateField('user', { name: 'Ana' })
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])
    const bytes = frame(MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, update))
    const decoded = decodeFrame(bytes)
    awareness.destroy()

    if (decoded.type !== 'awareness') throw new Error(decoded.type)
    expect(decoded.entries).toHaveLength(1)
    expect(decoded.entries[0]).toMatchObject({ clientId: doc.clientID, clock: 1 })
    expect(new TextDecoder().decode(decoded.entries[0]!.state)).toBe('{"user":{"name":"Ana"}}')
  })

  it('decodes an awareness query', () => {
    const query = frame(MessageType.QueryAwareness, () => {})
    expect(decodeFrame(query)).toEqual({ type: 'query-awareness' })
  })

  it.each([
    ['an empty frame', new Uint8Array([])],
    ['an unknown message type', new Uint8Array([9])],
    ['an auth message, which only the server sends', new Uint8Array([MessageType.Auth, 0, 0])],
    ['an unknown sync step', new Uint8Array([MessageType.Sync, 7, 0])],
    ['a truncated update', new Uint8Array([MessageType.Sync, 2, 10, 1, 2])],
    ['a varint that never ends', new Uint8Array([MessageType.Sync, 0xff, 0xff, 0xff])],
    ['an update that is not Yjs', new Uint8Array([MessageType.Sync, 2, 3, 0xff, 0xff, 0xff])],
    ['a malformed state vector', new Uint8Array([MessageType.Sync, 0, 2, 5, 1])],
    ['a truncated awareness entry', new Uint8Array([MessageType.Awareness, 3, 1, 7, 1])],
    ['a query with trailing bytes', new Uint8Array([MessageType.QueryAwareness, 0])],
  ])('rejects %s', (_label, bytes) => {
    expect(decodeFrame(bytes).type).toBe('invalid')
  })

  it('rejects bytes after a complete message', () => {
    const valid = updateFrame(Y.encodeStateAsUpdate(docWithNote('x')))
    const padded = new Uint8Array([...valid, 0])
    expect(decodeFrame(padded).type).toBe('invalid')
  })

  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), (bytes) => {
        expect([
          'sync-step1',
          'sync-step2',
          'sync-update',
          'awareness',
          'query-awareness',
          'invalid',
        ]).toContain(decodeFrame(bytes).type)
      }),
      { numRuns: 2000 },
    )
  })

  it('never throws on corrupted real updates', () => {
    const valid = updateFrame(Y.encodeStateAsUpdate(docWithNote('Mehr Bänke')))
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), {
          maxLength: 4,
        }),
        (flips) => {
          const bytes = valid.slice()
          for (const [at, value] of flips) bytes[at] = value
          decodeFrame(bytes)
        },
      ),
      { numRuns: 2000 },
    )
  })
})

describe('encodeAwareness', () => {
  it('writes entries the stock awareness reads back', () => {
    const state = new TextEncoder().encode('{"user":{"name":"Ben"}}')
    const encoded = encodeAwareness([{ clientId: 42, clock: 3, state }])
    const decoded = decodeFrame(encoded)
    if (decoded.type !== 'awareness') throw new Error(decoded.type)

    const doc = new Y.Doc()
    const awareness = new awarenessProtocol.Awareness(doc)
    awarenessProtocol.applyAwarenessUpdate(awareness, encoded.subarray(2), 'server')
    expect(awareness.getStates().get(42)).toEqual({ user: { name: 'Ben' } })
    awareness.destroy()
  })

  it('recognises the state of a client that left', () => {
    expect(isRemovedState(new TextEncoder().encode('null'))).toBe(true)
    expect(isRemovedState(new TextEncoder().encode('{}'))).toBe(false)
  })
})
