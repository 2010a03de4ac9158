import { afterEach, expect, it } from 'vitest'
import {
  BOARD_DOC,
  BOARD_META,
  CloseCode,
  CloseReason,
  roomName,
  winnendenTemplate,
} from '@tablecloth/shared'
import { createBoardSchema } from '../src/board/boardSchema'
import { repairLoadedBoard } from '../src/board/repairLoadedBoard'
import { EventService } from '../src/events/EventService'
import { openDatabase, type Db } from '../src/store/database'
import { DocStore } from '../src/store/docStore'
import { EventStore } from '../src/store/eventStore'
import { SnapshotStore } from '../src/store/snapshotStore'
import { TokenStore } from '../src/store/tokenStore'
import { boardRoomsOf } from '../src/sync/boardRooms'
import { SyncServer } from '../src/sync/SyncServer'
import { MemoryClient } from './helpers/memoryClient'
import { tempDataDir } from './helpers/testRegistry'

/**
 * A station change is all-or-nothing for the organiser: once the new
 * station is stored, the answer says so, even when one board cannot be
 * switched right then. That board is reported, unloaded, and brought to the
 * new station when it is next loaded (issue 10).
 */

let db: Db | null = null
let sync: SyncServer | null = null
afterEach(async () => {
  await sync?.close()
  db?.close()
  sync = null
  db = null
})

it('stores the new station, reports the board it could not switch, and switches it on its next load', async () => {
  db = openDatabase(tempDataDir())
  const schema = createBoardSchema()
  const events = new EventStore(db)
  const logs: string[] = []
  const log = (line: string) => logs.push(line)
  sync = new SyncServer({
    store: new DocStore(db),
    authorize: () => ({ closeCode: CloseCode.Unauthorized, reason: CloseReason.Unauthorized }),
    roomIdleMs: 60_000,
    onLoaded: (room, doc, transact) =>
      repairLoadedBoard({ room, doc, transact, schema, events, log }),
    log,
  })
  const rooms = boardRoomsOf(sync)
  let failing: string | null = null
  const service = new EventService({
    events,
    tokens: new TokenStore(db),
    snapshots: new SnapshotStore(db),
    rooms: {
      ...rooms,
      transact: (room, edit, options) => {
        if (room === failing) return Promise.reject(new TypeError('board write failed'))
        return rooms.transact(room, edit, options)
      },
    },
    schema,
    atomically: (fn) => db!.transaction(fn)(),
    log,
  })
  const created = await service.create(winnendenTemplate(), 'http://localhost')
  const broken = roomName(created.id, created.links.tables[1]!.id)
  failing = broken

  const { view, snapshots } = await service.advanceStation(created.id, 0)
  expect(view.currentStation).toBe(1)
  expect(snapshots).toHaveLength(created.links.tables.length)
  expect(logs).toContain(`event day-write-failed room=${broken} error=TypeError`)
  expect(sync.registry.isLoaded(broken)).toBe(false)

  // The next device to open it loads it, and finds it at the new station.
  failing = null
  const [eventId, tableId] = broken.split('/') as [string, string]
  const device = MemoryClient.connect(sync.registry, { eventId, tableId })
  await device.waitForDoc(
    (doc) =>
      (doc.getMap(BOARD_DOC.meta).get(BOARD_META.day) as { stationIndex?: number } | undefined)
        ?.stationIndex === 1,
  )
  device.destroy()
})
