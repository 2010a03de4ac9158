/**
 * In free rotation a group's phone asks which table the group sits at, once
 * per station; the answer stays on the device, so a reload or a locked screen
 * does not ask again.
 */
export interface TableChoiceStorage {
  /** The table chosen for this station, or null when the phone has to ask. */
  load(stationId: string): string | null
  /** Remembers the table for the station; null forgets it, so the phone asks again. */
  save(stationId: string, tableId: string | null): void
}

const PREFIX = 'tablecloth.groupTable:'

export function localTableChoiceStorage(
  link: { eventId: string; groupId: string },
  storage: Pick<Storage, 'getItem' | 'setItem'> = window.localStorage,
): TableChoiceStorage {
  const key = `${PREFIX}${link.eventId}/${link.groupId}`
  const read = (): Record<string, string> => {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(key) ?? '{}')
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {}
    } catch (error) {
      // Unreadable storage only means asking once more; nothing typed is lost.
      console.warn('Could not read the chosen table on this device', error)
      return {}
    }
  }
  return {
    load(stationId) {
      const tableId = read()[stationId]
      return typeof tableId === 'string' ? tableId : null
    },
    save(stationId, tableId) {
      const choices = read()
      if (tableId === null) delete choices[stationId]
      else choices[stationId] = tableId
      try {
        storage.setItem(key, JSON.stringify(choices))
      } catch (error) {
        // Private modes may refuse storage: the choice holds until the page is reloaded.
        console.warn('Could not remember the chosen table on this device', error)
      }
    },
  }
}

/** A choice kept in memory only, for tests and for table phones, which never ask. */
export function memoryTableChoiceStorage(): TableChoiceStorage {
  const choices = new Map<string, string>()
  return {
    load: (stationId) => choices.get(stationId) ?? null,
    save: (stationId, tableId) => {
      if (tableId === null) choices.delete(stationId)
      else choices.set(stationId, tableId)
    },
  }
}
