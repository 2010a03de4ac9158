import type { EventConfig } from './eventConfig'

/**
 * A table's number as the room knows it: its place in the event's list of
 * tables, from 1, as setup numbers them and the QR sheet, control room,
 * gallery and exports show them ("Tisch 3"). 0 for a table the event does
 * not have.
 */
export function tableNumber(config: Pick<EventConfig, 'tables'>, tableId: string): number {
  return config.tables.findIndex((table) => table.id === tableId) + 1
}
