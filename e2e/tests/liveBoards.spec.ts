import type { EventApi } from '../fixtures/eventApi'
import { expect, test } from '../fixtures/fixtures'

/** Creates an event and returns the moderator's board link of its first table. */
async function firstBoardLink(api: EventApi): Promise<string> {
  const event = await api.createEvent()
  const table = event.links.tables[0]
  if (!table) throw new Error('The event has no tables')
  return table.board
}

const sorted = (texts: string[]) => [...texts].sort()

test.describe('live boards', () => {
  test('two devices on one board see each other’s notes and named cursors', async ({
    api,
    openBoard,
  }) => {
    const link = await firstBoardLink(api)
    const ana = await openBoard(link, { userName: 'Ana' })
    const ben = await openBoard(link, { userName: 'Ben' })

    await ana.addNote('Mehr Sprachkurse am Abend', 0, 0)
    await expect.poll(() => ben.noteTexts()).toEqual(['Mehr Sprachkurse am Abend'])

    await ben.addNote('Tandem-Partner finden', 240, 0)
    const both = sorted(['Mehr Sprachkurse am Abend', 'Tandem-Partner finden'])
    await expect.poll(() => ana.noteTexts()).toEqual(both)
    await expect.poll(() => ben.noteTexts()).toEqual(both)

    // A cursor counts as live only while it moves, so keep moving while waiting.
    await ana.centreOn(120, 120)
    await ben.centreOn(120, 120)
    let step = 0
    await expect
      .poll(async () => {
        await ana.moveCursor(120 + (step++ % 10), 120)
        return ben.remoteCursorNames()
      })
      .toEqual(['Ana'])
    await expect
      .poll(async () => {
        await ben.moveCursor(120, 120 + (step++ % 10))
        return ana.remoteCursorNames()
      })
      .toEqual(['Ben'])
  })

  test('a device that goes offline keeps working, survives a reload and converges without duplicates', async ({
    api,
    openBoard,
  }) => {
    const link = await firstBoardLink(api)
    const laptop = await openBoard(link)
    const tablet = await openBoard(link)
    await laptop.addNote('Vor dem Ausfall', 0, 0)
    await expect.poll(() => tablet.noteTexts()).toEqual(['Vor dem Ausfall'])
    await laptop.waitForOfflineReady()

    await laptop.setOffline(true)
    await laptop.expectConnection('offline', 'saved-locally')
    await laptop.addNote('Offline eins', 0, 240)
    await laptop.addNote('Offline zwei', 240, 240)
    await laptop.expectConnection('saved-locally')
    await tablet.addNote('Derweil am Tablet', 480, 0)

    // Still without a network: the service worker serves the page, IndexedDB the board.
    await laptop.reload({ online: false })
    await laptop.expectConnection('offline', 'saved-locally')
    await expect
      .poll(() => laptop.noteTexts())
      .toEqual(sorted(['Vor dem Ausfall', 'Offline eins', 'Offline zwei']))
    expect(
      await tablet.noteTexts(),
      'offline notes must not travel before the network returns',
    ).toEqual(sorted(['Vor dem Ausfall', 'Derweil am Tablet']))

    await laptop.setOffline(false)
    await laptop.expectConnection('online')
    const everything = sorted([
      'Vor dem Ausfall',
      'Offline eins',
      'Offline zwei',
      'Derweil am Tablet',
    ])
    await expect.poll(() => laptop.noteTexts()).toEqual(everything)
    await expect.poll(() => tablet.noteTexts()).toEqual(everything)
  })

  test('a crashed server loses nothing and takes the edits made while it was down', async ({
    api,
    openBoard,
    server,
  }) => {
    const link = await firstBoardLink(api)
    const laptop = await openBoard(link)
    const witness = await openBoard(link)
    await laptop.addNote('Vor dem Absturz 1', 0, 0)
    await laptop.addNote('Vor dem Absturz 2', 240, 0)
    const beforeCrash = sorted(['Vor dem Absturz 1', 'Vor dem Absturz 2'])
    // The server stores every update before relaying it: once the witness has
    // both notes, they are on disk. The witness then leaves, so its copy cannot
    // stand in for the server's.
    await expect.poll(() => witness.noteTexts()).toEqual(beforeCrash)
    await witness.close()

    await server.stop({ signal: 'SIGKILL' })
    await laptop.expectConnection('offline', 'syncing', 'saved-locally')
    await laptop.addNote('Während des Ausfalls', 0, 240)

    // Hold the laptop back while the server comes up, so that what a new
    // device sees can only come from the server's own store.
    await laptop.setOffline(true)
    await server.start()
    const latecomer = await openBoard(link)
    await expect.poll(() => latecomer.noteTexts()).toEqual(beforeCrash)

    await laptop.setOffline(false)
    await laptop.expectConnection('online')
    const everything = sorted([...beforeCrash, 'Während des Ausfalls'])
    await expect.poll(() => latecomer.noteTexts()).toEqual(everything)
    await expect.poll(() => laptop.noteTexts()).toEqual(everything)
  })

  test('a graceful restart keeps the board', async ({ api, openBoard, server }) => {
    const link = await firstBoardLink(api)
    const laptop = await openBoard(link)
    const witness = await openBoard(link)
    await laptop.addNote('Bleibt erhalten', 0, 0)
    await expect.poll(() => witness.noteTexts()).toEqual(['Bleibt erhalten'])
    await laptop.close()
    await witness.close()

    await server.restart({ signal: 'SIGTERM' })
    const latecomer = await openBoard(link)
    await expect.poll(() => latecomer.noteTexts()).toEqual(['Bleibt erhalten'])
  })

  test('the board page asks nothing of any host but its own server', async ({
    api,
    openBoard,
    originGuard,
    server,
  }) => {
    const link = await firstBoardLink(api)
    const board = await openBoard(link)
    await board.addNote('Nur aus dem eigenen Netz', 0, 0)
    await board.reload()
    await expect.poll(() => board.noteTexts()).toEqual(['Nur aus dem eigenen Netz'])

    // The guard saw the traffic it is there to judge: the page, its code and the sync socket.
    const seen = originGuard.requests
    expect(
      seen.some((r) => r.kind === 'document' && r.url.startsWith(`${server.baseUrl}/e/`)),
    ).toBe(true)
    expect(seen.some((r) => r.kind === 'script')).toBe(true)
    expect(
      seen.some((r) => r.kind === 'websocket' && new URL(r.url).pathname.startsWith('/sync/')),
    ).toBe(true)
    expect(originGuard.outsideRequests()).toEqual([])
    // The link's token travels in the socket's Sec-WebSocket-Protocol header, never in a URL.
    const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token')!
    expect(token).not.toBe('')
    expect(seen.filter((r) => r.url.includes(token)).map((r) => r.url)).toEqual([])
  })

  test('undo takes back only my own note, never a collaborator’s', async ({ api, openBoard }) => {
    const link = await firstBoardLink(api)
    const ana = await openBoard(link, { userName: 'Ana' })
    const ben = await openBoard(link, { userName: 'Ben' })

    await ana.addNote('Von Ana', 0, 0)
    await expect.poll(() => ben.noteTexts()).toEqual(['Von Ana'])
    await ben.addNote('Von Ben', 240, 0)
    await expect.poll(() => ana.noteTexts()).toEqual(['Von Ana', 'Von Ben'])

    // Ben's note arrived after Ana's; her undo must still skip it and take back her own.
    await ana.undo()
    await expect.poll(() => ana.noteTexts()).toEqual(['Von Ben'])
    await expect.poll(() => ben.noteTexts()).toEqual(['Von Ben'])
  })
})
