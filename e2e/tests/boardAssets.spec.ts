import { expect, test } from '../fixtures/fixtures'

test('the board draws its icons and fonts from our own server', async ({
  api,
  openBoard,
  originGuard,
}) => {
  const event = await api.createEvent()
  const link = event.links.tables[0]?.board
  if (!link) throw new Error('The event has no tables')
  const board = await openBoard(link)
  const page = board.page
  // tldraw's toolbar and menus, with their icons, show in the drawing view.
  await board.showDrawingTools()

  // tldraw paints each UI icon as a CSS mask image.
  const icons = page.locator('.tlui-icon')
  await expect(icons.first()).toBeVisible()
  const iconUrls = await icons.evaluateAll((elements) =>
    elements.map((element) => {
      const style = getComputedStyle(element)
      const mask =
        style.maskImage && style.maskImage !== 'none' ? style.maskImage : style.webkitMaskImage
      return /url\("?([^")]+)"?\)/.exec(mask)?.[1] ?? `no mask image: ${mask}`
    }),
  )
  expect(iconUrls.length, 'icons in the editor UI').toBeGreaterThanOrEqual(3)
  expect(
    iconUrls.filter((url) => !URL.canParse(url) || !originGuard.isOwn(url)),
    'icons from elsewhere',
  ).toEqual([])

  // Every distinct icon file actually arrives and decodes.
  const unloadable = await page.evaluate(async (urls) => {
    const failed: string[] = []
    for (const url of new Set(urls)) {
      const image = new Image()
      image.src = url
      await image.decode().catch(() => failed.push(url))
    }
    return failed
  }, iconUrls)
  expect(unloadable, 'icons that did not load').toEqual([])

  // A note needs tldraw's hand-drawn font; it must load from here too.
  await board.addNote('Schrift vom eigenen Server', 0, 0)
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.fonts]
          .filter((font) => font.family.includes('tldraw_draw'))
          .map((font) => font.status),
      ),
    )
    .toContain('loaded')
  const brokenFonts = await page.evaluate(() =>
    [...document.fonts].filter((font) => font.status === 'error').map((font) => font.family),
  )
  expect(brokenFonts, 'fonts that failed to load').toEqual([])

  expect(originGuard.failures, 'failed requests').toEqual([])
  expect(originGuard.badResponses, 'error responses').toEqual([])
})
