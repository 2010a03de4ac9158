import {
  tableNumber,
  type EventConfig,
  type SnapshotSummary,
  type Station,
  type Table,
} from '@tablecloth/shared'
import { stationFileStem, tableFolderName } from './fileNames'

/**
 * Where an image is drawn from: a stored snapshot, or the board as it is
 * while the images are made (read from the server when the table's turn comes).
 */
export type ImageSource = { kind: 'snapshot'; snapshot: SnapshotSummary } | { kind: 'live' }

/** One table at one station: the image to draw, and the board state it is drawn from. */
export interface PlannedImage {
  /** The table's number as the room knows it (see `tableNumber`). */
  tableNumber: number
  table: Table
  stationIndex: number
  station: Station
  /** `ended`: the day has moved past the station; `running`: it is the current one. */
  stage: 'ended' | 'running'
  source: ImageSource
  /** `01-Sprache` */
  folder: string
  /** `station-1-Station 1`, the name of both the SVG and the PNG without extension. */
  stem: string
}

/**
 * Which board state shows each table at each station that has started, read
 * as the results read them: an ended station from the snapshot taken when it
 * ended (reason `station-change`, the latest one for that table and station),
 * so later edits do not change what the station produced; the running
 * station from the live board, with every note written up to the download.
 * An ended station whose snapshot is missing is drawn from the live board too,
 * which still holds its band. Stations that have not started are left out.
 * Tables and stations follow the event's order.
 */
export function planBoardImages(
  config: Pick<EventConfig, 'tables' | 'stations'>,
  currentStation: number,
  snapshots: readonly SnapshotSummary[],
): PlannedImage[] {
  const plan: PlannedImage[] = []
  const started = config.stations.slice(0, currentStation + 1)
  for (const table of config.tables) {
    const number = tableNumber(config, table.id)
    started.forEach((station, stationIndex) => {
      const stage = stationIndex < currentStation ? 'ended' : 'running'
      const ended =
        stage === 'ended'
          ? latest(
              snapshots.filter(
                (snapshot) =>
                  snapshot.tableId === table.id &&
                  snapshot.stationIndex === stationIndex &&
                  snapshot.reason === 'station-change',
              ),
            )
          : null
      plan.push({
        tableNumber: number,
        table,
        stationIndex,
        station,
        stage,
        source: ended ? { kind: 'snapshot', snapshot: ended } : { kind: 'live' },
        folder: tableFolderName(number, table.topic),
        stem: stationFileStem(stationIndex, station.title),
      })
    })
  }
  return plan
}

/** The latest by time; of equal times the one listed last, as the server lists them in order. */
function latest(snapshots: readonly SnapshotSummary[]): SnapshotSummary | null {
  let found: SnapshotSummary | null = null
  for (const snapshot of snapshots) {
    if (!found || Date.parse(snapshot.createdAt) >= Date.parse(found.createdAt)) found = snapshot
  }
  return found
}
