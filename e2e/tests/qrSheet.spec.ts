import { winnendenTemplate } from '@tablecloth/shared'
import { expect, test } from '../fixtures/fixtures'
import { expectedModules, moduleCount, modulesOf } from '../fixtures/qrModules'

/** A4 in PDF points (1/72 in): 210 × 297 mm. */
const A4 = { width: 595.28, height: 841.89 }

/** The pages of a PDF as Chromium writes it: one `/Type /Page` dictionary each, with its MediaBox. */
function pdfPages(pdf: Buffer): Array<{ width: number; height: number }> {
  const text = pdf.toString('latin1')
  const pages = [...text.matchAll(/\/Type\s*\/Page\b(?!s)/g)]
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map(
    (box) => ({
      width: Number(box[1]),
      height: Number(box[2]),
    }),
  )
  expect(boxes.length, 'every page has its MediaBox').toBe(pages.length)
  return boxes
}

test('„Alle QR-Codes drucken“ prints one A4 page per table with its number, topic and three codes', async ({
  api,
  openControlRoom,
}) => {
  const template = winnendenTemplate()
  const event = await api.createEvent(template)
  const control = await openControlRoom(event.links.control)
  const sheet = await control.openQrSheet()
  const pages = sheet.getByTestId('qr-sheet-page')

  await test.step('one page per table, numbered as in setup, with the topic', async () => {
    await expect(pages).toHaveCount(template.tables.length)
    await expect(pages.getByTestId('qr-sheet-number')).toHaveText(
      template.tables.map((_, index) => `Tisch ${index + 1}`),
    )
    await expect(pages.getByTestId('qr-sheet-topic')).toHaveText(
      template.tables.map((table) => table.topic),
    )
  })

  await test.step('the board, projector and phone codes of each page lead to that table’s links', async () => {
    for (const [index, links] of event.links.tables.entries()) {
      const page = pages.nth(index)
      for (const [kind, link, label] of [
        ['board', links.board, 'Board'],
        ['projector', links.projector, 'Beamer'],
        ['phone', links.participant, 'Handy'],
      ] as const) {
        const figure = page.locator(`figure[data-kind="${kind}"]`)
        await expect(figure.locator('figcaption strong')).toHaveText(label)
        const image = figure.getByRole('img')
        await expect(image).toHaveAccessibleName(
          `QR-Code „${label}“ für Tisch ${index + 1} – ${template.tables[index]!.topic}`,
        )
        expect(await modulesOf(image, moduleCount(link)), `${kind} of table ${index + 1}`).toEqual(
          expectedModules(link),
        )
        // Large on paper: at least 6 cm wide (96 CSS px are one inch).
        const box = await image.boundingBox()
        expect(box!.width).toBeGreaterThanOrEqual((60 / 25.4) * 96)
      }
    }
  })

  await test.step('printed to PDF: exactly one A4 page per table, nothing of the control room', async () => {
    const pdf = await control.page.pdf({ preferCSSPageSize: true, printBackground: true })
    const printed = pdfPages(pdf)
    expect(printed).toHaveLength(template.tables.length)
    for (const page of printed) {
      expect(page.width).toBeCloseTo(A4.width, 0)
      expect(page.height).toBeCloseTo(A4.height, 0)
    }
    await control.page.emulateMedia({ media: 'print' })
    await expect(control.page.locator('main.control-room')).toBeHidden()
    await expect(sheet.getByRole('button', { name: 'Drucken …' })).toBeHidden()
    await control.page.emulateMedia({ media: 'screen' })
  })

  await test.step('Escape closes the sheet and gives the focus back to its button', async () => {
    await control.page.keyboard.press('Escape')
    await expect(sheet).toBeHidden()
    await expect(control.page.getByRole('button', { name: 'Alle QR-Codes drucken' })).toBeFocused()
  })
})
