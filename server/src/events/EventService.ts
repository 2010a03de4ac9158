import type * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import {
  CloseCode,
  boardDay,
  CloseReason,
  classifyNotes,
  eventExpiresAt,
  parseEventConfig,
  readBoardContents,
  roomName,
  type BoardDayState,
  type CreateEventResponse,
  type EventConfig,
  type EventOverview,
  type EventView,
  type LiveBoardResponse,
  type Role,
  type RotateLinkResponse,
  seatView,
  type TableOverview,
  type SnapshotSummary,
  type TimerState,
  stationDurationSeconds,
} from '@tablecloth/shared'
import { ConflictError, InvalidInputError, NotFoundError } from '../domain/errors'
import type { EventStore, EventState, StoredEvent } from '../store/eventStore'
import { DamagedSnapshotError, type NewSnapshot, type SnapshotStore } from '../store/snapshotStore'
import type { TokenStore } from '../store/tokenStore'
import type { BoardSchema } from '../board/boardSchema'
import { readRecords, restoreRecords, writeBoardDay } from '../board/boardWriter'
import { mendPhoneNotes } from '../board/mendPhoneNotes'
import type { BoardRooms } from './BoardRooms'
import { buildEventLinks, type TableTokens } from './eventLinks'
import { newEventId } from './eventIds'

export interface EventServiceDeps {
  events: EventStore
  tokens: TokenStore
  snapshots: SnapshotStore
  rooms: BoardRooms
  schema: BoardSchema
  /** Runs `fn` in one store transaction. */
  atomically: <T>(fn: () => T) => T
  /**
   * Inside a transaction, waits for any other process holding `key` and then
   * holds it until the transaction ends (SqlDb `lockKey`). Absent: one process.
   */
  lock?: (key: string) => void
  /** Makes deleted data unreadable from the store's files too (see app.ts). */
  purgeDeleted?: () => void
  /** Days events are kept after their day (RETENTION_DAYS); 0 keeps them. */
  retentionDays?: number
  now?: () => number
  /** One line per notable event; never note text or tokens. */
  log?: (line: string) => void
}

/**
 * The café day as the organiser runs it: create an event, advance stations
 * with snapshots, run the timer, restore boards. HTTP routes stay thin
 * around this; the pure rules live in @tablecloth/shared.
 */
export class EventService {
  private readonly now: () => number
  private readonly log: (line: string) => void

  constructor(private readonly deps: EventServiceDeps) {
    this.now = deps.now ?? Date.now
    this.log = deps.log ?? (() => {})
  }

  async create(input: unknown, origin: string): Promise<CreateEventResponse> {
    const parsed = parseEventConfig(input)
    if (!parsed.ok) {
      const first = parsed.issues[0]!
      throw new InvalidInputError(
        `Invalid field "${first.field}": ${first.code.replace(/_/g, ' ')}`,
        first.field,
        parsed.issues,
      )
    }
    const config = parsed.config
    const id = newEventId()
    const state: EventState = { currentStation: 0, timer: idleTimer(config, 0) }
    const { tokens } = this.deps
    const createdAt = new Date(this.now()).toISOString()
    // Event row and every token land together or not at all.
    const issued = this.deps.atomically(() => {
      this.deps.events.create({ id, config, state, createdAt })
      const organiserToken = tokens.issue({ eventId: id, tableId: null, role: 'organiser' })
      const issue = (tableId: string | null, role: 'moderator' | 'participant' | 'viewer') =>
        tokens.issue({ eventId: id, tableId, role }, organiserToken)
      const viewerToken = issue(null, 'viewer')
      const tableTokens = config.tables.map((table) => ({
        table,
        tokens: {
          moderator: issue(table.id, 'moderator'),
          participant: issue(table.id, 'participant'),
          viewer: issue(table.id, 'viewer'),
        } satisfies TableTokens,
      }))
      // Every group gets a phone link: with a generated or fixed rotation it
      // follows the group's seat, with a free one the phone asks the table.
      const groupTokens = config.groups.map((group) => ({
        group,
        participant: tokens.issue(
          { eventId: id, tableId: null, role: 'participant', groupId: group.id },
          organiserToken,
        ),
      }))
      return { organiserToken, viewerToken, tableTokens, groupTokens }
    })
    const { organiserToken, viewerToken, tableTokens, groupTokens } = issued
    await this.writeDayToBoards({ id, config, state, createdAt })
    return {
      id,
      organiserToken,
      links: buildEventLinks(origin, id, organiserToken, viewerToken, tableTokens, groupTokens),
    }
  }

