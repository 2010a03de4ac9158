import http from 'node:http'
import { PROTOCOL_VERSION, SYNC_QUERY } from '@tablecloth/shared'
import {
  BoardClient,
  type NoteListener,
  type StampReader,
  type WebSocketClass,
} from '../BoardClient'
import { wanderCursor } from '../boardLoad'
import type { LoadSettings, TableSeat } from './loadProcess'

/** The screens at one conference table, in the order their receipts are counted. */
export const TABLE_SCREENS = ['moderator', 'co-moderator', 'projector', 'gallery'] as const

/** What a phone note's `POST` came back with. */
export interface PostOutcome {
  status: number
  ms: number
}

/**
 * Phone notes carry their probe in the text the server writes onto the
 * board: "Phone note <table>.<n> …".
 */
const PHONE_NOTE_TEXT = /^Phone note (\S+) /

/** The probe id a phone note's text names, or null for any other text. */
export function phoneProbeOf(text: string): string | null {
  return PHONE_NOTE_TEXT.exec(text)?.[1] ?? null
}

/**
 * One conference table in the load: the moderator's board (its cursor moves
 * at `cursorHz` for one spell, then rests for one), a co-moderator's board,
 * the projector and the gallery's tile of this table (both read-only), and
 * phones that send a note over HTTP in turn. The board sockets behave like
 * the app's (own presence only; viewers announce none), not like stock
 * y-websocket, which echoes every peer's cursor.
 */
export class ConferenceTable {
  readonly screens: BoardClient[]
  private readonly timers: NodeJS.Timeout[] = []
  private notes = 0

  constructor(
    readonly seat: TableSeat,
    private readonly settings: LoadSettings,
    webSocket: WebSocketClass,
    onNote: (screen: number) => NoteListener,
    stampOf: StampReader,
  ) {
    const address = (token: string) => ({
      serverUrl: seat.serverUrl,
      room: seat.room,
      params: { [SYNC_QUERY.token]: token, [SYNC_QUERY.protocol]: String(PROTOCOL_VERSION) },
    })
    const tokens = [seat.moderatorToken, seat.moderatorToken, seat.viewerToken, seat.galleryToken]
    this.screens = TABLE_SCREENS.map(
      (screen, index) =>
        new BoardClient(address(tokens[index]!), `Table ${seat.key} ${screen}`, onNote(index), {
          presence: index < 2 ? 'own' : 'none',
          WebSocket: webSocket,
          stampOf,
        }),
    )
  }

  synced(): Promise<void> {
    return Promise.all(this.screens.map((screen) => screen.synced())).then(() => {})
  }

  /**
   * Starts the moderator's cursor and the phones. `sendNote` is called for
   * every phone note with its probe id and how to send it.
   */
  start(sendNote: (probe: string, post: () => Promise<PostOutcome>) => void): void {
    const { cursorHz, cursorSpellMs, phoneNoteIntervalMs } = this.settings
    const phase = Math.random() * 2 * cursorSpellMs
    const moving = () => (performance.now() + phase) % (2 * cursorSpellMs) < cursorSpellMs
    wanderCursor(this.screens[0]!, cursorHz, this.timers, moving)
    // Tables do not write in step: each starts at a random point of its interval.
    this.timers.push(
      setTimeout(() => {
        const beat = () => {
          const n = this.notes++
          const probe = `${this.seat.key}.${n}`
          sendNote(probe, () => this.post(probe, n))
        }
        beat()
        this.timers.push(setInterval(beat, phoneNoteIntervalMs))
      }, Math.random() * phoneNoteIntervalMs),
    )
  }

  /** Sends note `n` from the table's next phone, as the phone page does. */
  private post(probe: string, n: number): Promise<PostOutcome> {
    const { phoneAddresses } = this.settings
    const agent = phoneAgent(phoneAddresses[n % phoneAddresses.length]!)
    const body = JSON.stringify({
      text: `Phone note ${probe} from table ${this.seat.key}: more shade in the schoolyard`,
      column: n % 2,
    })
    const startedAt = performance.now()
    return new Promise((resolve) => {
      const request = http.request(
        this.seat.notesUrl,
        {
          method: 'POST',
          agent,
          headers: {
            authorization: `Bearer ${this.seat.participantToken}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          response.resume()
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, ms: performance.now() - startedAt }),
          )
          response.on('error', () => resolve({ status: 0, ms: performance.now() - startedAt }))
        },
      )
      request.on('error', () => resolve({ status: 0, ms: performance.now() - startedAt }))
      request.end(body)
    })
  }

  destroy(): void {
    for (const timer of this.timers.splice(0)) clearTimeout(timer)
    for (const screen of this.screens) screen.destroy()
  }
}

/** One keep-alive agent per phone address: every table's phone n comes from the same device address. */
const agents = new Map<string, http.Agent>()

function phoneAgent(localAddress: string): http.Agent {
  let agent = agents.get(localAddress)
  if (!agent) {
    agent = new http.Agent({ keepAlive: true, localAddress })
    agents.set(localAddress, agent)
  }
  return agent
}
