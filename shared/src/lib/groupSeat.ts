import type { EventConfig } from './eventConfig'
import { resolveSeatingPlan } from './rotationPlan'
import { tableNumber } from './tableNumber'

/**
 * Where a group sits in a station, as its phone link sees it (docs/user-guide.md,
 * "Group phones"):
 *
 * - `table`: the rotation (generated or fixed) seats the group at this table;
 * - `free`: free rotation, so the group may sit at any table and the phone asks;
 * - `none`: the event has no such group (any more), or the plan leaves the
 *   group out in this station, or names a table the event does not have.
 */
export type GroupSeat = { kind: 'table'; tableId: string } | { kind: 'free' } | { kind: 'none' }

/** The seat of `groupId` in the 0-based station `stationIndex`. */
export function groupSeat(config: EventConfig, stationIndex: number, groupId: string): GroupSeat {
  if (!config.groups.some((group) => group.id === groupId)) return { kind: 'none' }
  const plan = resolveSeatingPlan(config)
  if (plan === null) return { kind: 'free' }
  const tableId = plan[stationIndex]?.[groupId]
  if (tableId === undefined || !config.tables.some((table) => table.id === tableId)) {
    return { kind: 'none' }
  }
  return { kind: 'table', tableId }
}

/** Whether a group seated so may write at `tableId`: its own table, or any table in free rotation. */
export function seatAllowsTable(seat: GroupSeat, tableId: string): boolean {
  switch (seat.kind) {
    case 'free':
      return true
    case 'table':
      return seat.tableId === tableId
    case 'none':
      return false
    default: {
      const unknown: never = seat
      throw new Error(`unknown seat ${JSON.stringify(unknown)}`)
    }
  }
}

/** The table a group sits at, as `GET /api/events/:id` shows it to the group's phone. */
export interface SeatView {
  tableId: string
  /** The table's topic. */
  title: string
  /** The table's number in the room, from 1 (see `tableNumber`). */
  number: number
}

/**
 * The seat as the group's phone is told it: the table with its topic and
 * number, or null when the phone has to ask (free rotation) or the plan
 * seats the group nowhere this station.
 */
export function seatView(
  config: EventConfig,
  stationIndex: number,
  groupId: string,
): SeatView | null {
  const seat = groupSeat(config, stationIndex, groupId)
  if (seat.kind !== 'table') return null
  const table = config.tables.find((candidate) => candidate.id === seat.tableId)!
  return { tableId: table.id, title: table.topic, number: tableNumber(config, table.id) }
}
