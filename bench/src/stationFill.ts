import {
  COLUMN_PADDING,
  COLUMN_WIDTH,
  NOTE_FONT,
  NOTE_SIZE,
  NOTE_TEXT_SIZE,
  noteSlot,
  stationFrameId,
  type Station,
} from '@tablecloth/shared'
import { withTimeout } from './abortableWait'
import type { BoardClient } from './BoardClient'
import { newNote, type NoteRecord } from './noteRecord'

/** Notes go to the server in updates of this many, as a busy board sends them. */
const NOTES_PER_UPDATE = 50
const FRAMES_TIMEOUT_MS = 10_000

/** The part of a column frame record the fill reads and grows. */
interface FrameRecord {
  id: string
  type: 'frame'
  props: { h: number }
}

function isFrame(record: unknown): record is FrameRecord {
  const frame = record as Partial<FrameRecord> | undefined
  return frame?.type === 'frame' && typeof frame.props?.h === 'number'
}

/**
 * Fills a station's columns with `count` notes, dealt out column by column,
 * as if the capture bar had pinned them: each in the next grid place of its
 * column, parented to the column's frame, and the frames grown to hold them
 * (the capture bar and the server grow a full column the same way).
 *
 * Frames are written before the notes: a screen that shows every note has
 * then received the frames' final size too. Returns the notes' ids per
 * column, in the order of the column's grid.
 */
export async function fillStation(
  client: BoardClient,
  station: Pick<Station, 'id' | 'columns'>,
  count: number,
  signal: AbortSignal,
): Promise<string[][]> {
  const columns = station.columns.length
  const frameIds = station.columns.map((_, column) => stationFrameId(station.id, column))
  const frames = await withTimeout(
    untilFrames(client, frameIds),
    FRAMES_TIMEOUT_MS,
    `the server did not write the frames of station ${station.id} within ${FRAMES_TIMEOUT_MS} ms`,
    signal,
  )

  const notes: NoteRecord[] = []
  const lowest = new Array<number>(columns).fill(0)
  const ids = station.columns.map((): string[] => [])
  for (let n = 0; n < count; n++) {
    const column = n % columns
    const slot = Math.floor(n / columns)
    // A note parented to a frame is placed relative to that frame.
    const position = noteSlot({ x: 0, y: 0, w: COLUMN_WIDTH, h: 0 }, slot)
    lowest[column] = Math.max(lowest[column]!, position.y + NOTE_SIZE + COLUMN_PADDING)
    const id = `shape:fill-${n}`
    ids[column]!.push(id)
    const note = newNote(id, n, `Idea ${n + 1}`, position, { probe: id, sentAt: 0 })
    // Drawn like the capture bar's notes: its size and font, the text at full size.
    const props = { ...note.props, size: NOTE_TEXT_SIZE, font: NOTE_FONT, fontSizeAdjustment: 1 }
    notes.push({ ...note, parentId: frameIds[column]!, props })
  }

  client.doc.transact(() => {
    frames.forEach((frame, column) => {
      const h = Math.max(frame.props.h, lowest[column]!)
      client.writeRecord({ ...frame, props: { ...frame.props, h } })
    })
  })
  for (let start = 0; start < notes.length; start += NOTES_PER_UPDATE) {
    client.writeAll(notes.slice(start, start + NOTES_PER_UPDATE))
  }
  return ids
}

/** The frames, once the client holds all of them (the server writes them when the board opens). */
function untilFrames(client: BoardClient, ids: string[]): Promise<FrameRecord[]> {
  const read = () => {
    const frames = ids.map((id) => client.record(id))
    return frames.every(isFrame) ? frames : null
  }
  const now = read()
  if (now) return Promise.resolve(now)
  return new Promise((resolve) => {
    const onUpdate = () => {
      const frames = read()
      if (!frames) return
      client.doc.off('afterTransaction', onUpdate)
      resolve(frames)
    }
    client.doc.on('afterTransaction', onUpdate)
  })
}
