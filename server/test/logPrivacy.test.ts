import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { TLRecord } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import {
  BOARD_DOC,
  roomName,
  stationFrameId,
  winnendenTemplate,
  type CreateEventResponse,
} from '@tablecloth/shared'
import { createApp } from '../src/app'
import { readConfig } from '../src/config'
import { closedWith, openBoard, rawSocket, synced, until } from './helpers/boardProvider'
import { noteRecord } from './helpers/eventBoards'

describe('the server log', () => {
  it('names rooms and reasons but carries no note text and no token, whatever happens', async () => {
    const lines: string[] = []
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tablecloth-log-'))
    const config = readConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ROOM_IDLE_MS: '0',
    })
    const app = createApp(config, (line) => lines.push(line))
    const origin = await app.listen()
    const call = async (method: string, pathname: string, token?: string, body?: string) => {
      const response = await fetch(origin + pathname, {
        method,
        headers: {
          ...(token && { authorization: `Bearer ${token}` }),
          'content-type': 'application/json',
        },
        body,
      })
      return { status: response.status, text: await response.text() }
    }
    try {
      const created = await call(
        'POST',
        '/api/events',
        undefined,
        JSON.stringify(winnendenTemplate()),
      )
      const event = JSON.parse(created.text) as CreateEventResponse
      const table = event.links.tables[0]!
      const view = JSON.parse(
        (await call('GET', `/api/events/${event.id}`, event.organiserToken)).text,
      )
      const stationId = view.config.stations[0].id as string
      const wsUrl = `${origin.replace(/^http/, 'ws')}/sync`

      // A moderator writes, a phone sends, a projector tries to write, garbage arrives.
      const board = openBoard(wsUrl, roomName(event.id, table.id), table.tokens.moderator)
      await synced(board)
      new YKeyValue<TLRecord>(board.doc.getArray(BOARD_DOC.records)).set(
        'shape:privat',
        noteRecord({
          id: 'shape:privat',
          parentId: stationFrameId(stationId, 0),
          x: 40,
          y: 40,
          text: 'Herr Schmidt PRIVAT',
        }),
      )
      await call(
        'POST',
        `/api/events/${event.id}/tables/${table.id}/notes`,
        table.tokens.participant,
        JSON.stringify({ text: 'Handy VERTRAULICH', column: 0 }),
      )
      await until(board.doc, () =>
        JSON.stringify(board.doc.getArray(BOARD_DOC.records).toJSON()).includes('VERTRAULICH'),
      )
      const projector = openBoard(wsUrl, roomName(event.id, table.id), table.tokens.viewer)
      await synced(projector)
      const refused = closedWith(projector.provider.ws as never)
      new YKeyValue<TLRecord>(projector.doc.getArray(BOARD_DOC.records)).set(
        'shape:heimlich',
        noteRecord({
          id: 'shape:heimlich',
          parentId: stationFrameId(stationId, 0),
          x: 300,
          y: 40,
          text: 'Projektor GEHEIM',
        }),
      )
      await refused
      projector.destroy()
      const garbage = rawSocket(wsUrl, roomName(event.id, table.id), table.tokens.moderator)
      await new Promise((resolve) => garbage.once('open', resolve))
      garbage.send(Buffer.from('VERTRAULICH garbage frame'))
      await closedWith(garbage)
      const stranger = rawSocket(wsUrl, roomName(event.id, table.id), 'Z'.repeat(43))
      await closedWith(stranger)
      await call(
        'POST',
        `/api/events/${event.id}/timer`,
        event.organiserToken,
        '{"action": "VERTRAULICH"',
      )
      await call('POST', `/api/events/${event.id}/stations/next`, event.organiserToken)
      await call('GET', `/api/events/${event.id}/results.csv`, event.organiserToken)
      board.destroy()
      await app.close()

      expect(lines.length, 'the session was logged at all').toBeGreaterThan(3)
      const secrets = [
        event.organiserToken,
        ...event.links.tables.flatMap((t) => Object.values(t.tokens)),
        'Schmidt',
        'PRIVAT',
        'VERTRAULICH',
        'GEHEIM',
      ]
      for (const line of lines) {
        for (const secret of secrets)
          expect(line.includes(secret), `log line ${JSON.stringify(line)}`).toBe(false)
      }
    } finally {
      await app.close().catch(() => {})
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
