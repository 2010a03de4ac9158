import type { Scenario } from './scenario'
import { liveBoards } from './scenarios/liveBoards'

/** Every scenario, in the order `pnpm bench` runs them when none is named. */
export const scenarios: Scenario[] = [liveBoards]
