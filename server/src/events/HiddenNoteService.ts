import type { HiddenNote, HiddenNotesResponse, HideNoteResponse } from '@tablecloth/shared'
import { NotFoundError } from '../domain/errors'
import type { EventStore, StoredEvent } from '../store/eventStore'
import type { HiddenNoteStore, StoredHiddenNote } from '../store/hiddenNoteStore'
import type { NotePlace, ResultsService } from './ResultsService'

/**
 * Review before publishing (docs/results.md): the organiser hides a note from
 * every results export without touching the board, and shows it again.
 */
export class HiddenNoteService {
  constructor(
    private readonly deps: {
      events: EventStore
      hiddenNotes: HiddenNoteStore
      /** Where each note stands in the results, hidden ones included. */
      results: ResultsService
    },
  ) {}

  /** Every hidden note of the event, oldest first, with its text where the results still hold it. */
  async list(eventId: string): Promise<HiddenNotesResponse> {
    this.eventOf(eventId)
    const stored = this.deps.hiddenNotes.list(eventId)
    // Reading the boards only pays when there is something to name.
    const places = stored.length > 0 ? await this.deps.results.notePlaces(eventId) : new Map()
    return { hiddenNotes: stored.map((entry) => hiddenNote(entry, places.get(entry.noteId))) }
  }

  /** Hides a note the results of `tableId` list; `created` is false when it was hidden already. */
  async hide(
    eventId: string,
    tableId: string,
    noteId: string,
  ): Promise<HideNoteResponse & { created: boolean }> {
    const event = this.eventOf(eventId)
    if (!event.config.tables.some((table) => table.id === tableId)) {
      throw new NotFoundError(`No table "${tableId}" in this event`, 'tableId')
    }
    // Only a note the results would list can be hidden: a typo in an id must
    // not pass for a note that is out of the export.
    const place = (await this.deps.results.notePlaces(eventId, tableId)).get(noteId)
    if (!place) {
      throw new NotFoundError(`No note "${noteId}" in the results of table "${tableId}"`, 'noteId')
    }
    const { hidden, created } = this.deps.hiddenNotes.hide(eventId, tableId, noteId)
    return { hiddenNote: hiddenNote(hidden, place), created }
  }

  /** Shows a hidden note in the results again. */
  show(eventId: string, noteId: string): void {
    this.eventOf(eventId)
    if (!this.deps.hiddenNotes.show(eventId, noteId)) {
      throw new NotFoundError(`Note "${noteId}" is not hidden`, 'noteId')
    }
  }

  private eventOf(eventId: string): StoredEvent {
    const event = this.deps.events.get(eventId)
    if (!event) throw new NotFoundError('No such event')
    return event
  }
}

function hiddenNote(entry: StoredHiddenNote, place: NotePlace | undefined): HiddenNote {
  return {
    noteId: entry.noteId,
    tableId: entry.tableId,
    hiddenAt: entry.hiddenAt,
    ...(place && { text: place.text, stationId: place.stationId, columnIndex: place.columnIndex }),
  }
}
