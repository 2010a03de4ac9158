import {
  checkPhoneNote,
  isNoteColour,
  roomName,
  type EventConfig,
  type NoteColour,
  type PhoneNoteResponse,
  type Role,
} from '@tablecloth/shared'
import { groupReachesTable } from '../access/accessPolicy'
import type { BoardSchema } from '../board/boardSchema'
import { phoneNoteId, writePhoneNote } from '../board/noteWriter'
import {
  BoardFullDomainError,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  StorageFailureError,
  TooManyRequestsError,
} from '../domain/errors'
import type { RateLimit } from '../domain/rateLimiter'
import { StorageError } from '../store/docStore'
import { BoardFullError } from '../sync/Room'
import type { BoardRooms } from './BoardRooms'
import type { EventService } from './EventService'

export interface PhoneNoteServiceDeps {
  events: EventService
  rooms: BoardRooms
  schema: BoardSchema
  /** Notes per link and device from phones (participants); see PHONE_NOTE_RATE. */
  limiter: RateLimit
  /**
   * Notes per link and device from the table's moderator or the organiser,
   * who are trusted with the board itself (e.g. importing notes through the
   * API); see TRUSTED_NOTE_RATE.
   */
  trustedLimiter: RateLimit
  now?: () => number
}

/**
 * Who sends the note: the link's role and token, the device's address, and
 * for a group's phone link its group (null for every other link).
 */
export interface NoteSender {
  role: Role
  token: string
  address: string
  groupId: string | null
}

/**
 * A note from the phone page (docs/user-guide.md, "Participants' phones"):
 * checked against the running station, limited per link and device, and
 * written onto the table's board.
 */
export class PhoneNoteService {
  private readonly now: () => number

  constructor(private readonly deps: PhoneNoteServiceDeps) {
    this.now = deps.now ?? Date.now
  }

  /** Throws NotFoundError when the event has no such table; callers check before reading a body. */
  requireTable(eventId: string, tableId: string): void {
    this.tableView(eventId, tableId)
  }

  /** The event as it stands, read once; throws NotFoundError when it has no such table. */
  private tableView(eventId: string, tableId: string): ReturnType<EventService['view']> {
    const view = this.deps.events.view(eventId)
    if (!view.config.tables.some((table) => table.id === tableId)) {
      throw new NotFoundError('No such table')
    }
    return view
  }

  async add(
    eventId: string,
    tableId: string,
    sender: NoteSender,
    body: unknown,
  ): Promise<PhoneNoteResponse> {
    const { events, rooms, schema } = this.deps
    // One read of the event: on a shared store each read is a round trip.
    const view = this.tableView(eventId, tableId)
    const station = view.config.stations[view.currentStation]!

    const checked = checkPhoneNote(body, station.columns.length)
    if (!checked.ok) {
      const { field, code } = checked.issue
      const message = `${field || 'body'}: ${code.replace(/_/g, ' ')}`
      throw new InvalidInputError(message, field || undefined, [checked.issue])
    }
    const note = checked.note
    if (note.stationId !== undefined && note.stationId !== station.id) throw stationMoved()

    // Only accepted notes count, so a phone that sent a text too long is not also slowed down.
    const limiter = sender.role === 'participant' ? this.deps.limiter : this.deps.trustedLimiter
    const decision = await limiter.take(rateKey(sender.token, sender.address))
    if (!decision.allowed) {
      throw new TooManyRequestsError(
        `Too many notes; try again in ${decision.retryAfterSeconds} s`,
        decision.retryAfterSeconds,
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
          // The access check ran when the request arrived; the group may have
          // moved on to another table since.
          if (
            sender.groupId !== null &&
            !groupReachesTable(running.config, running.currentStation, sender.groupId, tableId)
          ) {
            throw seatMoved()
          }
          written = writePhoneNote(doc, schema, {
            station: current,
            stationIndex: running.currentStation,
            column: note.column,
            text: note.text,
            createdAt: new Date(this.now()).toISOString(),
            id: phoneNoteId(note.idempotencyKey),
            language: running.config.language,
            ...(sender.groupId !== null && groupOf(running.config, sender.groupId)),
          })
        },
        { grows: true },
      )
    } catch (error) {
      if (error instanceof BoardFullError) {
        throw new BoardFullDomainError(
          "The table's board is full; nothing was added. Ask the organiser.",
        )
      }
      if (!(error instanceof StorageError)) throw error
      // The board refused the edit rather than lose it; the phone keeps the text and may resend.
      throw new StorageFailureError('The board could not be saved; nothing was added')
    }
    if (!written) throw new Error('the note writer did not run')
    return { id: written.id }
  }
}

/** The group's stamp and colour on its notes, so the board shows who wrote them. */
function groupOf(config: EventConfig, groupId: string): { groupId: string; colour?: NoteColour } {
  const colour = config.groups.find((group) => group.id === groupId)?.colour
  return colour && isNoteColour(colour) ? { groupId, colour } : { groupId }
}

function seatMoved(): ForbiddenError {
  return new ForbiddenError('Your group sits at another table now; nothing was added')
}

function stationMoved(): ConflictError {
  return new ConflictError(
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
