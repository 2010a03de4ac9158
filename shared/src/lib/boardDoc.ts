/**
 * Layout of a table board's Y.Doc, shared by the server (which writes station
 * frames and snapshots) and the client (which binds tldraw to it).
 *
 * - `records`: a Y.Array used through y-utility's YKeyValue, keyed by tldraw
 *   record id, value = the record as plain JSON. YKeyValue keeps the doc size
 *   proportional to the live board, not to its edit history.
 * - `meta`: a Y.Map with the tldraw schema the records were written with and
 *   the board's own bookkeeping.
 */
export const BOARD_DOC = {
  records: 'records',
  meta: 'meta',
} as const

/**
 * The one page of every board. tldraw's default store creates it under this
 * id, and the server seeds every board with it, so notes written anywhere
 * (a phone, the bench) have the same parent.
 */
export const BOARD_PAGE_ID = 'page:page'

export const BOARD_META = {
  /** tldraw's serialized schema (`schema.serialize()`), for version-skew checks. */
  schema: 'schema',
  /** PROTOCOL_VERSION of the writer that initialised the board. */
  protocol: 'protocol',
  /** Where the day stands, written by the server: a `BoardDayState`. */
  day: 'day',
} as const

/**
 * The event's running state as each board sees it. The server writes it into
 * every board's doc, so a board that was offline during a station change
 * catches up through ordinary sync.
 */
export interface BoardDayState {
  stationIndex: number
  stationId: string
  timer: import('./api').TimerState
}

/** Where the day stands as each board sees it, from the event's config and running state. */
export function boardDay(
  stations: ReadonlyArray<{ id: string }>,
  currentStation: number,
  timer: import('./api').TimerState,
): BoardDayState {
  const station = stations[currentStation]
  if (station === undefined) throw new RangeError(`no station ${currentStation}`)
  return { stationIndex: currentStation, stationId: station.id, timer }
}

/** Our own bookkeeping in tldraw's `meta` field of frames we write. */
export interface ColumnFrameMeta {
  tablecloth: 'column'
  stationId: string
  stationIndex: number
  columnIndex: number
}

/** Our bookkeeping on notes: where and by whom a note was written. */
export interface NoteMeta {
  stationId?: string
  groupId?: string
  author?: string
  createdAt?: string
  /** 'phone' when sent from the participant page. */
  via?: 'board' | 'phone'
  /**
   * The cluster the moderator grouped the note into (see `noteClusters`);
   * null once the note was taken out of one. Notes sharing it are harvested
   * together, under the cluster's heading.
   */
  clusterId?: string | null
}

/**
 * tldraw record types that belong in the shared document. Everything else
 * (camera, instance state, pointer, presence) is per-user and stays local or
 * travels over awareness.
 */
export const DOCUMENT_RECORD_TYPES = ['document', 'page', 'shape', 'binding', 'asset'] as const
export type DocumentRecordType = (typeof DOCUMENT_RECORD_TYPES)[number]

export function isDocumentRecordId(id: string): boolean {
  const type = id.slice(0, id.indexOf(':'))
  return (DOCUMENT_RECORD_TYPES as readonly string[]).includes(type)
}
