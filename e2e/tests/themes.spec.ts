import type { CreateEventResponse, ThemesResponse } from '@tablecloth/shared'
import { cafeConfig, organiserAccessOf } from '../fixtures/eventApi'
import { expect, test } from '../fixtures/fixtures'
import { sendPhoneNotes } from '../fixtures/phoneNotes'
import { ThemesPage } from '../fixtures/ThemesPage'

/**
 * Notes on the same themes at different tables, as a day brings them: the
 * plenary looks for what runs across the tables.
 */
const TABLE_NOTES: readonly (readonly string[])[] = [
  ['Kinderbetreuung fehlt', 'Sprachkurse am Abend', 'Wohnungen sind zu teuer'],
  ['Kinderbetreuungsangebote ausbauen', 'Mehr Sprachkurse für Berufstätige'],
  ['Mehr Kinderbetreuung am Nachmittag', 'Bezahlbare Wohnungen fehlen', 'دورات اللغة للأمهات'],
]

async function writeNotes(baseUrl: string, event: CreateEventResponse): Promise<void> {
  for (const [tableIndex, texts] of TABLE_NOTES.entries()) {
    await sendPhoneNotes(
      baseUrl,
      event,
      texts.map((text) => ({ text, column: 0 })),
      tableIndex,
    )
  }
}

async function savedThemes(baseUrl: string, event: CreateEventResponse): Promise<ThemesResponse> {
  const { id, organiserToken } = organiserAccessOf(event.links.control)
  const response = await fetch(new URL(`/api/events/${encodeURIComponent(id)}/themes`, baseUrl), {
    headers: { authorization: `Bearer ${organiserToken}` },
  })
  expect(response.status).toBe(200)
  return (await response.json()) as ThemesResponse
}