  /** Every link of the event again, for the control room; needs the organiser token to unseal. */
  links(eventId: string, organiserToken: string, origin: string): CreateEventResponse['links'] {
    const event = this.require(eventId)
    const opened = this.deps.tokens.openAll(eventId, organiserToken)
    const find = (tableId: string | null, role: string) =>
      opened.find(
        (grant) => grant.tableId === tableId && grant.role === role && grant.groupId === null,
      )?.token ?? ''
    const groupToken = (groupId: string) =>
      opened.find((grant) => grant.groupId === groupId)?.token ??
      this.issueGroupToken(eventId, groupId, organiserToken)
    return buildEventLinks(
      origin,
      eventId,
      organiserToken,
      find(null, 'viewer'),
      event.config.tables.map((table) => ({
        table,
        tokens: {
          moderator: find(table.id, 'moderator'),
          participant: find(table.id, 'participant'),
          viewer: find(table.id, 'viewer'),
        },
      })),
      event.config.groups.map((group) => ({ group, participant: groupToken(group.id) })),
    )
  }

  /**
   * A phone link for a group that has none yet: one stored before group
   * links existed, or added to the event's config later. Issued once, when
   * the control room first lists the links.
   */
  private issueGroupToken(eventId: string, groupId: string, organiserToken: string): string {
    return this.deps.atomically(() =>
      this.deps.tokens.issue(
        { eventId, tableId: null, role: 'participant', groupId },
        organiserToken,
      ),
    )
  }

  /**
   * Replaces one link's token: the old link stops working for new requests
   * at once, and every board socket opened with it is closed (4401) before
   * this returns. Answers with every link as it is now.
   */
  rotateLink(
    eventId: string,
    organiserToken: string,
    target: { role: Role; tableId: string | null; groupId?: string | null },
    origin: string,
  ): RotateLinkResponse {
    const event = this.require(eventId)
    const groupId = target.groupId ?? null
    if (groupId !== null)
      return this.rotateGroupLink(event, organiserToken, groupId, target, origin)
    const tableId = target.role === 'organiser' ? null : target.tableId
    if (tableId !== null && !event.config.tables.some((table) => table.id === tableId)) {
      throw new NotFoundError(`No table "${tableId}" in this event`, 'tableId')
    }
    if ((target.role === 'moderator' || target.role === 'participant') && tableId === null) {
      throw new InvalidInputError('This link belongs to a table: name it', 'tableId')
    }
    const { token, revoked } = this.deps.tokens.rotate(
      { eventId, tableId, role: target.role },
      organiserToken,
    )
    this.deps.rooms.closeConnectionsOf(
      new Set(revoked),
      CloseCode.Unauthorized,
      CloseReason.Unauthorized,
    )
    const current = target.role === 'organiser' ? token : organiserToken
    return { organiserToken: current, links: this.links(eventId, current, origin) }
  }

  /** `rotateLink` for a group's phone link: a participant link naming a group and no table. */
  private rotateGroupLink(
    event: StoredEvent,
    organiserToken: string,
    groupId: string,
    target: { role: Role; tableId: string | null },
    origin: string,
  ): RotateLinkResponse {
    if (target.role !== 'participant' || target.tableId !== null) {
      throw new InvalidInputError(
        'A group has a phone link only: rotate it with role "participant" and no table',
        'groupId',
      )
    }
    if (!event.config.groups.some((group) => group.id === groupId)) {
      throw new NotFoundError(`No group "${groupId}" in this event`, 'groupId')
    }
    const { revoked } = this.deps.tokens.rotate(
      { eventId: event.id, tableId: null, role: 'participant', groupId },
      organiserToken,
    )
    this.deps.rooms.closeConnectionsOf(
      new Set(revoked),
      CloseCode.Unauthorized,
      CloseReason.Unauthorized,
    )
    return { organiserToken, links: this.links(event.id, organiserToken, origin) }
  }

