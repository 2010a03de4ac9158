import { createContext, useContext } from 'react'
import type { EventConfig } from '@tablecloth/shared'

/** What the board's „neu“ marks need to know of the day: the event and the station now running. */
export interface NewNotesDay {
  config: EventConfig
  stationIndex: number
}

/**
 * Handed from the open board into what tldraw draws in front of the canvas
 * (`NewNoteMarks`), which tldraw renders inside its own tree: its components
 * are module-level constants and take no props of ours.
 */
export const NewNotesContext = createContext<NewNotesDay | null>(null)

export function useNewNotesDay(): NewNotesDay | null {
  return useContext(NewNotesContext)
}
