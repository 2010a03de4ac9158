import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Locator } from '@playwright/test'
import { rectCentre, rectContainsPoint } from '@tablecloth/shared'
import { cafeConfig } from '../fixtures/eventApi'
import { expect, test } from '../fixtures/phoneFixtures'
import { ProjectorPage } from '../fixtures/ProjectorPage'
import { repoRoot } from '../fixtures/TableclothServer'

/** Presses Tab until `target` has the focus, as someone without a pointer would. */
async function tabTo(target: Locator, limit = 12): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await isFocused(target)) return
    await target.page().keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${target.toString()}`)
}

function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement)
}

test.describe('participants’ phones', () => {
  test('a note sent from a 360 px phone appears inside its column on the moderator’s board', async ({
    api,
    openBoard,
    openPhone,
  }) => {
    const event = await api.createEvent()
    const table = event.links.tables[0]!
    const board = await openBoard(table.board)
    const phone = await openPhone(table.participant)

    await expect(phone.page.getByRole('heading', { level: 1 })).toHaveText('Sprache')
    await expect(phone.station).toHaveText('Station 1 von 2')
    await expect(phone.questions).toHaveCount(2)
    expect(await phone.scrollsSideways(), 'the page must fit a 360 px screen').toBe(false)
    expect(phone.page.url(), 'the token leaves the address bar').not.toContain('token=')
    // Nobody else's notes on a phone unless the organiser shows the board.
    await expect(
      phone.page.getByRole('link', { name: 'Board dieses Tisches ansehen' }),
    ).toHaveCount(0)

    const text = '„Mehr Kita-Plätze“ – dringend 🚸'
    await phone.sendNote('Wo hakt es?', text)
    await expect(phone.noteField).toHaveValue('')

    await expect.poll(async () => (await board.notes()).map((note) => note.text)).toEqual([text])
    const [note] = await board.notes()
    const column = await board.column(0, 1)
    expect(rectContainsPoint(column.bounds, rectCentre(note!.bounds))).toBe(true)
    expect(note!.stationId).toBe(column.stationId)
  })

  test('with the board shown to participants, the phone opens the table’s board read-only', async ({
    api,
    openBoard,
    openPhone,
  }) => {
    const event = await api.createEvent(cafeConfig({ showBoardToParticipants: true }))
    const table = event.links.tables[0]!
    const board = await openBoard(table.board)
    await board.capture.writeNote('Sprachcafé am Donnerstag')
    const phone = await openPhone(table.participant)

    await phone.page.getByRole('link', { name: 'Board dieses Tisches ansehen' }).click()
    // The projector's room view, at phone sizes: the note whole on a 360 px screen, the questions over it.
    const view = new ProjectorPage(phone.page)
    await expect(view.room).toBeVisible()
    await view.waitForNotes(1)
    const screen = await view.screen()
    expect(screen.cards.map((card) => card.text)).toEqual(['Sprachcafé am Donnerstag'])
    const [card] = screen.cards
    expect(card!.spills).toBe(false)
    expect(card!.box.right).toBeLessThanOrEqual(screen.viewport.width)
    expect(card!.fontPx).toBeGreaterThanOrEqual(14)
    expect(screen.columns.map((column) => column.question)).toEqual([
      'Was läuft gut?',
      'Wo hakt es?',
    ])
    for (const column of screen.columns) expect(column.headingPx).toBeLessThanOrEqual(24)
    // Read-only: no capture bar, no tldraw at all.
    await expect(phone.page.getByRole('textbox', { name: /Notiz für Spalte/ })).toHaveCount(0)
    await expect(view.tldraw).toHaveCount(0)
    expect(phone.page.url(), 'the token leaves the address bar').not.toContain('token=')
  })

  test('works by keyboard alone and says what is wrong, in German or English', async ({
    api,
    openPhone,
  }) => {
    const event = await api.createEvent()
    const phone = await openPhone(event.links.tables[1]!.participant)
    const firstQuestion = phone.questions.first()

    // Sending without a question points at the questions.
    await tabTo(phone.sendButton)
    await phone.page.keyboard.press('Enter')
    await expect(phone.problemMessage).toHaveText(
      'Wähle zuerst die Frage, zu der deine Karte gehört.',
    )
    await expect.poll(() => isFocused(firstQuestion)).toBe(true)

    // Arrow keys choose among the questions; a note over the limit is refused with the count.
    await phone.page.keyboard.press('ArrowDown')
    await expect(phone.page.getByRole('radio', { name: 'Wo hakt es?' })).toBeChecked()
    await tabTo(phone.noteField)
    await phone.page.keyboard.insertText('x'.repeat(503))
    await expect(phone.page.getByText('503 / 500 Zeichen · 3 Zeichen zu viel')).toBeVisible()
    await tabTo(phone.sendButton)
    await phone.page.keyboard.press('Enter')
    await expect(phone.problemMessage).toContainText('Kürze sie bitte um 3 Zeichen')
    await expect.poll(() => isFocused(phone.noteField)).toBe(true)

    await phone.page.keyboard.press('ControlOrMeta+a')
    await phone.page.keyboard.type('Busse fahren abends selten')
    await tabTo(phone.sendButton)
    await phone.page.keyboard.press('Enter')
    await expect(phone.sentMessage).toHaveText('Gesendet – erscheint gleich am Board')

    // Two more at once are fine; the fourth in a row has to wait, and its text stays.
    for (const text of ['Zweite Karte', 'Dritte Karte']) {
      await phone.write(text)
      await phone.sendButton.press('Enter')
      await expect(phone.noteField).toHaveValue('')
    }
    await phone.write('Vierte Karte')
    await phone.sendButton.press('Enter')
    await expect(phone.problemMessage).toHaveText(/Warte bitte \d+ Sekunden/)
    await expect(phone.noteField).toHaveValue('Vierte Karte')

    await phone.page.getByRole('button', { name: 'EN', exact: true }).click()
    await expect(phone.problemMessage).toHaveText(/Please wait \d+ seconds/)
    await expect(phone.page.getByRole('button', { name: 'Send note' })).toBeVisible()
    await expect(phone.page.locator('html')).toHaveAttribute('lang', 'en')
  })

  test('keeps the text while the network is down and adds the note once when it is back', async ({
    api,
    openBoard,
    openPhone,
  }) => {
    const event = await api.createEvent()
    const table = event.links.tables[2]!
    const board = await openBoard(table.board)
    const phone = await openPhone(table.participant)

    await phone.chooseQuestion('Was läuft gut?')
    await phone.write('Nachbarschaftshilfe klappt')
    await phone.page.context().setOffline(true)
    await phone.sendButton.click()
    await expect(phone.problemMessage).toContainText('Keine Verbindung zum Server')
    await expect(phone.noteField).toHaveValue('Nachbarschaftshilfe klappt')

    await phone.page.context().setOffline(false)
    await phone.sendButton.click()
    await expect(phone.sentMessage).toHaveText('Gesendet – erscheint gleich am Board')
    await expect.poll(() => board.noteTexts()).toEqual(['Nachbarschaftshilfe klappt'])
  })

  test('a link without its key, or for another table, says so', async ({ api, openPhone }) => {
    const event = await api.createEvent()
    const [first, second] = event.links.tables
    const bare = new URL(first!.participant)
    bare.hash = ''
    const phone = await openPhone(bare.toString(), { form: false })
    await expect(
      phone.page.getByRole('heading', { name: 'Dieser Link funktioniert nicht' }),
    ).toBeVisible()

    const wrongTable = new URL(first!.participant)
    wrongTable.hash = `token=${second!.tokens.participant}`
    await phone.page.goto(wrongTable.toString())
    await expect(
      phone.page.getByRole('heading', { name: 'Dieser Link funktioniert nicht' }),
    ).toBeVisible()
  })
})

test.describe('the phone page’s weight', () => {
  test('stays under 80 KB of gzipped JavaScript and loads neither tldraw nor Yjs', async () => {
    const clientDir = process.env.CLIENT_DIR || path.join(repoRoot, 'client', 'dist')
    const chunks = phoneChunks(clientDir)
    const sizes = chunks.map((file) => gzipSync(fs.readFileSync(file)).length)
    const total = sizes.reduce((sum, size) => sum + size, 0)
    test.info().annotations.push({ type: 'phone page JS (gzip)', description: `${total} bytes` })
    expect(total).toBeLessThan(80_000)

    // Markers each library's build carries; checked against the board's chunks first, so the
    // check cannot pass just because a marker went missing.
    const markers = ['Yjs was already imported', '@tldraw/editor']
    const all = fs
      .readdirSync(path.join(clientDir, 'assets'))
      .filter((file) => file.endsWith('.js'))
    const everything = all
      .map((file) => fs.readFileSync(path.join(clientDir, 'assets', file), 'utf8'))
      .join('\n')
    const phoneCode = chunks.map((file) => fs.readFileSync(file, 'utf8')).join('\n')
    for (const marker of markers) {
      expect(everything, `the app build should contain ${marker}`).toContain(marker)
      expect(phoneCode, `the phone page must not load ${marker}`).not.toContain(marker)
    }
  })
})

/** Every JS file phone.html loads: its scripts and everything they import statically. */
function phoneChunks(clientDir: string): string[] {
  const html = fs.readFileSync(path.join(clientDir, 'phone.html'), 'utf8')
  const queue = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map(
    (match) => match[1]!,
  )
  const seen = new Set<string>()
  while (queue.length > 0) {
    const file = queue.shift()!
    if (seen.has(file)) continue
    seen.add(file)
    const code = fs.readFileSync(path.join(clientDir, file), 'utf8')
    for (const match of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) {
      queue.push(`assets/${match[1]}`)
    }
  }
  return [...seen].map((file) => path.join(clientDir, file))
}
