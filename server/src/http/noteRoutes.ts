import {
  ApiErrorCode,
  checkPhoneNote,
  roomName,
  type PhoneNoteResponse,
  type RateLimitDetails,
} from '@tablecloth/shared'
import type { BoardSchema } from '../board/boardSchema'
import { phoneNoteId, writePhoneNote } from '../board/noteWriter'
import type { BoardRooms } from '../events/BoardRooms'
import type { EventService } from '../events/EventService'
import { StorageError } from '../store/docStore'
import { BoardFullError } from '../sync/Room'
import type { TokenStore } from '../store/tokenStore'
import { HttpError } from './HttpError'
import type { RateLimiter } from './rateLimiter'
import { readJsonBody } from './readJsonBody'
import { requireGrant } from './requireGrant'
import { sendJson } from './respond'
import type { Router } from './Router'
import { clientAddress } from './clientAddress'

/** Who may add a note to a table's board over HTTP: the table's own links and the organiser. */
const NOTE_WRITERS = ['organiser', 'moderator', 'participant'] as const

/**
 * A note of 500 characters is at most about 6 KB as JSON (every character
 * escaped as `\uXXXX`, surrogate pairs twice); anything far larger is not a note.
 */
const NOTE_BODY_LIMIT = 16 * 1024

export interface NoteRouteDeps {
  events: EventService
  tokens: TokenStore
  rooms: BoardRooms
  schema: BoardSchema
  /** Notes per link and device from phones (participants); see PHONE_NOTE_RATE. */
  limiter: RateLimiter
  /**
   * Notes per link and device from the table's moderator or the organiser,
   * who are trusted with the board itself (e.g. importing notes through the
   * API); see TRUSTED_NOTE_RATE.
   */
  trustedLimiter: RateLimiter
  /** Counts devices by X-Forwarded-For (see clientAddress). */
  trustProxy?: boolean
  now?: () => number
}

/** The phone page's HTTP contract, documented in docs/http-api.md and docs/user-guide.md ("Participants' phones"). */
export function registerNoteRoutes(router: Router, deps: NoteRouteDeps): void {
  const { events, tokens, rooms, schema } = deps
  const now = deps.now ?? Date.now

  router.on('POST', '/api/events/:id/tables/:tableId/notes', async ({ req, res, params }) => {
    const eventId = params.id!
    const tableId = params.tableId!
    const grant = requireGrant(req, tokens, eventId, NOTE_WRITERS, tableId)
    const view = events.view(eventId)
    if (!view.config.tables.some((table) => table.id === tableId)) {
      throw new HttpError(404, ApiErrorCode.NotFound, 'No such table')
    }
    const stationIndex = view.currentStation
    const station = view.config.stations[stationIndex]!

    const checked = checkPhoneNote(await readJsonBody(req, NOTE_BODY_LIMIT), station.columns.length)
    if (!checked.ok) {
      const { field, code } = checked.issue
      const message = `${field || 'body'}: ${code.replace(/_/g, ' ')}`
      throw new HttpError(400, ApiErrorCode.ValidationFailed, message, field || undefined, [
        checked.issue,
      ])
    }
    const note = checked.note
    if (note.stationId !== undefined && note.stationId !== station.id) throw stationMoved()

    // Only accepted notes count, so a phone that sent a text too long is not also slowed down.
    const limiter = grant.role === 'participant' ? deps.limiter : deps.trustedLimiter
    const decision = limiter.take(rateKey(grant.token, clientAddress(req, deps.trustProxy ?? false)))
    if (!decision.allowed) {
      // sendJson's writeHead keeps headers set here.
      res.setHeader('retry-after', String(decision.retryAfterSeconds))
      const details: RateLimitDetails = { retryAfterSeconds: decision.retryAfterSeconds }
      throw new HttpError(
        429,
        ApiErrorCode.RateLimited,
        `Too many notes; try again in ${decision.retryAfterSeconds} s`,
        undefined,
        details,
      )
    }

    let written: PhoneNoteResponse | undefined
    try {
      await rooms.transact(
        roomName(eventId, tableId),
        (doc) => {
          // The station is read again inside the board write: a station change
          // while the body was arriving has snapshotted the board already, and
          // a note written into the station it ended would be in no results.
          const running = events.view(eventId)
          const current = running.config.stations[running.currentStation]!
          if (note.stationId !== undefined && note.stationId !== current.id) throw stationMoved()
          if (note.column >= current.columns.length) throw stationMoved()
          written = writePhoneNote(doc, schema, {
            station: current,
            stationIndex: running.currentStation,
            column: note.column,
            text: note.text,
            createdAt: new Date(now()).toISOString(),
            id: phoneNoteId(note.idempotencyKey),
            language: running.config.language,
          })
        },
        { grows: true },
      )
    } catch (error) {
      if (error instanceof BoardFullError) {
        throw new HttpError(
          507,
          ApiErrorCode.BoardFull,
          "The table's board is full; nothing was added. Ask the organiser.",
        )
      }
      if (!(error instanceof StorageError)) throw error
      // The board refused the edit rather than lose it; the phone keeps the text and may resend.
      throw new HttpError(
        507,
        ApiErrorCode.StorageFailure,
        'The board could not be saved; nothing was added',
      )
    }
    if (!written) throw new Error('the note writer did not run')
    sendJson(res, 201, { id: written.id } satisfies PhoneNoteResponse)
  })
}

function stationMoved(): HttpError {
  return new HttpError(
    409,
    ApiErrorCode.Conflict,
    'The event has moved on to another station; choose the question again',
    'stationId',
  )
}

/**
 * One bucket per link and device. Everyone at a table shares the table's
 * participant link, so a bucket per link alone would let one eager phone
 * hold back the whole table.
 */
function rateKey(token: string, address: string): string {
  return `${token} ${address}`
}
