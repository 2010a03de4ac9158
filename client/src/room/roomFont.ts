import plexSansMedium from '@tldraw/assets/fonts/IBMPlexSans-Medium.woff2?url'
import plexSansBold from '@tldraw/assets/fonts/IBMPlexSans-Bold.woff2?url'

/**
 * The room's typeface: IBM Plex Sans, the font the board draws its notes in
 * (tldraw's "sans"), from our own build, so the room reads the same letters
 * as the moderator's board and nothing is fetched from elsewhere. Arabic and
 * emoji fall back to the system's fonts.
 */
export const ROOM_FONT_FAMILY = 'Tablecloth Room Sans'

const FACES = [
  { url: plexSansMedium, weight: '500' },
  { url: plexSansBold, weight: '700' },
]

/**
 * Adds the room's font faces to the document (once) and resolves when they
 * have loaded, or failed to: text is measured again then, because until the
 * font is there it is measured and drawn in the fallback font.
 */
export async function loadRoomFont(): Promise<void> {
  if (typeof FontFace === 'undefined' || typeof document === 'undefined' || !document.fonts) return
  const present = [...document.fonts].filter(
    (face) => face.family.replace(/"/g, '') === ROOM_FONT_FAMILY,
  )
  const faces =
    present.length > 0
      ? present
      : FACES.map(({ url, weight }) => {
          const face = new FontFace(ROOM_FONT_FAMILY, `url(${url}) format('woff2')`, { weight })
          document.fonts.add(face)
          return face
        })
  await Promise.all(
    faces.map((face) =>
      face.load().catch((error: unknown) => {
        console.warn('The room font did not load; the system font stands in', error)
      }),
    ),
  )
}
