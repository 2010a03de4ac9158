/**
 * In free rotation a group's phone asks which table the group sits at, once
 * per station; the answer stays on the device (one entry per station), so a
 * reload or a locked screen does not ask again.
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
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = window.localStorage,
): TableChoiceStorage {
  const key = (stationId: string) => `${PREFIX}${link.eventId}/${link.groupId}/${stationId}`
  return {
    load(stationId) {
      try {
        return storage.getItem(key(stationId))
      } catch (error) {
        // Unreadable storage only means asking once more; nothing typed is lost.
        console.warn('Could not read the chosen table', error)
        return null
      }
    },
    save(stationId, tableId) {
      try {
        if (tableId === null) storage.removeItem(key(stationId))
        else storage.setItem(key(stationId), tableId)
      } catch (error) {
        // Private modes may refuse storage: the choice holds until the page is reloaded.
        console.warn('Could not remember the chosen table', error)
      }
    },
  }
}

/** A choice kept in memory only, for tests. */
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
