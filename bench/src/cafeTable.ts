import {
  noteRecordJson,
  placeNoteInColumn,
  plainToRichText,
  readBoardContents,
  stationFrameId,
  type Station,
} from '@tablecloth/shared'
import { WHAT_WORKS, WHERE_IT_STICKS } from '@tablecloth/shared/testing'
import type { BoardClient } from './BoardClient'

/** The cluster the café table forms in its first column, named by a heading on the board. */
export const CAFE_CLUSTER = {
  id: 'cluster:bench-sprache',
  heading: 'Sprachkurse',
  notes: 3,
} as const

/** Which notes (0-based, in writing order per column) carry dots, and how many. */
function votesFor(column: number, n: number): number {
  return (n + column) % 5 === 1 ? 1 + ((n * 7) % 6) : 0
}

const TEXTS = [WHAT_WORKS, WHERE_IT_STICKS]

/**
 * Writes a table's notes as a moderator's board would have placed them: each
 * in its column's first free place (`placeNoteInColumn`, as the capture bar
 * and the server's phone notes place them), the column frame grown when it
 * fills, texts in the style of the reference day, dots on some, and in the
 * first column one cluster of three notes under a heading. Fills each
 * column of `station` up to `perColumn` notes, counting what is there
 * (phone notes included); returns how many it wrote.
 */
export function fillCafeTable(client: BoardClient, station: Station, perColumn: number): number {
  let written = 0
  client.doc.transact(() => {
    for (let column = 0; column < station.columns.length; column++) {
      const frameId = stationFrameId(station.id, column)
      let count = notesIn(client, station, column)
      while (count < perColumn) {
        const contents = readBoardContents(records(client))
        const area = contents.columns.find(
          (candidate) => candidate.stationId === station.id && candidate.columnIndex === column,
        )
        if (!area) throw new Error(`the board has no frame for column ${column} of ${station.id}`)
        const occupied = [...contents.notes, ...contents.clusterHeadings].map((item) => item.bounds)
        const placement = placeNoteInColumn(area.bounds, occupied)
        const frame = client.record(frameId) as { id: string; props: { h: number } }
        if (placement.columnHeight > frame.props.h) {
          client.writeRecord({ ...frame, props: { ...frame.props, h: placement.columnHeight } })
        }
        const texts = TEXTS[column % TEXTS.length]!
        const text = texts[count % texts.length]!
        const clustered = column === 0 && count >= 3 && count < 3 + CAFE_CLUSTER.notes
        const votes = votesFor(column, count)
        const id = `shape:cafe-${column}-${count}`
        const note = noteRecordJson({
          id,
          parentId: 'page:page',
          ...placement.position,
          index: indexKey(column * 100 + count),
          text,
          meta: {
            stationId: station.id,
            via: 'board',
            ...(votes > 0 && { votes }),
            ...(clustered && { clusterId: CAFE_CLUSTER.id }),
          },
        })
        client.writeRecord(note)
        if (clustered && count === 3) writeClusterHeading(client, placement.position)
        count++
        written++
      }
    }
  })
  return written
}

/** The notes the board holds in one column of the station. */
export function notesIn(client: BoardClient, station: Station, column: number): number {
  const contents = readBoardContents(records(client))
  const frame = contents.columns.find(
    (candidate) => candidate.stationId === station.id && candidate.columnIndex === column,
  )
  if (!frame) return 0
  return contents.notes.filter((note) => {
    const x = note.bounds.x + note.bounds.w / 2
    const y = note.bounds.y + note.bounds.h / 2
    const b = frame.bounds
    return x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h
  }).length
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** A fractional index key for the n-th note: `b` and two base-62 digits, above the frames' `a…`. */
function indexKey(n: number): string {
  return `b${DIGITS[Math.floor(n / 62) % 62]}${DIGITS[n % 62]}`
}

function records(client: BoardClient): unknown[] {
  return [...client.records.map.values()].map((entry) => entry.val)
}

/** A cluster's heading as the moderator's board writes it: a text shape naming the cluster. */
function writeClusterHeading(client: BoardClient, near: { x: number; y: number }): void {
  client.writeRecord({
    id: 'shape:cafe-cluster-heading',
    typeName: 'shape',
    type: 'text',
    x: near.x,
    y: near.y - 60,
    rotation: 0,
    index: 'bzz',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: { tablecloth: 'clusterHeading', clusterId: CAFE_CLUSTER.id },
    props: {
      color: 'black',
      size: 'm',
      font: 'sans',
      textAlign: 'start',
      w: 400,
      richText: plainToRichText(CAFE_CLUSTER.heading),
      scale: 1,
      autoSize: false,
    },
  })
}