test.describe('themes for the plenary', () => {
  test('the organiser gathers, renames, merges, splits, regroups and drops themes; the room reads them', async ({
    api,
    server,
    openControlRoom,
    newContext,
  }) => {
    const event = await api.createEvent(cafeConfig())
    await writeNotes(server.baseUrl, event)

    // From the control room's results panel, the organiser's own link to the themes.
    const controlRoom = await openControlRoom(event.links.control)
    const link = controlRoom.page.getByRole('link', { name: 'Themen fürs Plenum bearbeiten' })
    const [opened] = await Promise.all([
      controlRoom.page.context().waitForEvent('page'),
      link.click(),
    ])
    const themes = new ThemesPage(opened)
    await expect(themes.view).toHaveAttribute('data-editable', 'true')
    await expect(opened.getByTestId('gallery-mode-themes')).toHaveAttribute('aria-pressed', 'true')
    // The token left the address bar; the view stays.
    await expect.poll(() => new URL(opened.url()).hash).toBe('')
    expect(new URL(opened.url()).search).toBe('?view=themes')

    // Suggestions: apart from saved themes, nothing saved until accepted.
    await opened.getByRole('button', { name: 'Vorschläge holen' }).click()
    await expect(themes.suggestion('Kinderbetreuung')).toBeVisible()
    await expect(themes.suggestion('Kinderbetreuung')).toContainText('Vorschlag')
    await expect(themes.suggestion('Sprachkurse')).toBeVisible()
    await expect(themes.suggestion('Wohnungen')).toBeVisible()
    await expect(themes.themes).toHaveCount(0)
    expect((await savedThemes(server.baseUrl, event)).themes).toEqual([])

    for (const title of ['Kinderbetreuung', 'Sprachkurse', 'Wohnungen']) {
      await themes.saved(() =>
        themes.suggestion(title).getByRole('button', { name: 'Übernehmen' }).click(),
      )
    }
    await expect(themes.suggestions).toHaveCount(0)
    expect(await themes.titles()).toEqual(['Kinderbetreuung', 'Sprachkurse', 'Wohnungen'])
    await expect(
      themes.note(themes.theme('Kinderbetreuung'), 'Kinderbetreuung fehlt'),
    ).toContainText('Tisch 1 · Station 1')

    // Rename by keyboard: the button with Enter, the new title, Enter to save.
    await themes.theme('Kinderbetreuung').getByRole('button', { name: 'Umbenennen' }).focus()
    await opened.keyboard.press('Enter')
    const field = themes.theme('Kinderbetreuung').getByTestId('theme-rename-field')
    await expect(field).toBeFocused()
    await opened.keyboard.type('Kinderbetreuung ausbauen')
    await themes.saved(() => opened.keyboard.press('Enter'))
    expect(await themes.titles()).toEqual(['Kinderbetreuung ausbauen', 'Sprachkurse', 'Wohnungen'])

    // Merge two themes: select both, "Zusammenführen".
    await themes.theme('Sprachkurse').getByTestId('theme-select').check()
    await themes.theme('Wohnungen').getByTestId('theme-select').check()
    await themes.saved(() => opened.getByRole('button', { name: 'Zusammenführen (2)' }).click())
    expect(await themes.titles()).toEqual(['Kinderbetreuung ausbauen', 'Sprachkurse'])
    expect(await themes.notesOf(themes.theme('Sprachkurse'))).toHaveLength(4)

    // Split notes off: select them, "Als neues Thema", name it.
    const merged = themes.theme('Sprachkurse')
    await themes.note(merged, 'Wohnungen sind zu teuer').getByTestId('theme-note-select').check()
    await themes
      .note(merged, 'Bezahlbare Wohnungen fehlen')
      .getByTestId('theme-note-select')
      .check()
    await merged.getByRole('button', { name: 'Als neues Thema (2)' }).click()
    const splitField = opened.getByTestId('theme-rename-field')
    await expect(splitField).toBeFocused()
    await opened.keyboard.type('Wohnen')
    await themes.saved(() => opened.keyboard.press('Enter'))
    expect(await themes.contents()).toEqual({
      'Kinderbetreuung ausbauen': ['Kinderbetreuung fehlt', 'Mehr Kinderbetreuung am Nachmittag'],
      Sprachkurse: ['Sprachkurse am Abend', 'Mehr Sprachkurse für Berufstätige'],
      Wohnen: ['Wohnungen sind zu teuer', 'Bezahlbare Wohnungen fehlen'],
    })

    // Drag a note from one theme onto another.
    await themes.saved(() =>
      themes
        .note(themes.theme('Sprachkurse'), 'Mehr Sprachkurse für Berufstätige')
        .dragTo(themes.theme('Kinderbetreuung ausbauen')),
    )
    // And by keyboard: a focused note, Alt+↓ into the next theme.
    await themes.note(themes.theme('Kinderbetreuung ausbauen'), 'Kinderbetreuung fehlt').focus()
    await themes.saved(() => opened.keyboard.press('Alt+ArrowDown'))
    await expect(themes.note(themes.theme('Sprachkurse'), 'Kinderbetreuung fehlt')).toBeFocused()

    // Drop a theme: its notes stand in no theme any more.
    await themes.saved(() =>
      themes.theme('Wohnen').getByRole('button', { name: 'Thema auflösen' }).click(),
    )
    const expected = {
      'Kinderbetreuung ausbauen': [
        'Mehr Kinderbetreuung am Nachmittag',
        'Mehr Sprachkurse für Berufstätige',
      ],
      Sprachkurse: ['Sprachkurse am Abend', 'Kinderbetreuung fehlt'],
    }
    expect(await themes.contents()).toEqual(expected)

    // Everything is on the server: a reload shows it, and so does GET.
    await opened.reload()
    await expect(themes.view).toHaveAttribute('data-editable', 'true')
    await expect(themes.themes).toHaveCount(2)
    expect(await themes.contents()).toEqual(expected)
    const saved = await savedThemes(server.baseUrl, event)
    expect(
      Object.fromEntries(
        saved.themes.map((theme) => [theme.title, theme.notes.map((n) => n.text)]),
      ),
    ).toEqual(expected)

    // The room's screen, with the gallery link: T opens the themes, read-only.
    const viewer = await (await newContext()).newPage()
    await viewer.goto(event.links.gallery)
    await expect(viewer.getByTestId('gallery-grid')).toBeVisible()
    await viewer.keyboard.press('t')
    const room = new ThemesPage(viewer)
    await expect(room.view).toHaveAttribute('data-editable', 'false')
    await expect(room.themes).toHaveCount(2)
    expect(await room.contents()).toEqual(expected)
    await expect(room.view.locator('button, input, select')).toHaveCount(0)
    await expect(room.view.locator('[draggable="true"]')).toHaveCount(0)
    await expect(room.view).toContainText('Nur ansehen')
    // G goes back to the tables.
    await viewer.keyboard.press('g')
    await expect(viewer.getByTestId('gallery-grid')).toBeVisible()
  })
})