  /**
   * Deletes the event and everything stored for it: the event row with its
   * tokens, snapshots and other per-event rows (the store cascades), and
   * every board with its update log. Open board sockets are closed (4404)
   * and every link of the event answers 404 from then on. Exports are made
   * on request and never stored, so nothing else remains.
   */
  delete(eventId: string): void {
    const event = this.require(eventId)
    // The row first: from here on no token of the event resolves, so no
    // socket can reopen a board while it is being deleted.
    this.deps.atomically(() => this.deps.events.delete(eventId))
    for (const table of event.config.tables) this.deps.rooms.deleteRoom(roomName(eventId, table.id))
    this.deps.purgeDeleted?.()
  }

  /**
   * The event as a group's phone link sees it: the view with the table the
   * group sits at in the running station (`seat`, null in free rotation).
   */
  groupView(eventId: string, groupId: string): EventView {
    const view = this.view(eventId)
    return { ...view, seat: seatView(view.config, view.currentStation, groupId) }
  }

  view(eventId: string): EventView {
    const event = this.require(eventId)
    return {
      id: event.id,
      config: event.config,
      currentStation: event.state.currentStation,
      timer: event.state.timer,
      serverTime: this.now(),
      createdAt: event.createdAt,
      expiresAt: eventExpiresAt(event.config.date, event.createdAt, this.deps.retentionDays ?? 0),
    }
  }

  /**
   * Snapshots every board and advances the station in one store transaction,
   * then switches every board. Boards without a browser attached are written
   * too; offline browsers receive the change when they reconnect.
   *
   * `expectedFrom` is the station the organiser saw as running: when the day
   * has moved on since (a second click, a second control room), nothing
   * happens and the answer is 409, so the day moves once. The check is made
   * inside the transaction that moves the day.
   *
   * Once the new station is stored, the change answers as done: a board that
   * cannot be switched now is reported and unloaded, and gets the day when it
   * is next opened (see `repairLoadedBoard`), so no answer says "failed" for a
   * change that happened.
   */
  async advanceStation(
    eventId: string,
    expectedFrom?: number,
  ): Promise<{ view: EventView; snapshots: SnapshotSummary[] }> {
    const event = this.require(eventId)
    const from = event.state.currentStation
    if (expectedFrom !== undefined && expectedFrom !== from) throw stationMoved(expectedFrom)
    if (from >= event.config.stations.length - 1) {
      throw new ConflictError('The event is already at its last station')
    }
    // The new station's timer waits for the organiser unless the event says a change starts it.
    const next: EventState = {
      currentStation: from + 1,
      timer: event.config.startTimerOnStationChange
        ? runningTimer(event.config, from + 1, this.now())
        : idleTimer(event.config, from + 1),
    }
    const boards = await this.boardSnapshots(event, from, 'station-change')
    const snapshots = this.deps.snapshots.insertAll(boards, new Date(this.now()), () => {
      // Another process sharing the store may be moving the same day: the
      // first to take the event's lock moves it, the second then reads the
      // moved station below and answers 409.
      this.deps.lock?.(`event:${eventId}`)
      // Between reading the event and this transaction another change may have run.
      if (this.require(eventId).state.currentStation !== from)
        throw stationMoved(expectedFrom ?? from)
      this.deps.events.saveState(eventId, next)
    })
    const updated = { ...event, state: next }
    await this.writeDayToBoards(updated)
    return { view: this.view(eventId), snapshots }
  }

