import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  CloseCode,
  roomName,
  type CreateEventResponse,
  winnendenTemplate,
} from '@tablecloth/shared'
import { openBoard, serverClose, synced, type BoardProvider } from './helpers/boardProvider'
import {
  dayOf,
  noteTexts,
  request,
  sharedServices,
  startCluster,
  writeNote,
  type Cluster,
  type ClusterNode,
} from './helpers/cluster'
import { columnFrameId } from './helpers/eventBoards'
import { openTestPostgres } from './helpers/sharedServices'

/**
 * One workshop day on two real server processes (A and B) that share a
 * PostgreSQL store and relay through Redis, as behind a load balancer:
 * people at one table whose devices landed on different processes, phones
 * posting through either, the organiser's clicks going to either, and B
 * dying in the middle. The steps build on each other and run in order.
 */

const services = sharedServices()
/** Waits on what users would see; the ceiling is for a machine with 2 busy cores. */
const SEEN = { timeout: 60_000, interval: 100 }

describe.skipIf(services === null)('a World Café day on two server processes', () => {
  let cluster: Cluster
  let a: ClusterNode
  let b: ClusterNode
  let event: CreateEventResponse
  let boards: BoardProvider[] = []
  /** The first table's board on the device that landed on A, and on the one that landed on B. */
  let onA: BoardProvider
  let onB: BoardProvider
  /** The second table's board, open on A only, with its first moderator link. */
  let onlyOnA: BoardProvider
  /** Every note someone saw on a board or got 201 for: the results must hold each one. */
  const promised: string[] = []

  beforeAll(async () => {
    cluster = startCluster(services!)
    // Started together, as a deployment starts them: the schema is migrated once.
    ;[a, b] = await Promise.all([cluster.start('A'), cluster.start('B')])
    const created = await request(`${a.origin}/api/events`, 'POST', { body: winnendenTemplate() })
    expect(created.status).toBe(201)
    event = created.body
  })
  afterEach((context) => {
    if (context.task.result?.state === 'fail') console.log(cluster.logs())
  })
  afterAll(async () => {
    for (const board of boards) board.destroy()
    boards = []
    await cluster?.stop()
  })

  const table = (index: number) => event.links.tables[index]!
  const api = (node: ClusterNode, method: string, path: string, body?: unknown, token?: string) =>
    request(`${node.origin}/api/events/${event.id}${path}`, method, {
      token: token ?? event.organiserToken,
      body,
    })
  /** A stock y-websocket client on one process, as the board page opens it. */
  const open = (
    node: ClusterNode,
    index: number,
    options: { token?: string; doc?: Y.Doc } = {},
  ) => {
    const token = options.token ?? table(index).tokens.moderator
    const board = openBoard(`${node.wsOrigin}/sync`, roomName(event.id, table(index).id), token, {
      ...(options.doc && { doc: options.doc }),
    })
    boards.push(board)
    return board
  }
  const phoneNote = (node: ClusterNode, index: number, text: string) =>
    api(
      node,
      'POST',
      `/tables/${table(index).id}/notes`,
      { text, column: 1 },
      table(index).tokens.participant,
    )

  it('shows a note written at the table on every device, whichever process each landed on', async () => {
    onA = open(a, 0)
    await synced(onA)
    // B loads the board while A's note is on its way: read before, relayed after, or in between.
    onB = open(b, 0)
    writeNote(onA.doc, 'from-a', 'Sprachkurse am Abend anbieten')
    await synced(onB)
    writeNote(onB.doc, 'from-b', 'Kinderbetreuung während der Kurse')
    await expect.poll(() => noteTexts(onB.doc), SEEN).toContain('Sprachkurse am Abend anbieten')
    await expect.poll(() => noteTexts(onA.doc), SEEN).toContain('Kinderbetreuung während der Kurse')
    promised.push('Sprachkurse am Abend anbieten', 'Kinderbetreuung während der Kurse')
  })

  it('puts a phone note sent through the other process on the board, with a 201, also where only one process holds it', async () => {
    const sent = await phoneNote(b, 0, 'Mehr Ehrenamtliche für Lotsendienste')
    expect(sent.status).toBe(201)
    promised.push('Mehr Ehrenamtliche für Lotsendienste')
    await expect
      .poll(() => noteTexts(onA.doc), SEEN)
      .toContain('Mehr Ehrenamtliche für Lotsendienste')

    // The second table is open on A only: B writes the note into a board it first reads from the store.
    onlyOnA = open(a, 1)
    await synced(onlyOnA)
    const elsewhere = await phoneNote(b, 1, 'Beratung auch auf Arabisch')
    expect(elsewhere.status).toBe(201)
    promised.push('Beratung auch auf Arabisch')
    await expect.poll(() => noteTexts(onlyOnA.doc), SEEN).toContain('Beratung auch auf Arabisch')
  })

  it('switches every board when the organiser moves on through one process, and moves the day once for two clicks at once', async () => {
    const next = await api(a, 'POST', '/stations/next', { from: 0 })
    expect(next.status).toBe(200)
    await expect.poll(() => dayOf(onB.doc)?.stationIndex, SEEN).toBe(1)
    expect(columnFrameId(onB.doc, 1, 0)).toBeDefined()
    writeNote(onB.doc, 'second-station', 'Ziele gemeinsam mit Vereinen festlegen')
    await expect
      .poll(() => noteTexts(onA.doc), SEEN)
      .toContain('Ziele gemeinsam mit Vereinen festlegen')
    promised.push('Ziele gemeinsam mit Vereinen festlegen')

    // Two control rooms click "weiter" at the same moment, one on each process.
    const clicks = await Promise.all(
      [a, b].map((node) => api(node, 'POST', '/stations/next', { from: 1 })),
    )
    expect(clicks.map((click) => click.status).sort()).toEqual([200, 409])
    expect(clicks.find((click) => click.status === 409)!.body.error.field).toBe('from')
    for (const board of [onA, onB]) {
      await expect.poll(() => dayOf(board.doc)?.stationIndex, SEEN).toBe(2)
    }
    const view = await api(b, 'GET', '')
    expect(view.body.currentStation).toBe(2)
    const snapshots = (await api(b, 'GET', '/snapshots')).body.snapshots as Array<{
      reason: string
      stationIndex: number
    }>
    const saved = (station: number) =>
      snapshots.filter(
        (entry) => entry.reason === 'station-change' && entry.stationIndex === station,
      )
    // One set per station change: every table once, nothing from the click that lost.
    expect(saved(0)).toHaveLength(event.links.tables.length)
    expect(saved(1)).toHaveLength(event.links.tables.length)
  })

  it('closes the devices of a rotated link on both processes at once (4401), and the new link works on either', async () => {
    const old = table(1).tokens.moderator
    // The second table's board is open with the old link on A (from the phone step), now on B too.
    const onAOld = onlyOnA
    const onBOld = open(b, 1, { token: old })
    await synced(onBOld)
    const closedOnA = serverClose(onAOld)
    const closedOnB = serverClose(onBOld)

    const rotated = await api(a, 'POST', '/links/rotate', {
      role: 'moderator',
      tableId: table(1).id,
    })
    expect(rotated.status).toBe(200)
    expect((await closedOnB).code).toBe(CloseCode.Unauthorized)
    expect((await closedOnA).code).toBe(CloseCode.Unauthorized)
    // A board page with a dead link stops; these stop retrying it.
    onAOld.provider.destroy()
    onBOld.provider.destroy()

    const fresh = open(b, 1, { token: rotated.body.links.tables[1].tokens.moderator })
    await synced(fresh)
    expect(noteTexts(fresh.doc)).toContain('Beratung auch auf Arabisch')
    // Everyone else stays on.
    expect(onA.provider.wsconnected && onB.provider.wsconnected).toBe(true)
  })

  it('keeps everything when process B dies: its device carries on through A, and the results hold every note', async () => {
    const seenOnB = noteTexts(onB.doc)
    const exit = await b.process.stop('SIGKILL')
    expect(exit.signal).toBe('SIGKILL')
    // The device keeps its board while it has no server, and someone writes on it meanwhile.
    onB.provider.destroy()
    writeNote(onB.doc, 'offline', 'Notiert während der Server weg war')
    // The load balancer sends its reconnect to A.
    const moved = open(a, 0, { doc: onB.doc })
    await synced(moved)
    await expect
      .poll(() => noteTexts(onA.doc), SEEN)
      .toContain('Notiert während der Server weg war')
    promised.push('Notiert während der Server weg war')
    writeNote(onA.doc, 'after', 'Nach dem Ausfall weitergeschrieben')
    await expect
      .poll(() => noteTexts(moved.doc), SEEN)
      .toContain('Nach dem Ausfall weitergeschrieben')
    promised.push('Nach dem Ausfall weitergeschrieben')

    // A device that opens the board now sees everything B's device saw.
    const newcomer = open(a, 0)
    await synced(newcomer)
    expect(noteTexts(newcomer.doc)).toEqual(expect.arrayContaining(seenOnB))

    const results = await api(a, 'GET', '/results.json')
    expect(results.status).toBe(200)
    expect(textsIn(results.body)).toEqual(expect.arrayContaining(promised))
  })

  it('closes every board of a deleted event on the other process too (4404) and leaves nothing of it stored', async () => {
    // B is back, as a supervisor or the platform restarts it, and serves the whole board at once.
    b = await cluster.start('B again')
    const again = open(b, 0)
    await synced(again)
    expect(noteTexts(again.doc).sort()).toEqual(noteTexts(onA.doc).sort())
    const closedOnB = serverClose(again)
    const closedOnA = serverClose(onA)
    // Someone on B is still dragging notes about as the organiser deletes, an update a frame:
    // B logs what it has queued before it hears of the deletion.
    let writing = true
    const typing = (async () => {
      for (let n = 0; writing; n++) {
        writeNote(again.doc, `late-${n}`, `Noch schnell notiert ${n}`)
        await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    await expect.poll(() => noteTexts(onA.doc), SEEN).toContain('Noch schnell notiert 3')

    const deleted = await api(a, 'DELETE', '')
    expect(deleted.status).toBe(204)
    expect((await closedOnB).code).toBe(CloseCode.NotFound)
    writing = false
    await typing
    expect((await closedOnA).code).toBe(CloseCode.NotFound)
    expect((await phoneNote(b, 0, 'noch da?')).status).toBe(404)

    // Neither process wrote a board of the event back after the delete.
    const db = openTestPostgres(cluster.schema.url)
    try {
      const rows = db
        .prepare(
          `SELECT room FROM doc_states WHERE room LIKE ? UNION ALL
           SELECT room FROM doc_updates WHERE room LIKE ? UNION ALL
           SELECT room FROM doc_heads WHERE room LIKE ?`,
        )
        .all(...Array(3).fill(`${event.id}/%`))
      expect(rows).toEqual([])
    } finally {
      db.close()
    }
  })
})

/** Every note text in a results export, clusters included. */
function textsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(textsIn)
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, entry]) =>
    key === 'text' && typeof entry === 'string' ? [entry] : textsIn(entry),
  )
}
