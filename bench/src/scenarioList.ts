import type { Scenario } from './scenario'
import { clientPages } from './scenarios/clientPages'
import { cluster } from './scenarios/cluster'
import { exportFormats } from './scenarios/exports'
import { liveBoards } from './scenarios/liveBoards'
import { projector } from './scenarios/projector'
import { soak } from './scenarios/soak'
import { stationChange } from './scenarios/stationChange'

/** Every scenario, in the order `pnpm bench` runs them when none is named. */
export const scenarios: Scenario[] = [
  liveBoards,
  stationChange,
  clientPages,
  projector,
  exportFormats,
  soak,
  cluster,
]