  /**
   * Snapshots every board of the running station now, without moving on
   * ("Zwischenstand sichern"): the end of the last station has no station
   * change to save it, and an organiser may want a save point before the
   * plenary. Snapshots are immutable and marked `manual`.
   */
  async snapshotNow(eventId: string): Promise<SnapshotSummary[]> {
    const event = this.require(eventId)
    const snapshots = await this.boardSnapshots(event, event.state.currentStation, 'manual')
    return this.deps.snapshots.insertAll(snapshots, new Date(this.now()))
  }

  /** Every board of the event as it is now, as snapshots of `stationIndex` to store together. */
  private async boardSnapshots(
    event: StoredEvent,
    stationIndex: number,
    reason: 'station-change' | 'manual',
  ): Promise<NewSnapshot[]> {
    const stationId = event.config.stations[stationIndex]!.id
    const states = await Promise.all(
      event.config.tables.map((table) => this.deps.rooms.encodeState(roomName(event.id, table.id))),
    )
    return event.config.tables.map((table, i) => ({
      eventId: event.id,
      tableId: table.id,
      stationIndex,
      stationId,
      reason,
      state: states[i]!,
    }))
  }

  async updateTimer(
    eventId: string,
    change: (timer: TimerState, now: number, config: EventConfig, station: number) => TimerState,
  ): Promise<EventView> {
    const event = this.require(eventId)
    const timer = change(event.state.timer, this.now(), event.config, event.state.currentStation)
    const state = { ...event.state, timer }
    this.deps.events.saveState(eventId, state)
    await this.writeDayToBoards({ ...event, state })
    return this.view(eventId)
  }

  /** The control room's live picture: who is on each board and how many notes each column holds. */
  async overview(eventId: string): Promise<EventOverview> {
    const event = this.require(eventId)
    const station = event.config.stations[event.state.currentStation]!
    const tables = await Promise.all(
      event.config.tables.map(async (table): Promise<TableOverview> => {
        const room = roomName(eventId, table.id)
        const presence = await this.deps.rooms.presence(room)
        const contents = readBoardContents([...(await this.boardRecords(room)).values()])
        const classified = classifyNotes(contents.notes, contents.columns)
        const current = classified.stations.find((entry) => entry.stationId === station.id)
        return {
          id: table.id,
          connections: presence.connections,
          presence: presence.presence,
          names: presence.names,
          moderatorNames: presence.moderatorNames,
          columns: station.columns.map(
            (_, index) =>
              current?.columns.find((column) => column.columnIndex === index)?.notes.length ?? 0,
          ),
          unsorted: current?.unsorted.length ?? 0,
        }
      }),
    )
    return { tables, serverTime: this.now() }
  }

  listSnapshots(eventId: string): SnapshotSummary[] {
    this.require(eventId)
    return this.deps.snapshots.list(eventId)
  }

  /** A stored snapshot; a damaged one (its checksum fails) answers 409 and is reported. */
  snapshot(eventId: string, snapshotId: string): SnapshotSummary & { state: Uint8Array } {
    let snapshot: (SnapshotSummary & { state: Uint8Array }) | null
    try {
      snapshot = this.deps.snapshots.get(eventId, snapshotId)
    } catch (error) {
      if (!(error instanceof DamagedSnapshotError)) throw error
      this.log(`store corrupt-row snapshot=${error.snapshotId}`)
      throw new ConflictError('This snapshot is damaged in storage; choose another one')
    }
    if (!snapshot) throw new NotFoundError('No such snapshot')
    return snapshot
  }

  /** A snapshot with the board records it holds, for the control room's viewer. */
  snapshotRecords(
    eventId: string,
    snapshotId: string,
  ): { snapshot: SnapshotSummary; records: TLRecord[] } {
    const { state, ...snapshot } = this.snapshot(eventId, snapshotId)
    return { snapshot, records: [...this.readRecords(`snapshot=${snapshot.id}`, state).values()] }
  }

