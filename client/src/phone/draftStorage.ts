import type { GroupPhoneLink, PhoneLink } from './phoneRoute'

/** Keeps the text being typed on the device, so a reload or a closed tab loses nothing. */
export interface DraftStorage {
  load(): string
  save(text: string): void
}

const PREFIX = 'tablecloth.phoneDraft:'

export function localDraftStorage(
  link: PhoneLink | GroupPhoneLink,
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = window.localStorage,
): DraftStorage {
  // A group's draft is the group's, whichever table it sits at: it follows the group.
  const place = 'tableId' in link ? link.tableId : `g/${link.groupId}`
  const key = `${PREFIX}${link.eventId}/${place}`
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
