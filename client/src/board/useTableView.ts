import { useEffect } from 'react'
import { tableNumber, type EventView, type ServerConfigResponse } from '@tablecloth/shared'
import { useServerConfig } from '../app/serverConfigStore'
import { useEventViews } from '../canvas/eventViewStore'

/** What a table's page (board or projector) knows of its server and event. */
export interface TableView {
  config: ServerConfigResponse | null
  configStatus: ReturnType<typeof useServerConfig.getState>['status']
  view: EventView | null
  /** The table's topic, or its id until the event is known. */
  topic: string
  /** The table's number as setup gives it, or null until the event is known. */
  number: number | null
}

/**
 * Loads the server's settings and the event for a table's page, once per
 * event and token, and names the table. The board and the projector read
 * both alike.
 */
export function useTableView(eventId: string, tableId: string, token: string | null): TableView {
  const config = useServerConfig((state) => state.config)
  const configStatus = useServerConfig((state) => state.status)
  const view = useEventViews((state) => state.views[eventId] ?? null)
  useEffect(() => {
    void useServerConfig.getState().load()
  }, [])
  useEffect(() => {
    if (token) void useEventViews.getState().load(eventId, token)
  }, [eventId, token])
  const topic = view?.config.tables.find((table) => table.id === tableId)?.topic ?? tableId
  return {
    config,
    configStatus,
    view,
    topic,
    number: view ? tableNumber(view.config, tableId) : null,
  }
}
