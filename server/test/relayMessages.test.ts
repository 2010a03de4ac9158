import { describe, expect, it } from 'vitest'
import {
  boardChannel,
  decodeBoardMessage,
  decodeEventMessage,
  encodeBoardMessage,
  encodeEventMessage,
  roomOfChannel,
} from '../src/cluster/relayMessages'

describe('messages between processes', () => {
  it('carry an update with its board number and sender, bytes intact', () => {
    const payload = new Uint8Array([1, 2, 3, 255])
    const bytes = encodeBoardMessage({
      kind: 'update',
      origin: '0123456789abcdef',
      seq: 4711,
      payload,
    })
    expect(decodeBoardMessage(bytes)).toEqual({
      kind: 'update',
      origin: '0123456789abcdef',
      seq: 4711,
      payload: Buffer.from(payload),
    })
  })

  it('carry presence without a number', () => {
    const bytes = encodeBoardMessage({
      kind: 'presence',
      origin: 'fedcba9876543210',
      payload: new Uint8Array([9]),
    })
    expect(decodeBoardMessage(bytes)).toMatchObject({
      kind: 'presence',
      origin: 'fedcba9876543210',
    })
  })

  it.each([
    ['empty', Buffer.alloc(0)],
    ['an unknown kind', Buffer.concat([Buffer.from([7]), Buffer.alloc(30)])],
    ['an update cut before its number', Buffer.concat([Buffer.from([1]), Buffer.alloc(16)])],
    [
      'a number that is no whole positive number',
      (() => {
        const bytes = encodeBoardMessage({
          kind: 'update',
          origin: '0123456789abcdef',
          seq: 1,
          payload: new Uint8Array(),
        })
        bytes.writeDoubleBE(Number.NaN, 17)
        return bytes
      })(),
    ],
  ])('are dropped when they are %s', (_, bytes) => {
    expect(decodeBoardMessage(bytes)).toBeNull()
  })

  it('name the board by its channel, and nothing else', () => {
    expect(roomOfChannel(boardChannel('evt123/t1'))).toBe('evt123/t1')
    expect(roomOfChannel('tablecloth:events')).toBeNull()
  })

  it('about events survive the trip, and anything else is dropped', () => {
    const message = {
      type: 'close-subjects' as const,
      origin: '0123456789abcdef',
      subjects: ['hash-a', 'hash-b'],
      code: 4401,
      reason: 'invalid or revoked token',
    }
    expect(decodeEventMessage(encodeEventMessage(message))).toEqual(message)
    expect(
      decodeEventMessage('{"type":"close-subjects","origin":"x","code":1,"reason":"r"}'),
    ).toBeNull()
    expect(
      decodeEventMessage('{"type":"drop-table","origin":"x","code":1,"reason":"r"}'),
    ).toBeNull()
    expect(decodeEventMessage('not json')).toBeNull()
  })
})
