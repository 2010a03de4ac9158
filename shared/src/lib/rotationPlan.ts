import type { EventConfig, Group, SeatingPlan, Table } from './eventConfig'

/**
 * Where each group sits in each station. A good rotation sends every group to
 * a new topic each station, keeps the tables evenly full, and mixes who sits
 * with whom, so ideas travel across the room.
 */

/**
 * Plans a rotation: for each station, which table each group sits at.
 *
 * - No group visits a table twice while there are tables it has not seen; with
 *   more stations than tables every group sees every table, and repeats are
 *   spread evenly.
 * - In every station the tables are evenly used: table sizes differ by at most
 *   one group. With fewer groups than tables no table hosts two groups.
 * - Groups that share a table move on along different paths (where the number
 *   of tables allows it, that is from three tables on), so they meet new
 *   groups rather than travelling as a bloc.
 * - Deterministic: the same ids in the same order give the same plan.
 *
 * With no tables, nobody can be seated and every station is empty.
 */
export function generateRotationPlan(
  groupIds: readonly string[],
  tableIds: readonly string[],
  stationCount: number,
): SeatingPlan {
  const tableCount = tableIds.length
  const steps = coprimeSteps(tableCount)
  const plan: SeatingPlan = []
  for (let station = 0; station < stationCount; station++) {
    const seating: Record<string, string> = {}
    if (tableCount > 0) {
      groupIds.forEach((groupId, index) => {
        // Groups are dealt out in layers of one group per table. Each layer
        // walks the tables with its own step; a step coprime to the number of
        // tables visits every table once before coming back to the first.
        const start = index % tableCount
        const layer = Math.floor(index / tableCount)
        const step = steps[layer % steps.length]!
        seating[groupId] = tableIds[(start + station * step) % tableCount]!
      })
    }
    plan.push(seating)
  }
  return plan
}

/**
 * The steps 1 ≤ k < n with gcd(k, n) = 1, in increasing order. Two layers with
 * different steps never sit together in two consecutive stations, because
 * their positions drift apart by a non-zero amount each station.
 */
function coprimeSteps(tableCount: number): number[] {
  const steps: number[] = []
  for (let step = 1; step < tableCount; step++) {
    if (greatestCommonDivisor(step, tableCount) === 1) steps.push(step)
  }
  return steps.length > 0 ? steps : [1]
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b)
}

/**
 * The seating plan an event follows: the organiser's own plan when fixed, a
 * generated one when generated, and none when participants choose freely.
 */
export function resolveSeatingPlan(config: EventConfig): SeatingPlan | null {
  switch (config.rotation.mode) {
    case 'free':
      return null
    case 'fixed':
      return config.rotation.plan
    case 'generated':
      return generateRotationPlan(
        config.groups.map((group) => group.id),
        config.tables.map((table) => table.id),
        config.stations.length,
      )
    default:
      return assertNever(config.rotation)
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected rotation ${JSON.stringify(value)}`)
}

/** The ids of the groups seated at a table in a station, in plan order. */
export function groupsAtTable(plan: SeatingPlan, stationIndex: number, tableId: string): string[] {
  const seating = plan[stationIndex] ?? {}
  return Object.keys(seating).filter((groupId) => seating[groupId] === tableId)
}

/**
 * The table a group moves to when the station after `stationIndex` starts;
 * null after the last station or when the plan does not seat the group then.
 */
export function nextTableForGroup(
  plan: SeatingPlan,
  stationIndex: number,
  groupId: string,
): string | null {
  return plan[stationIndex + 1]?.[groupId] ?? null
}

/** A group at a table, and where it goes next. */
export interface SeatedGroup {
  group: Group
  /** The group's table in the next station; null after the last station or if unplanned. */
  nextTable: Table | null
}

/** One table in one station: who sits here now and where they go next. */
export interface TableSeating {
  table: Table
  /** The groups seated here, in the order the event lists its groups. */
  groups: SeatedGroup[]
}

/**
 * The seating of a station table by table, in the event's table order, for
 * the control room and the projectors ("who is here now, where do we go
 * next"). Without a plan (free rotation) every table lists no groups. Plan
 * entries naming unknown groups or tables are left out.
 */
export function seatingForStation(
  config: EventConfig,
  plan: SeatingPlan | null,
  stationIndex: number,
): TableSeating[] {
  const tablesById = new Map(config.tables.map((table) => [table.id, table]))
  const seating = plan?.[stationIndex] ?? {}
  return config.tables.map((table) => ({
    table,
    groups: config.groups
      .filter((group) => seating[group.id] === table.id)
      .map((group) => {
        const nextId = plan ? nextTableForGroup(plan, stationIndex, group.id) : null
        return { group, nextTable: (nextId !== null && tablesById.get(nextId)) || null }
      }),
  }))
}

/**
 * Where the groups at a table go next, leaving out groups without a next
 * table: after the last station nobody moves, so nothing reads "→ —".
 */
export function nextMoves(groups: readonly SeatedGroup[]): Array<{ group: Group; table: Table }> {
  return groups.flatMap(({ group, nextTable }) => (nextTable ? [{ group, table: nextTable }] : []))
}
