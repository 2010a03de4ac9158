import { eventExpiresAt, isExpired } from '@tablecloth/shared'
import type { EventStore } from '../store/eventStore'
import type { EventService } from './EventService'

/**
 * Deletes every event whose retention period is over (see
 * `eventExpiresAt`), as the organiser's own delete would. Returns the ids it
 * deleted. One event failing to delete does not keep the others.
 */
export function sweepExpiredEvents(
  events: EventStore,
  service: Pick<EventService, 'delete'>,
  retentionDays: number,
  now: number,
  log: (line: string) => void,
): string[] {
  if (retentionDays <= 0) return []
  const deleted: string[] = []
  for (const event of events.list()) {
    if (!isExpired(eventExpiresAt(event.config.date, event.createdAt, retentionDays), now)) continue
    try {
      service.delete(event.id)
      deleted.push(event.id)
      log(`retention deleted event=${event.id}`)
    } catch (error) {
      log(
        `retention delete-failed event=${event.id} error=${error instanceof Error ? error.name : 'unknown'}`,
      )
    }
  }
  return deleted
}
