/**
 * File and folder names inside the board-image ZIP. Names keep what people
 * wrote (umlauts, „quotes“, emoji, Arabic) and lose only what breaks a path
 * on Windows, macOS or Linux: separators, characters Windows reserves,
 * control and bidi-override characters, and dots, spaces or dashes at either end.
 */

/** Long enough for any real topic; short enough that folder + file stay well under 255 bytes. */
export const MAX_NAME_LENGTH = 60

/** Characters Windows forbids in names, and both path separators. */
const RESERVED = /[<>:"/\\|?*]+/g
/** C0 and C1 controls, and the bidi controls that can make a name read differently than it is. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
const EDGES = /^[\s.-]+|[\s.-]+$/g

/**
 * One path segment made from user text: reserved characters become `-`,
 * runs of white space one space, and the result is at most `maxLength`
 * characters (never splitting an emoji). `fallback` stands in for a name
 * that is empty once cleaned.
 */
export function safeFileName(text: string, fallback: string, maxLength = MAX_NAME_LENGTH): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '-')
    .replace(EDGES, '')
  const cut = Array.from(cleaned).slice(0, maxLength).join('').replace(EDGES, '')
  return cut || fallback
}

/** `01-Sprache`: the table's number (see `tableNumber`), so folders sort as the tables stand. */
export function tableFolderName(tableNumber: number, topic: string): string {
  return `${String(tableNumber).padStart(2, '0')}-${safeFileName(topic, 'Tisch')}`
}

/** `station-1-Station 1`, without extension. */
export function stationFileStem(stationIndex: number, title: string): string {
  return `station-${stationIndex + 1}-${safeFileName(title, 'Station')}`
}

/** `Zukunftswerkstatt Winnenden-Tafelbilder.zip` */
export function zipFileName(eventTitle: string): string {
  return `${safeFileName(eventTitle, 'Tablecloth', 100)}-Tafelbilder.zip`
}
