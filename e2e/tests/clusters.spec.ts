import { rectsOverlap, type Results } from '@tablecloth/shared'
import type { BoardPage } from '../fixtures/BoardPage'
import {
  clusterHeadings,
  clusterIds,
  dragTo,
  editingShape,
  screenCentre,
} from '../fixtures/clusterBoard'
import { organiserAccessOf } from '../fixtures/eventApi'
import { expect, test } from '../fixtures/fixtures'
import { ProjectorPage } from '../fixtures/ProjectorPage'

test.use({ viewport: { width: 1920, height: 1080 } })

/** The first column of station 1 as the results export lists it: [text, cluster heading]. */
async function harvestedFirstColumn(
  baseUrl: string,
  event: { id: string; links: { control: string } },
): Promise<Array<[string, string | undefined]>> {
  const { organiserToken } = organiserAccessOf(event.links.control)
  const response = await fetch(new URL(`/api/events/${event.id}/results.json`, baseUrl), {
    headers: { authorization: `Bearer ${organiserToken}` },
  })
  expect(response.status).toBe(200)
  const results = (await response.json()) as Results
  const notes = results.tables[0]!.stations[0]!.columns[0]!.notes
  return notes.map((note) => [note.text, note.cluster])
}

/** Notes and headings on the board cover nothing of each other. */
async function expectNothingCovered(board: BoardPage): Promise<void> {
  const rects = [
    ...(await board.notes()).map((note) => ({ label: note.text, bounds: note.bounds })),
    ...(await clusterHeadings(board)).map((h) => ({
      label: `heading ${h.clusterId}`,
      bounds: h.bounds,
    })),
  ]
  for (const [index, a] of rects.entries()) {
    for (const b of rects.slice(index + 1)) {
      expect(rectsOverlap(a.bounds, b.bounds), `${a.label} / ${b.label}`).toBe(false)
    }
  }
}

async function noteId(board: BoardPage, text: string): Promise<string> {
  const note = (await board.notes()).find((candidate) => candidate.text === text)
  if (!note) throw new Error(`No note reads ${JSON.stringify(text)}`)
  return note.id
}

/**
 * Names a new cluster as the moderator does: the heading opens with its
 * placeholder selected, so typing replaces it. Then leaves the heading.
 */
async function nameHeading(board: BoardPage, heading: string): Promise<void> {
  const editor = board.page.locator('.ProseMirror[contenteditable="true"]')
  await expect(editor).toBeFocused()
  await expect
    .poll(() => board.page.evaluate(() => window.getSelection()?.toString()))
    .toBe('Überschrift')
  await board.page.keyboard.type(heading)
  await expect(editor).toHaveText(heading)
  await board.page.keyboard.press('Escape')
  await expect.poll(() => editingShape(board)).toBeNull()
}

