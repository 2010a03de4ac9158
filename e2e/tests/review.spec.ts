import fs from 'node:fs/promises'
import type { Results } from '@tablecloth/shared'
import { auditAccessibility } from '../fixtures/accessibilityAudit'
import { organiserAccessOf, type OrganiserAccess } from '../fixtures/eventApi'
import { expect, test } from '../fixtures/fixtures'
import { chooseLanguage } from '../fixtures/languageSwitch'

/**
 * What the moderator of "Sprache" writes in station 1: per question, in the
 * order the capture bar pins them. One note names a person: the organiser
 * hides it before publishing. The others carry what CSV must quote (a comma,
 * „quotes“ with "straight" ones, a line break).
 */
const PERSONAL = 'Frau Petra Schulze anrufen'
const WRITTEN = [
  ['Sprachcafé jeden Donnerstag', PERSONAL],
  ['Mehr KiTa-Plätze, „dringend“ und "bald"', 'Kinderbetreuung\nam Abend'],
]
const KEPT = WRITTEN.flat().filter((text) => text !== PERSONAL)

/**
 * The rows of an RFC 4180 CSV file (as the server writes it: UTF-8 with a
 * byte order mark, CRLF, quoted fields with doubled quotes and line breaks
 * inside), as arrays of fields. A field is read character by character, so a
 * comma, quote or line break inside quotes stays part of it.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const input = text.replace(/^\ufeff/, '')
  for (let index = 0; index < input.length; index++) {
    const char = input[index]!
    if (quoted) {
      if (char === '"' && input[index + 1] === '"') {
        field += '"'
        index++
      } else if (char === '"') {
        quoted = false
      } else {
        field += char
      }
    } else if (char === '"' && field === '') {
      quoted = true
    } else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\r' && input[index + 1] === '\n') {
      // The line end is the \n that follows.
    } else if (char === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else {
      field += char
    }
  }
  if (quoted) throw new Error('CSV ends inside a quoted field')
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

/** The CSV as records keyed by the header row. */
function csvRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text)
  if (!header) throw new Error('CSV without a header row')
  return rows.map((row) => {
    expect(row, 'fields per row').toHaveLength(header.length)
    return Object.fromEntries(header.map((name, index) => [name, row[index]!]))
  })
}

/** The note texts of `results.json`, read over the API with the organiser token. */
async function resultTexts(baseUrl: string, event: OrganiserAccess): Promise<string[]> {
  const response = await fetch(new URL(`/api/events/${event.id}/results.json`, baseUrl), {
    headers: { authorization: `Bearer ${event.organiserToken}` },
  })
  expect(response.status).toBe(200)
  const results = (await response.json()) as Results
  return results.tables.flatMap((table) =>
    table.stations.flatMap((station) => [
      ...station.columns.flatMap((column) => column.notes.map((note) => note.text)),
      ...station.unsorted.map((note) => note.text),
    ]),
  )
}

const sorted = (texts: string[]) => [...texts].sort()

