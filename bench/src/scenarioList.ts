import type { Scenario } from './scenario'
import { liveBoards } from './scenarios/liveBoards'
import { stationChange } from './scenarios/stationChange'

/** Every scenario, in the order `pnpm bench` runs them when none is named. */
export const scenarios: Scenario[] = [liveBoards, stationChange]
