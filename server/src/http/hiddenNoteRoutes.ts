import {
  ApiErrorCode,
  isNoteId,
  type HiddenNote,
  type HiddenNotesResponse,
  type HideNoteResponse,
} from '@tablecloth/shared'
import type { NotePlace, ResultsService } from '../events/ResultsService'
import type { EventStore, StoredEvent } from '../store/eventStore'
import type { HiddenNoteStore, StoredHiddenNote } from '../store/hiddenNoteStore'
import type { TokenStore } from '../store/tokenStore'
import { HttpError } from './HttpError'
import { readJsonBody } from './readJsonBody'
import { requireGrant } from './requireGrant'
import { sendJson } from './respond'
import type { Router } from './Router'

const ORGANISER = ['organiser'] as const

/** `{ "tableId": "…" }` and nothing near a kilobyte. */
const BODY_LIMIT = 1024

/** Table ids as the event config allows them (`shared/src/lib/eventValidation.ts`). */
const TABLE_ID = /^[A-Za-z0-9_-]{1,32}$/

export interface HiddenNoteRouteDeps {
  events: EventStore
  tokens: TokenStore
  hiddenNotes: HiddenNoteStore
  /** Where each note stands in the results, hidden ones included. */
  results: ResultsService
}

/**
 * Review before publishing, documented in docs/results.md and docs/http-api.md: the
 * organiser hides a note from every results export without touching the board.
 *
 * - `GET    /api/events/:id/hidden-notes`          → `{ hiddenNotes }`
 * - `PUT    /api/events/:id/hidden-notes/:noteId`  `{ tableId }` → 201/200 `{ hiddenNote }`
 * - `DELETE /api/events/:id/hidden-notes/:noteId`  → 204, shown again
 */
export function registerHiddenNoteRoutes(router: Router, deps: HiddenNoteRouteDeps): void {
  const { events, tokens, hiddenNotes, results } = deps

  const eventOf = (eventId: string): StoredEvent => {
    const event = events.get(eventId)
    if (!event) throw new HttpError(404, ApiErrorCode.NotFound, 'No such event')
    return event
  }

  router.on('GET', '/api/events/:id/hidden-notes', async ({ req, res, params }) => {
    const eventId = params.id!
    requireGrant(req, tokens, eventId, ORGANISER)
    eventOf(eventId)
    const stored = hiddenNotes.list(eventId)
    // Reading the boards only pays when there is something to name.
    const places = stored.length > 0 ? await results.notePlaces(eventId) : new Map()
    const body: HiddenNotesResponse = {
      hiddenNotes: stored.map((entry) => hiddenNote(entry, places.get(entry.noteId))),
    }
    sendJson(res, 200, body)
  })

  router.on('PUT', '/api/events/:id/hidden-notes/:noteId', async ({ req, res, params }) => {
    const eventId = params.id!
    requireGrant(req, tokens, eventId, ORGANISER)
    const noteId = checkNoteId(params.noteId!)
    const event = eventOf(eventId)
    const tableId = checkTableId(await readJsonBody(req, BODY_LIMIT))
    if (!event.config.tables.some((table) => table.id === tableId)) {
      throw new HttpError(404, ApiErrorCode.NotFound, `No table "${tableId}" in this event`, 'tableId')
    }
    // Only a note the results would list can be hidden: a typo in an id must
    // not pass for a note that is out of the export.
    const place = (await results.notePlaces(eventId, tableId)).get(noteId)
    if (!place) {
      throw new HttpError(
        404,
        ApiErrorCode.NotFound,
        `No note "${noteId}" in the results of table "${tableId}"`,
        'noteId',
      )
    }
    const { hidden, created } = hiddenNotes.hide(eventId, tableId, noteId)
    const body: HideNoteResponse = { hiddenNote: hiddenNote(hidden, place) }
    sendJson(res, created ? 201 : 200, body)
  })

  router.on('DELETE', '/api/events/:id/hidden-notes/:noteId', ({ req, res, params }) => {
    const eventId = params.id!
    requireGrant(req, tokens, eventId, ORGANISER)
    const noteId = checkNoteId(params.noteId!)
    eventOf(eventId)
    if (!hiddenNotes.show(eventId, noteId)) {
      throw new HttpError(404, ApiErrorCode.NotFound, `Note "${noteId}" is not hidden`, 'noteId')
    }
    res.writeHead(204, { 'cache-control': 'no-store' }).end()
  })
}

function hiddenNote(entry: StoredHiddenNote, place: NotePlace | undefined): HiddenNote {
  return {
    noteId: entry.noteId,
    tableId: entry.tableId,
    hiddenAt: entry.hiddenAt,
    ...(place && { text: place.text, stationId: place.stationId, columnIndex: place.columnIndex }),
  }
}

function checkNoteId(noteId: string): string {
  if (!isNoteId(noteId)) {
    throw new HttpError(
      400,
      ApiErrorCode.ValidationFailed,
      'noteId must be a note id such as "shape:abc123"',
      'noteId',
    )
  }
  return noteId
}

function checkTableId(body: unknown): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, ApiErrorCode.ValidationFailed, 'Expected an object { tableId }', 'tableId')
  }
  const tableId = (body as { tableId?: unknown }).tableId
  if (tableId === undefined) {
    throw new HttpError(400, ApiErrorCode.ValidationFailed, 'tableId is required', 'tableId')
  }
  if (typeof tableId !== 'string' || !TABLE_ID.test(tableId)) {
    throw new HttpError(
      400,
      ApiErrorCode.ValidationFailed,
      'tableId must be a table id (1 to 32 of A–Z a–z 0–9 _ -)',
      'tableId',
    )
  }
  return tableId
}