  /**
   * A table's board as it is now, for the control room's board images of the
   * running station (a snapshot holds only what was saved, not what is being
   * written). Read the way results read the live board.
   */
  async liveBoard(eventId: string, tableId: string): Promise<LiveBoardResponse> {
    const event = this.require(eventId)
    if (!event.config.tables.some((table) => table.id === tableId)) {
      throw new NotFoundError(`No table "${tableId}" in this event`, 'tableId')
    }
    const records = await this.boardRecords(roomName(eventId, tableId))
    return {
      tableId,
      stationIndex: event.state.currentStation,
      at: new Date(this.now()).toISOString(),
      records: [...records.values()],
    }
  }

  /** A board's records as they are now. */
  private async boardRecords(room: string): Promise<Map<string, TLRecord>> {
    return this.readRecords(`room=${room}`, await this.deps.rooms.encodeState(room))
  }

  /** Records from a stored state, with entries that are no board record reported and left out. */
  private readRecords(source: string, state: Uint8Array): Map<string, TLRecord> {
    return readRecords(state, this.deps.schema, (problem) =>
      this.log(`board bad-entry ${source} ${problem}`),
    )
  }

  /**
   * Restores a board to a snapshot. The board as it was just before is kept as
   * a 'pre-restore' snapshot, so restoring that one undoes the restore.
   */
  async restore(eventId: string, snapshotId: string): Promise<{ undo: SnapshotSummary }> {
    const event = this.require(eventId)
    const target = this.snapshot(eventId, snapshotId)
    const room = roomName(eventId, target.tableId)
    const current = await this.deps.rooms.encodeState(room)
    const station = event.config.stations[event.state.currentStation]!
    const [undo] = this.deps.snapshots.insertAll([
      {
        eventId,
        tableId: target.tableId,
        stationIndex: event.state.currentStation,
        stationId: station.id,
        reason: 'pre-restore',
        state: current,
      },
    ])
    const records = this.readRecords(`snapshot=${target.id}`, target.state)
    await this.deps.rooms.transact(room, (doc) => {
      restoreRecords(doc, this.deps.schema, records)
      // A snapshot may hold phone notes an earlier version stored unsized.
      mendPhoneNotes(doc, this.deps.schema, event.config.language)
      // The station layout follows the day, not the snapshot: re-apply it on top.
      writeBoardDay(doc, this.deps.schema, event.config, dayOf(event))
    })
    return { undo: undo! }
  }

  /**
   * Brings every board in line with where the day stands. A board that
   * cannot be written now is reported and closed, never failing the others:
   * it is brought in line when it is next loaded.
   */
  private async writeDayToBoards(event: StoredEvent): Promise<void> {
    const day = dayOf(event)
    await Promise.all(
      event.config.tables.map(async (table) => {
        const room = roomName(event.id, table.id)
        try {
          await this.deps.rooms.transact(room, (doc: Y.Doc) =>
            writeBoardDay(doc, this.deps.schema, event.config, day),
          )
        } catch (error) {
          this.log(`event day-write-failed room=${room} error=${errorName(error)}`)
          this.deps.rooms.closeRoom(room, CloseCode.ShuttingDown, CloseReason.ShuttingDown)
        }
      }),
    )
  }

  private require(eventId: string): StoredEvent {
    const event = this.deps.events.get(eventId)
    if (!event) throw new NotFoundError('No such event')
    return event
  }
}

function dayOf(event: StoredEvent): BoardDayState {
  return boardDay(event.config.stations, event.state.currentStation, event.state.timer)
}

function stationMoved(expected: number): ConflictError {
  return new ConflictError(
    `The day is no longer at station ${expected + 1}; it was changed already`,
    'from',
  )
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error
}

function idleTimer(config: EventConfig, station: number): TimerState {
  return {
    durationSeconds: stationDurationSeconds(config, station),
    runningSince: null,
    elapsedBeforeSeconds: 0,
  }
}

function runningTimer(config: EventConfig, station: number, now: number): TimerState {
  return { ...idleTimer(config, station), runningSince: now }
}