test.describe('review before publishing', () => {
  test('the organiser hides a note from the CSV download and shows it again; the board keeps it', async ({
    api,
    server,
    openBoard,
    openControlRoom,
  }) => {
    const event = await api.createEvent()
    const organiser = organiserAccessOf(event.links.control)
    const table = event.links.tables[0]!

    const board = await openBoard(table.board)
    for (const [index, notes] of WRITTEN.entries()) {
      if (index > 0) await board.capture.nextColumn()
      for (const text of notes) await board.capture.writeNote(text)
    }
    await expect
      .poll(() => resultTexts(server.baseUrl, organiser).then(sorted))
      .toEqual(sorted(WRITTEN.flat()))

    const controlRoom = await openControlRoom(event.links.control)
    await expect(controlRoom.hiddenNotes.getByRole('heading')).toHaveText(
      'Ausgeblendete Notizen (0)',
    )
    for (const text of KEPT) await controlRoom.waitForReviewNote(text)

    await controlRoom.hideNote(PERSONAL)
    await expect(controlRoom.hiddenNotes.getByRole('heading')).toHaveText(
      'Ausgeblendete Notizen (1)',
    )
    await expect(controlRoom.hiddenNote(PERSONAL)).toContainText(
      'Sprache · Station 1 · Was läuft gut?',
    )
    await expect(controlRoom.reviewNote(PERSONAL)).toContainText('Ausgeblendet')
    for (const text of KEPT)
      await expect(controlRoom.reviewNote(text)).toHaveAttribute('data-hidden', 'false')

    // The CSV download leaves the hidden note out and keeps every other note intact.
    const download = await controlRoom.downloadResults('csv')
    expect(download.suggestedFilename()).toMatch(/Ergebnisse\.csv$/)
    const records = csvRecords(await fs.readFile(await download.path(), 'utf8'))
    expect(sorted(records.map((record) => record.text!))).toEqual(sorted(KEPT))
    for (const record of records)
      expect(record).toMatchObject({ table: 'Sprache', station: 'Station 1' })
    expect(JSON.stringify(records)).not.toContain('Schulze')
    expect(sorted(await resultTexts(server.baseUrl, organiser))).toEqual(sorted(KEPT))

    // Hidden from the results, not from the board.
    expect(await board.noteTexts()).toContain(PERSONAL)

    await controlRoom.showNoteAgain(PERSONAL)
    await expect(controlRoom.hiddenNotes.getByRole('heading')).toHaveText(
      'Ausgeblendete Notizen (0)',
    )
    expect(sorted(await resultTexts(server.baseUrl, organiser))).toEqual(sorted(WRITTEN.flat()))
    const again = csvRecords(
      await fs.readFile(await (await controlRoom.downloadResults('csv')).path(), 'utf8'),
    )
    expect(sorted(again.map((record) => record.text!))).toEqual(sorted(WRITTEN.flat()))
    expect(await board.noteTexts()).toContain(PERSONAL)
  })

  test('works by keyboard, keeps the focus on the note, passes axe with a hidden note, and speaks English', async ({
    api,
    server,
    openBoard,
    openControlRoom,
  }) => {
    const event = await api.createEvent()
    const organiser = organiserAccessOf(event.links.control)
    const board = await openBoard(event.links.tables[1]!.board)
    for (const text of ['WLAN in allen Unterkünften', PERSONAL]) await board.capture.writeNote(text)
    await expect
      .poll(() => resultTexts(server.baseUrl, organiser).then((texts) => texts.length))
      .toBe(2)

    const controlRoom = await openControlRoom(event.links.control)
    const page = controlRoom.page
    const entry = await controlRoom.waitForReviewNote(PERSONAL)

    // Enter on the focused button hides the note; the focus stays on the same
    // button, which now offers to show it again.
    const toggle = entry.getByRole('button')
    await toggle.focus()
    await expect(toggle).toHaveText('Ausblenden')
    await page.keyboard.press('Enter')
    await expect(entry).toHaveAttribute('data-hidden', 'true')
    await expect(toggle).toHaveText('Wieder zeigen')
    await expect(toggle).toBeFocused()
    await expect(
      controlRoom.resultsPanel.getByRole('status').filter({ hasText: 'ausgeblendet' }),
    ).toHaveText(`„${PERSONAL}“ ist ausgeblendet und fehlt in den Ergebnissen.`)
    const ring = await toggle.evaluate((element) => getComputedStyle(element).outlineStyle)
    expect(ring, 'focus ring on the focused toggle').not.toBe('none')

    // The panel with a note hidden, its mark and the hidden list: no serious or critical findings.
    const audit = await auditAccessibility(page, 'control room: results panel with a hidden note', {
      include: ['[data-testid="results-panel"]'],
    })
    expect(audit.blocking).toEqual([])

    await page.keyboard.press(' ')
    await expect(entry).toHaveAttribute('data-hidden', 'false')
    await expect(toggle).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(entry).toHaveAttribute('data-hidden', 'true')

    // In English the panel, and the documents it downloads, speak English.
    await chooseLanguage(page, 'en')
    await expect(controlRoom.resultsPanel.getByRole('heading', { level: 2 })).toHaveText('Results')
    await expect(controlRoom.hiddenNotes.getByRole('heading')).toHaveText('Hidden notes (1)')
    await expect(entry.getByRole('button')).toHaveText('Show again')
    const markdown = await controlRoom.downloadResults('md')
    expect(markdown.suggestedFilename()).toMatch(/ – Results\.md$/)
    const text = await fs.readFile(await markdown.path(), 'utf8')
    expect(text).toContain('WLAN in allen Unterkünften')
    expect(text).not.toContain(PERSONAL)
    expect(await board.noteTexts()).toContain(PERSONAL)
  })
})
