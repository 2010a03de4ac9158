import { BoardPage } from '../fixtures/BoardPage'
import { organiserAccessOf } from '../fixtures/eventApi'
import { expect, test } from '../fixtures/fixtures'

/**
 * Looking after an event from the control room: a save point without a
 * station change, renewing links (the old one stops at once), and deleting
 * the event for good.
 */
test.describe('event administration', () => {
  test('saves every board at the last station without moving on', async ({
    api,
    openBoard,
    openControlRoom,
  }) => {
    const event = await api.createEvent()
    const board = await openBoard(event.links.tables[0]!.board)
    const controlRoom = await openControlRoom(event.links.control)
    await controlRoom.advanceStation()
    await board.capture.writeNote('Zum Schluss: „Danke“ 🙏')

    await controlRoom.saveNow()
    await expect(
      controlRoom.page.getByRole('status').filter({ hasText: '3 Boards gesichert.' }),
    ).toBeVisible()
    await expect(controlRoom.stationHeading).toHaveText('Station 2 von 2')
    const snapshots = await api.snapshots(organiserAccessOf(event.links.control))
    const manual = snapshots.filter((snapshot) => snapshot.reason === 'manual')
    expect(manual.map((snapshot) => snapshot.stationIndex)).toEqual([1, 1, 1])
  })

  test('a renewed board link signs out the device using the old one, and the new link works', async ({
    api,
    openBoard,
    openControlRoom,
    newContext,
  }) => {
    const event = await api.createEvent()
    const table = event.links.tables[0]!
    const old = await openBoard(table.board)
    const controlRoom = await openControlRoom(event.links.control)

    const renewed = await controlRoom.renewTableLink(table.id, 'Board-Link erneuern')
    expect(renewed).not.toBe(table.board)
    expect(renewed).toContain(`/e/${event.id}/t/${table.id}#token=`)
    // The device with the old link is told at once, its board stays readable.
    await expect(old.page.getByRole('alert')).toContainText('Zugang abgelehnt')

    const fresh = await BoardPage.openIn(await newContext(), renewed)
    await fresh.capture.writeNote('Mit neuem Link')
    await expect.poll(() => fresh.noteTexts()).toEqual(['Mit neuem Link'])
  })

  test('renewing the control room link keeps this control room working and stops the old link', async ({
    api,
    openControlRoom,
  }) => {
    const event = await api.createEvent()
    const controlRoom = await openControlRoom(event.links.control)
    const renewed = await controlRoom.renewControlLink()
    expect(renewed).toContain(`/e/${event.id}/control#token=`)
    // This page carries on with the new token, also after a reload.
    await controlRoom.page.reload()
    await expect(controlRoom.stationHeading).toBeVisible()
    const old = await fetch(new URL(`/api/events/${event.id}/links`, event.links.control), {
      headers: { authorization: `Bearer ${organiserAccessOf(event.links.control).organiserToken}` },
    })
    expect(old.status).toBe(401)
  })

  test('deletes the event for good once its title is typed; its boards and links find nothing', async ({
    api,
    openBoard,
    openControlRoom,
  }) => {
    const event = await api.createEvent()
    const board = await openBoard(event.links.tables[0]!.board)
    await board.capture.writeNote('Wird gelöscht')
    const controlRoom = await openControlRoom(event.links.control)

    await controlRoom.deleteEvent('Zukunftswerkstatt Winnenden')
    await expect(
      controlRoom.page.getByRole('heading', { name: 'Veranstaltung gelöscht' }),
    ).toBeVisible()
    await expect(board.page.getByRole('alert')).toContainText('Board nicht gefunden')
    const gone = await fetch(new URL(`/api/events/${event.id}`, event.links.control), {
      headers: { authorization: `Bearer ${organiserAccessOf(event.links.control).organiserToken}` },
    })
    expect(gone.status).toBe(404)
  })
})
