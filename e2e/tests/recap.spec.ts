import fs from 'node:fs'
import { WHAT_WORKS, WHERE_IT_STICKS } from '@tablecloth/shared/testing'
import type { Page } from '@playwright/test'
import { auditAccessibility } from '../fixtures/accessibilityAudit'
import { clusterAndDots, sendNote } from '../fixtures/cafeTable'
import { giveDots } from '../fixtures/dotVotes'
import { cafeConfig, nextStation } from '../fixtures/eventApi'
import { expect, test } from '../fixtures/fixtures'
import { ProjectorPage } from '../fixtures/ProjectorPage'
import { RecapOverlay } from '../fixtures/RecapOverlay'

/** Three stations, so that the third one has two earlier ones to recap. */
const STATIONS = [
  { title: 'Bestandsaufnahme', columns: ['Was läuft gut?', 'Wo hakt es?'], durationMinutes: 40 },
  { title: 'Ziele', columns: ['Was brauchen wir?'], durationMinutes: 30 },
  { title: 'Maßnahmen', columns: ['Was tun wir als Nächstes?'], durationMinutes: 30 },
]

/** The heading the moderator gave three of station 1's notes. */
const CLUSTER = {
  id: 'cluster:sprache',
  heading: 'Sprache',
  texts: [WHAT_WORKS[0]!, WHAT_WORKS[7]!, WHAT_WORKS[8]!],
}

/** Station 2's notes: the moderator's, and one from a participant's phone. */
const STATION_2 = [WHERE_IT_STICKS[0]!, WHERE_IT_STICKS[2]!, WHERE_IT_STICKS[7]!]
const STATION_2_PHONE = 'Kinderbetreuungsangebote während der Qualifizierungsmaßnahmen fehlen'

async function keep(page: Page, name: string, path: string): Promise<void> {
  await page.screenshot({ path })
  if (process.env.SCREENSHOT_DIR) fs.copyFileSync(path, `${process.env.SCREENSHOT_DIR}/${name}`)
}

