import type { PhoneLink } from './phoneRoute'

/** Keeps the text being typed on the device, so a reload or a closed tab loses nothing. */
export interface DraftStorage {
  load(): string
  save(text: string): void
}

const PREFIX = 'tablecloth.phoneDraft:'

export function localDraftStorage(
  link: PhoneLink,
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = window.localStorage,
): DraftStorage {
  const key = `${PREFIX}${link.eventId}/${link.tableId}`
  return {
    load() {
      try {
        return storage.getItem(key) ?? ''
      } catch (error) {
        console.warn('Could not read the saved draft on this device', error)
        return ''
      }
    },
    save(text) {
      try {
        if (text === '') storage.removeItem(key)
        else storage.setItem(key, text)
      } catch (error) {
        // Private modes may refuse storage: the text is still on screen, only a reload loses it.
        console.warn('Could not save the draft on this device', error)
      }
    },
  }
}
