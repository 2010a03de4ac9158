import { isTimerFinished, type EventOverview, type TimerState } from '@tablecloth/shared'

/**
 * How long a table's moderator board may be gone before the control room
 * raises the alarm. A reload, a laptop waking up or a short Wi-Fi hiccup
 * reconnects well within it; a closed lid or a dead battery does not.
 */
export const MODERATOR_DROP_GRACE_MS = 10_000

/** What the control room remembers about one table's moderator board. */
export interface ModeratorWatch {
  /** A moderator's board has been connected at some point since the control room opened. */
  seen: boolean
  /** When the last moderator's board left (control-room clock); null while one is connected. */
  goneSince: number | null
}

export type ModeratorWatches = Readonly<Record<string, ModeratorWatch>>

/** A table whose moderator board has been gone longer than the grace time. */
export interface ModeratorDrop {
  tableId: string
  goneSince: number
}

/**
 * Follows every table's moderator boards from one overview to the next.
 * `now` is when the overview arrived, on this device's clock: the control
 * room only compares its own times.
 */
export function watchModerators(
  previous: ModeratorWatches,
  overview: EventOverview,
  now: number,
): Record<string, ModeratorWatch> {
  const next: Record<string, ModeratorWatch> = {}
  for (const table of overview.tables) {
    const before = previous[table.id] ?? { seen: false, goneSince: null }
    if (table.presence.moderators > 0) {
      next[table.id] = { seen: true, goneSince: null }
    } else {
      // Gone since the first overview that found nobody; a board never opened is not "gone".
      next[table.id] = {
        seen: before.seen,
        goneSince: before.seen ? (before.goneSince ?? now) : null,
      }
    }
  }
  return next
}

/**
 * The tables to alert about: their moderator board was connected, has been
 * gone for more than the grace time, and the station is still on. Once the
 * station's time is up, closing the laptops is what moderators do, and no
 * table is reported.
 */
export function moderatorDrops(
  watches: ModeratorWatches,
  timer: TimerState,
  now: number,
  serverNow: number,
): ModeratorDrop[] {
  if (timerHasRun(timer) && isTimerFinished(timer, serverNow)) return []
  return Object.entries(watches).flatMap(([tableId, watch]) =>
    watch.seen && watch.goneSince !== null && now - watch.goneSince > MODERATOR_DROP_GRACE_MS
      ? [{ tableId, goneSince: watch.goneSince }]
      : [],
  )
}

function timerHasRun(timer: TimerState): boolean {
  return timer.runningSince !== null || timer.elapsedBeforeSeconds > 0
}