test.describe('the host’s recap', () => {
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1366, height: 768 },
  ]) {
    test(`at station 3 the moderator opens „Was vor euch geschah“ by mouse and key, ${viewport.width}×${viewport.height}`, async ({
      api,
      server,
      openBoard,
      newContext,
    }, testInfo) => {
      const size = `${viewport.width}x${viewport.height}`
      const event = await api.createEvent(cafeConfig({ stations: STATIONS }))
      const table = event.links.tables[0]!
      const send = (column: number, text: string, token = table.tokens.moderator) =>
        sendNote(server.baseUrl, event, table, token, column, text)

      // Station 1: eight notes in "Was läuft gut?" and one from a phone, two in "Wo hakt es?".
      const station1: string[] = []
      for (const text of WHAT_WORKS.slice(0, 8)) station1.push(await send(0, text))
      station1.push(await send(0, WHAT_WORKS[8]!, table.tokens.participant))
      for (const text of WHERE_IT_STICKS.slice(3, 5)) station1.push(await send(1, text))
      const board = await openBoard(table.board)
      await board.page.setViewportSize(viewport)
      const recap = new RecapOverlay(board.page)
      // No recap before there is an earlier station.
      await expect(board.stationTitle).toHaveText(/^Station 1 von 3/)
      await expect(recap.button).toHaveCount(0)
      // The cluster gathers 1 + 1 = 2 dots; one single note has 3, one 1.
      await clusterAndDots(board, CLUSTER, {
        [WHAT_WORKS[0]!]: 1,
        [WHAT_WORKS[7]!]: 1,
        [WHAT_WORKS[3]!]: 3,
        [WHAT_WORKS[5]!]: 1,
      })

      // Station 2: three notes and a phone note; the group gives one of them 2 dots.
      await nextStation(server.baseUrl, event, 0)
      await expect(board.stationTitle).toHaveText(/^Station 2 von 3/)
      const station2: string[] = []
      for (const text of STATION_2) station2.push(await send(0, text))
      station2.push(await send(0, STATION_2_PHONE, table.tokens.participant))
      await expect.poll(() => board.noteTexts()).toContain(STATION_2_PHONE)
      await giveDots(board.page, STATION_2[2]!, 2)

      // Station 3: a new group sits down.
      await nextStation(server.baseUrl, event, 1)
      await expect(board.stationTitle).toHaveText(/^Station 3 von 3/)
      await expect(recap.button).toContainText('Was vor euch geschah')
      await expect(recap.button).toContainText('Alt+R')
      await expect(recap.button).toHaveAttribute('data-fresh', 'true')
      const barAudit = await auditAccessibility(board.page, `recap button ${size}`, {
        include: ['[data-testid="station-bar"]'],
      })
      expect(barAudit.blocking).toEqual([])

      // The table's projector, a window of its own on the laptop's second screen.
      const projector =
        viewport.width === 1920
          ? await ProjectorPage.openIn(await newContext(), table.projector)
          : null
      const mirror = projector?.page.getByTestId('recap-mirror')
      if (mirror) await expect(mirror).toHaveCount(0)

      // By mouse: the group that just left comes first, every line of it new, most dots first.
      await recap.button.click()
      await expect(recap.dialog).toBeVisible()
      await expect(recap.station).toContainText('Station 2 von 3: Ziele')
      const latest = await recap.lines()
      expect(latest.map((line) => line.text)).toEqual([
        STATION_2[2],
        STATION_2[0],
        STATION_2[1],
        STATION_2_PHONE,
      ])
      expect(latest.map((line) => line.isNew)).toEqual([true, true, true, true])
      expect(latest[0]!.votes).toBe(2)
      await expect(recap.dialog.getByTestId('recap-new').first()).toHaveText('neu')
      await keep(board.page, `recap-${size}.png`, testInfo.outputPath(`recap-${size}.png`))
      const audit = await auditAccessibility(board.page, `recap ${size}`, {
        include: ['[data-testid="recap-dialog"]'],
      })
      expect(audit.blocking).toEqual([])

      if (projector && mirror) {
        // The projector shows the same page while the recap is open.
        await projector.page.setViewportSize(viewport)
        await expect(mirror.getByTestId('recap-station')).toContainText('Station 2 von 3: Ziele')
        await expect(mirror.getByTestId('recap-item').first()).toContainText('neu')
        await keep(
          projector.page,
          'recap-projector.png',
          testInfo.outputPath('recap-projector.png'),
        )
      }

      // ← goes back to station 1: nothing new there, the cluster folded to its heading.
      await board.page.keyboard.press('ArrowLeft')
      await expect(recap.station).toContainText('Station 1 von 3: Bestandsaufnahme')
      const earliest = await recap.lines()
      expect(earliest.slice(0, 3)).toEqual([
        { kind: 'note', text: WHAT_WORKS[3], votes: 3, isNew: false, count: null },
        { kind: 'cluster', text: 'Sprache', votes: 2, isNew: false, count: '3 Karten' },
        { kind: 'note', text: WHAT_WORKS[5], votes: 1, isNew: false, count: null },
      ])
      // Eight notes and the phone's, three of them in the cluster: seven lines.
      expect(earliest).toHaveLength(7)
      expect(earliest.some((line) => CLUSTER.texts.slice(1).includes(line.text))).toBe(false)
      expect((await recap.lines(1)).map((line) => line.text)).toEqual(WHERE_IT_STICKS.slice(3, 5))
      await expect(recap.dialog.getByTestId('recap-new')).toHaveCount(0)
      await keep(
        board.page,
        `recap-earlier-${size}.png`,
        testInfo.outputPath(`recap-earlier-${size}.png`),
      )

      if (mirror) {
        await expect(mirror.getByTestId('recap-station')).toContainText('Station 1 von 3')
      }

      // Esc closes, and the moderator types on at once.
      await board.page.keyboard.press('Escape')
      await expect(recap.dialog).toHaveCount(0)
      await expect(board.capture.field).toBeFocused()
      if (mirror) await expect(mirror).toHaveCount(0)
      await board.page.keyboard.type('Sprachkursplätze verdoppeln')
      await board.page.keyboard.press('Enter')
      await expect.poll(() => board.noteTexts()).toContain('Sprachkursplätze verdoppeln')

      // By key, from the capture field: Alt+R opens it, Esc closes it, typing goes on.
      await board.capture.field.focus()
      await board.page.keyboard.press('Alt+r')
      await expect(recap.dialog).toBeVisible()
      await expect(recap.station).toContainText('Station 2 von 3')
      await board.page.keyboard.press('Escape')
      await expect(recap.dialog).toHaveCount(0)
      await expect(board.capture.field).toBeFocused()
      await board.capture.writeNote('Elternabende mehrsprachig')
      await expect.poll(() => board.noteTexts()).toContain('Elternabende mehrsprachig')

      // The board marks station 2's notes „neu“ and station 1's not.
      await board.lookBackAt(2)
      await expect.poll(() => recap.markedNotes()).toEqual([...station2].sort())
      await expect(recap.marks.first()).toHaveText('neu')
      await keep(board.page, `board-new-${size}.png`, testInfo.outputPath(`board-new-${size}.png`))
      // The whole board in view: station 2's notes are the only ones marked, none of station 1's.
      await board.page.evaluate(() => {
        const editor = window.__tablecloth!.editor as unknown as {
          zoomToFit(options: { immediate: boolean }): unknown
        }
        editor.zoomToFit({ immediate: true })
      })
      await expect.poll(() => recap.markedNotes()).toEqual([...station2].sort())
    })
  }
})
