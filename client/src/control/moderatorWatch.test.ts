import { describe, expect, it } from 'vitest'
import type { BoardPresence, EventOverview, TimerState } from '@tablecloth/shared'
import {
  MODERATOR_DROP_GRACE_MS,
  moderatorDrops,
  watchModerators,
  type ModeratorWatches,
} from './moderatorWatch'

const NOBODY: BoardPresence = { moderators: 0, organisers: 0, projectors: 0, gallery: 0, phones: 0 }

/** An overview with the given number of moderator sockets per table. */
function overview(moderators: Record<string, number>): EventOverview {
  return {
    serverTime: 0,
    tables: Object.entries(moderators).map(([id, count]) => ({
      id,
      connections: count + 1,
      // A projector stays on throughout: it must not count as the moderator.
      presence: { ...NOBODY, moderators: count, projectors: 1 },
      names: [],
      moderatorNames: [],
      columns: [0, 0],
      unsorted: 0,
    })),
  }
}

const IDLE: TimerState = { durationSeconds: 3600, runningSince: null, elapsedBeforeSeconds: 0 }
const RUNNING: TimerState = { durationSeconds: 3600, runningSince: 1_000, elapsedBeforeSeconds: 0 }

/** Feeds overviews in turn, as the control room's refresh does, and says which tables alert at the end. */
function run(steps: Array<[at: number, moderators: Record<string, number>]>, timer = RUNNING) {
  let watches: ModeratorWatches = {}
  for (const [at, moderators] of steps) watches = watchModerators(watches, overview(moderators), at)
  const last = steps[steps.length - 1]![0]
  return moderatorDrops(watches, timer, last, 2_000).map((drop) => drop.tableId)
}

describe('the moderator-drop alert', () => {
  it('alerts once a moderator board that was there has been gone for longer than the grace time', () => {
    expect(
      run([
        [0, { t1: 1, t2: 1 }],
        [2_000, { t1: 0, t2: 1 }],
        [2_000 + MODERATOR_DROP_GRACE_MS, { t1: 0, t2: 1 }],
      ]),
    ).toEqual([])
    expect(
      run([
        [0, { t1: 1, t2: 1 }],
        [2_000, { t1: 0, t2: 1 }],
        [2_001 + MODERATOR_DROP_GRACE_MS, { t1: 0, t2: 1 }],
      ]),
    ).toEqual(['t1'])
  })

  it('clears the alert when the board comes back, and counts afresh after a new drop', () => {
    const back = run([
      [0, { t1: 1 }],
      [2_000, { t1: 0 }],
      [20_000, { t1: 0 }],
      [22_000, { t1: 1 }],
    ])
    expect(back).toEqual([])
    const againShortly = run([
      [0, { t1: 1 }],
      [2_000, { t1: 0 }],
      [20_000, { t1: 1 }],
      [22_000, { t1: 0 }],
      [26_000, { t1: 0 }],
    ])
    expect(againShortly).toEqual([])
  })

  it('never alerts about a board nobody opened, nor when a reload reconnects within the grace time', () => {
    expect(
      run([
        [0, { t1: 0 }],
        [60_000, { t1: 0 }],
      ]),
    ).toEqual([])
    expect(
      run([
        [0, { t1: 1 }],
        [2_000, { t1: 0 }],
        [4_000, { t1: 2 }],
        [60_000, { t1: 1 }],
      ]),
    ).toEqual([])
  })

  it('alerts before the timer starts too, but not once the station’s time is up', () => {
    const steps: Array<[number, Record<string, number>]> = [
      [0, { t1: 1 }],
      [2_000, { t1: 0 }],
      [30_000, { t1: 0 }],
    ]
    expect(run(steps, IDLE)).toEqual(['t1'])
    const over: TimerState = { durationSeconds: 60, runningSince: null, elapsedBeforeSeconds: 60 }
    expect(run(steps, over)).toEqual([])
  })

  it('says since when the board is gone', () => {
    let watches = watchModerators({}, overview({ t1: 1 }), 0)
    watches = watchModerators(watches, overview({ t1: 0 }), 5_000)
    watches = watchModerators(watches, overview({ t1: 0 }), 7_000)
    expect(moderatorDrops(watches, RUNNING, 40_000, 2_000)).toEqual([
      { tableId: 't1', goneSince: 5_000 },
    ])
  })
})
