import type { Page } from '@playwright/test'
import type { CreateEventResponse, ThemesResponse } from '@tablecloth/shared'
import { auditAccessibility } from '../fixtures/accessibilityAudit'
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

/** A fuller day for the room's screen: five themes over three tables, long compounds, Arabic. */
const ROOM_NOTES: readonly (readonly string[])[] = [
  [
    'Kinderbetreuungsangebote während der Integrationskurse ausbauen',
    'Sprachkurse für Fortgeschrittene (B2/C1) fehlen',
    'Kein bezahlbarer Wohnraum in der Innenstadt',
    'Ehrenamtliche sind erschöpft, Nachwuchs fehlt',
    'Busverbindungen in die Teilorte abends ausgedünnt',
  ],
  [
    'Zu wenig Kinderbetreuung während der Kurse',
    'Integrationskurse am Vormittag: für Berufstätige unerreichbar',
    'Mietverträge scheitern an der Schufa-Auskunft',
    'Qualifizierungsmaßnahmen für Ehrenamtliche werden gut angenommen',
    'Abends fährt kein Bus mehr in die Teilorte',
  ],
  [
    'Mehr Kinderbetreuung am Nachmittag',
    'دورات اللغة للأمهات مع رعاية الأطفال',
    'Rassismus auf dem Wohnungsmarkt',
    'Ehrenamtskoordination hat jetzt eine feste Stelle',
  ],
]

async function organiserPut(
  baseUrl: string,
  event: CreateEventResponse,
  body: unknown,
): Promise<void> {
  const { id, organiserToken } = organiserAccessOf(event.links.control)
  const response = await fetch(new URL(`/api/events/${encodeURIComponent(id)}/themes`, baseUrl), {
    method: 'PUT',
    headers: { authorization: `Bearer ${organiserToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(response.status, await response.clone().text()).toBe(200)
}

/** What would make the view hard to read from the back of the room: one line per problem. */
async function unreadable(page: Page, floorPx: number): Promise<string[]> {
  return page.evaluate((floor) => {
    const problems: string[] = []
    const root = document.documentElement
    if (root.scrollWidth > root.clientWidth) problems.push('the page scrolls sideways')
    for (const text of document.querySelectorAll<HTMLElement>(
      '.themes-note__text, .themes-card__title',
    )) {
      const shown = (text.textContent ?? '').replaceAll('\u00AD', '')
      const size = Number.parseFloat(getComputedStyle(text).fontSize)
      if (size < floor) problems.push(`"${shown}" at ${size} px`)
      if (text.scrollWidth > text.clientWidth + 1) problems.push(`"${shown}" is cut at the side`)
    }
    return problems
  }, floorPx)
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
      'Kinderbetreuung ausbauen': [
        'Kinderbetreuung fehlt',
        'Kinderbetreuungsangebote ausbauen',
        'Mehr Kinderbetreuung am Nachmittag',
      ],
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
        'Kinderbetreuungsangebote ausbauen',
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

  test('reads from the back of the room at 1920×1080 and still works at 1366×768', async ({
    api,
    server,
    newContext,
  }, testInfo) => {
    const event = await api.createEvent(cafeConfig())
    const ids: string[][] = []
    for (const [tableIndex, texts] of ROOM_NOTES.entries()) {
      ids.push(
        await sendPhoneNotes(
          server.baseUrl,
          event,
          texts.map((text) => ({ text, column: 0 })),
          tableIndex,
        ),
      )
    }
    const [first, second, third] = ids as [string[], string[], string[]]
    // The bus notes stay unsaved: the organiser's screen gets them as a suggestion.
    await organiserPut(server.baseUrl, event, {
      themes: [
        { title: 'Kinderbetreuung', noteIds: [first[0], second[0], third[0]] },
        { title: 'Sprachkurse', noteIds: [first[1], second[1], third[1]] },
        { title: 'Bezahlbarer Wohnraum', noteIds: [first[2], second[2], third[2]] },
        { title: 'Ehrenamt', noteIds: [first[3], second[3], third[3]] },
      ],
    })
    const { id, organiserToken } = organiserAccessOf(event.links.control)
    const organiserLink = `${server.baseUrl}/e/${id}/gallery?view=themes#token=${organiserToken}`
    const viewerLink = event.links.gallery.replace('/gallery#', '/gallery?view=themes#')

    for (const viewport of [
      { width: 1920, height: 1080, floorPx: 24, scrolls: false },
      { width: 1366, height: 768, floorPx: 17, scrolls: true },
    ]) {
      const size = `${viewport.width}x${viewport.height}`
      const context = await newContext()
      const page = await context.newPage()
      await page.setViewportSize(viewport)

      await page.goto(viewerLink)
      const room = new ThemesPage(page)
      await expect(room.view).toHaveAttribute('data-editable', 'false')
      await expect(room.themes).toHaveCount(4)
      // Hyphenation patterns arrive after the first paint; the long compound then breaks at a syllable.
      await expect
        .poll(() =>
          room.theme('Kinderbetreuung').locator('.themes-note__text').first().textContent(),
        )
        .toContain('\u00AD')
      await expect(
        room.note(room.theme('Sprachkurse'), 'دورات').locator('p[dir="auto"]').first(),
      ).toHaveCSS('direction', 'rtl')
      expect(await unreadable(page, viewport.floorPx), size).toEqual([])
      expect((await auditAccessibility(page, `themes: read-only ${size}`)).blocking).toEqual([])
      if (viewport.scrolls) {
        // The laptop's screen holds fewer themes: the view has the focus, and Page Down scrolls it.
        await expect(room.view).toBeFocused()
        await page.keyboard.press('PageDown')
        await expect.poll(() => room.view.evaluate((view) => view.scrollTop)).toBeGreaterThan(0)
        await room.view.evaluate((view) => view.scrollTo(0, 0))
      }
      const readOnlyShot = testInfo.outputPath(`themes-read-only-${size}.png`)
      await page.screenshot({ path: readOnlyShot })
      await testInfo.attach(`themes-read-only-${size}.png`, {
        path: readOnlyShot,
        contentType: 'image/png',
      })

      // Another tab: the same address with another fragment would not load the page again.
      const organiserPage = await context.newPage()
      await organiserPage.setViewportSize(viewport)
      await organiserPage.goto(organiserLink)
      const editing = new ThemesPage(organiserPage)
      await expect(editing.view).toHaveAttribute('data-editable', 'true')
      await organiserPage.getByRole('button', { name: 'Vorschläge holen' }).click()
      await expect(editing.suggestions).toHaveCount(1)
      await editing.theme('Ehrenamt').getByTestId('theme-select').check()
      await room
        .note(editing.theme('Kinderbetreuung'), 'Mehr Kinderbetreuung')
        .getByTestId('theme-note-select')
        .check()
      expect(await unreadable(organiserPage, viewport.floorPx - 2), size).toEqual([])
      const audit = await auditAccessibility(organiserPage, `themes: editing ${size}`)
      expect(audit.blocking).toEqual([])
      await editing.view.evaluate((view) => view.scrollTo(0, 0))
      const editingShot = testInfo.outputPath(`themes-editing-${size}.png`)
      await organiserPage.screenshot({ path: editingShot })
      await testInfo.attach(`themes-editing-${size}.png`, {
        path: editingShot,
        contentType: 'image/png',
      })
      await context.close()
    }
  })
})