test.describe('clusters', () => {
  test('a note dropped onto another forms a cluster under a heading the moderator names; results list it', async ({
    api,
    server,
    openBoard,
    newContext,
  }) => {
    const event = await api.createEvent()
    const links = event.links.tables[0]!
    const board = await openBoard(links.board)
    for (const text of ['Sprachcafé', 'B1-Kurse', 'Ehrenamt', 'Deutsch für Mütter']) {
      await board.capture.writeNote(text)
    }
    await expect.poll(async () => (await board.notes()).length).toBe(4)
    const mothers = await noteId(board, 'Deutsch für Mütter')
    const courses = await noteId(board, 'B1-Kurse')

    await dragTo(board, mothers, await screenCentre(board, courses))

    // The new heading opens for typing straight away.
    await expect.poll(async () => (await clusterHeadings(board)).length).toBe(1)
    const [heading] = await clusterHeadings(board)
    await expect.poll(() => editingShape(board)).toBe(heading!.id)
    await nameHeading(board, '„Sprachkurse“ für alle')

    const clusters = await clusterIds(board)
    expect(clusters[mothers]).toBe(heading!.clusterId)
    expect(clusters[courses]).toBe(heading!.clusterId)
    await expectNothingCovered(board)
    const headingBox = (await clusterHeadings(board))[0]!.bounds
    for (const id of [mothers, courses]) {
      const note = (await board.notes()).find((n) => n.id === id)!
      expect(note.bounds.y, 'cluster notes stand under their heading').toBeGreaterThanOrEqual(
        headingBox.y + headingBox.h,
      )
    }

    const harvest = await harvestedFirstColumn(server.baseUrl, event)
    expect(harvest[0]).toEqual(['Sprachcafé', undefined])
    expect(harvest.slice(1, 3).sort()).toEqual([
      ['B1-Kurse', '„Sprachkurse“ für alle'],
      ['Deutsch für Mütter', '„Sprachkurse“ für alle'],
    ])
    expect(harvest[3]).toEqual(['Ehrenamt', undefined])

    // The projector shows the cluster as one box: its heading over its two notes.
    const projector = await ProjectorPage.openIn(await newContext(), links.projector)
    const cluster = projector.room.getByTestId('room-cluster')
    await expect(cluster).toHaveCount(1)
    await expect
      .poll(async () =>
        (await cluster.getByTestId('room-cluster-heading').textContent())?.replaceAll('\u00AD', ''),
      )
      .toBe('„Sprachkurse“ für alle')
    await expect(cluster.getByTestId('room-note')).toHaveCount(2)
  })

  test('grouping by selection and button or Ctrl+G, joining by drop, leaving by Ctrl+Shift+G and by dragging out', async ({
    api,
    server,
    openBoard,
  }) => {
    const event = await api.createEvent()
    const board = await openBoard(event.links.tables[0]!.board)
    const texts = ['Vereine', 'Feuerwehr', 'Kochabend', 'Chor', 'Bus fährt selten']
    for (const text of texts) await board.capture.writeNote(text)
    await expect.poll(async () => (await board.notes()).length).toBe(5)
    const [clubs, brigade, cooking, choir, bus] = await Promise.all(
      texts.map((t) => noteId(board, t)),
    )

    // Select two notes with the mouse (Shift adds to the selection), then the button under them.
    const at = async (id: string) => screenCentre(board, id)
    await board.page.mouse.click((await at(clubs!)).x, (await at(clubs!)).y)
    await board.page.keyboard.down('Shift')
    await board.page.mouse.click((await at(brigade!)).x, (await at(brigade!)).y)
    await board.page.keyboard.up('Shift')
    const button = board.page.getByTestId('cluster-button')
    await expect(button).toHaveText('Gruppieren')
    await button.click()
    await nameHeading(board, 'Ehrenamt')
    const [ehrenamt] = await clusterHeadings(board)
    expect((await clusterIds(board))[clubs!]).toBe(ehrenamt!.clusterId)
    expect((await clusterIds(board))[brigade!]).toBe(ehrenamt!.clusterId)

    // Ctrl+G on a single note groups nothing: no cluster of one, no heading, no tldraw group.
    await board.page.mouse.click((await at(cooking!)).x, (await at(cooking!)).y)
    await board.page.keyboard.press('ControlOrMeta+g')
    await expect(board.page.getByTestId('cluster-button')).toHaveCount(0)
    expect((await clusterIds(board))[cooking!]).toBeUndefined()
    expect(await clusterHeadings(board)).toHaveLength(1)
    expect(
      await board.page.evaluate(() =>
        window.__tablecloth!.editor.getCurrentPageShapes().some((s) => s.type === 'group'),
      ),
    ).toBe(false)

    // Dropping a note onto another makes a second cluster of the two.
    await dragTo(board, choir!, await screenCentre(board, cooking!))
    await nameHeading(board, 'Kultur')
    await expect.poll(async () => (await clusterHeadings(board)).length).toBe(2)
    const kultur = (await clusterHeadings(board)).find((h) => h.clusterId !== ehrenamt!.clusterId)!
    await expect.poll(async () => (await clusterIds(board))[choir!]).toBe(kultur.clusterId)
    expect((await clusterIds(board))[cooking!]).toBe(kultur.clusterId)
    await expectNothingCovered(board)

    // Ctrl+Shift+G takes the selected note out again.
    await board.page.mouse.click((await at(brigade!)).x, (await at(brigade!)).y)
    await board.page.keyboard.press('ControlOrMeta+Shift+g')
    await expect.poll(async () => (await clusterIds(board))[brigade!]).toBeUndefined()

    // Dragging the only note of Ehrenamt far out of it dissolves that cluster and its heading.
    const free = await at(bus!)
    await dragTo(board, clubs!, { x: free.x, y: free.y + 150 })
    await expect.poll(async () => (await clusterIds(board))[clubs!]).toBeUndefined()
    await expect
      .poll(async () => (await clusterHeadings(board)).map((h) => h.clusterId))
      .toEqual([kultur.clusterId])
    await expectNothingCovered(board)

    const harvest = await harvestedFirstColumn(server.baseUrl, event)
    expect(
      harvest
        .filter(([, cluster]) => cluster === 'Kultur')
        .map(([text]) => text)
        .sort(),
    ).toEqual(['Chor', 'Kochabend'])
    expect(
      harvest
        .filter(([, cluster]) => cluster === undefined)
        .map(([text]) => text)
        .sort(),
    ).toEqual(['Bus fährt selten', 'Feuerwehr', 'Vereine'])
  })
})
