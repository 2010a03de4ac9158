import { winnendenTemplate } from '@tablecloth/shared'
import { expect, test } from '../fixtures/fixtures'

/**
 * „Die Kontrollraum weiß, wer da ist“: every table card counts the sockets on
 * its board by link (moderator, projector, phones), names the moderators, and
 * the control room raises a visible alert when a moderator's board drops
 * during a station, which clears once it is back.
 */
test.describe('who is on each board', () => {
  test('counts moderators, projectors and phones per table and alerts when a moderator board drops', async ({
    api,
    server,
    newContext,
    openBoard,
    openControlRoom,
  }) => {
    const event = await api.createEvent({ ...winnendenTemplate(), showBoardToParticipants: true })
    const [first, second] = event.links.tables
    const control = await openControlRoom(event.links.control)

    // Opens a link on a device of its own, as a projector laptop or a phone does.
    const openOn = async (link: string) => {
      const page = await (await newContext()).newPage()
      await page.goto(link)
      return page
    }
    /** The read-only board a phone opens with „Board ansehen“ (its participant token). */
    const phoneBoardView = (tableId: string, token: string) =>
      `${server.baseUrl}/e/${event.id}/t/${tableId}/projector#token=${token}`

    await test.step('the cards are numbered as in setup, and nobody is on a board yet', async () => {
      await expect(control.tableCard(first!.id).getByRole('heading', { level: 3 })).toHaveText(
        'Tisch 1 – Frauen, Kinderbetreuung, Sprache',
      )
      await expect(control.tableCard(second!.id).getByRole('heading', { level: 3 })).toHaveText(
        'Tisch 2 – Digitalisierung, Umsetzung des Integrationsplans',
      )
      await expect(control.tableStatus(first!.id)).toHaveAttribute('data-state', 'offline')
      await expect(control.tableStatus(first!.id)).toHaveText('Moderation noch nicht am Board')
      expect(await control.presence(first!.id)).toEqual({ moderators: 0, projectors: 0, phones: 0 })
    })

    const moderator = await openBoard(first!.board, { userName: 'Cora' })
    await openOn(first!.projector)
    await openOn(phoneBoardView(first!.id, first!.tokens.participant))
    await openOn(phoneBoardView(first!.id, first!.tokens.participant))
    await openOn(second!.projector)

    await test.step('each role is counted on its own, and the moderator is named', async () => {
      await expect
        .poll(() => control.presence(first!.id))
        .toEqual({ moderators: 1, projectors: 1, phones: 2 })
      await expect(control.tableStatus(first!.id)).toHaveAttribute('data-state', 'online')
      await expect(control.tableStatus(first!.id)).toHaveText('Moderation am Board')
      await expect(control.moderatorNames(first!.id)).toHaveText('Am Board: Cora')
      // A projector alone is no moderator: the second table still has nobody writing.
      await expect
        .poll(() => control.presence(second!.id))
        .toEqual({ moderators: 0, projectors: 1, phones: 0 })
      await expect(control.tableStatus(second!.id)).toHaveAttribute('data-state', 'offline')
      await expect(control.moderatorAlert(first!.id)).toHaveCount(0)
    })

    await test.step('the moderator’s laptop goes away: first “gone”, then an alert that says so', async () => {
      await moderator.page.context().close()
      await expect
        .poll(() => control.presence(first!.id))
        .toEqual({ moderators: 0, projectors: 1, phones: 2 })
      await expect(control.tableStatus(first!.id)).toHaveText('Moderation getrennt')
      // After the grace time (10 s) the alert appears: a role="alert" in words, above the stations.
      const alert = control.moderatorAlert(first!.id)
      await expect(alert).toBeVisible()
      await expect(alert).toContainText(
        /Tisch 1 – Frauen, Kinderbetreuung, Sprache: Das Board der Moderation ist seit \d+ s nicht mehr verbunden\./,
      )
      await expect(control.tableStatus(first!.id)).toHaveAttribute('data-state', 'dropped')
      // Only the table whose moderator was there and left.
      await expect(control.page.getByTestId('moderator-alert')).toHaveCount(1)
    })

    await test.step('the board is back: the alert clears', async () => {
      await openBoard(first!.board)
      await expect(control.moderatorAlert(first!.id)).toHaveCount(0)
      await expect(control.tableStatus(first!.id)).toHaveAttribute('data-state', 'online')
      await expect(control.page.getByTestId('moderator-alerts')).toHaveCount(0)
    })
  })
})
