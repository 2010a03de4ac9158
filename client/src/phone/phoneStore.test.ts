import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  NOTE_TEXT_MAX_LENGTH,
  type EventView,
  type PhoneNoteRequest,
  type PhoneNoteResponse,
} from '@tablecloth/shared'
import { ApiError } from '../api/apiClient'
import type { DraftStorage } from './draftStorage'
import { draftLength, draftOverflow, draftProblem } from './noteDraft'
import type { PhoneApi } from './phoneApi'
import { parseGroupPhonePath, parsePhonePath } from './phoneRoute'
import { createPhoneStore, type PhoneStore } from './phoneStore'
import { memoryTableChoiceStorage, type TableChoiceStorage } from './tableChoiceStorage'

function view(currentStation = 0): EventView {
  return {
    id: 'ev1',
    currentStation,
    serverTime: 0,
    createdAt: '2026-11-25T08:00:00.000Z',
    expiresAt: null,
    timer: { durationSeconds: 2700, runningSince: null, elapsedBeforeSeconds: 0 },
    config: {
      title: 'Zukunftswerkstatt',
      date: '2026-11-25',
      venue: '',
      tables: [{ id: 't1', topic: 'Sprache', moderator: 'Ana' }],
      stations: [
        {
          id: 's1',
          title: 'Station 1',
          columns: ['Was läuft gut?', 'Wo hakt es?'],
          durationMinutes: 45,
        },
        { id: 's2', title: 'Station 2', columns: ['Was brauchen wir?'], durationMinutes: 30 },
      ],
      groups: [],
      rotation: { mode: 'free' },
      showBoardToParticipants: false,
      startTimerOnStationChange: false,
      language: 'de',
    },
  }
}

/** A fake server: the next answers are queued; every sent note is recorded. */
class FakeApi implements PhoneApi {
  readonly sent: PhoneNoteRequest[] = []
  /** The table of each sent note, in the same order. */
  readonly sentTo: string[] = []
  views: Array<EventView | ApiError> = [view()]
  answers: Array<PhoneNoteResponse | ApiError> = []

  async loadEvent(): Promise<EventView> {
    const next = this.views.length > 1 ? this.views.shift()! : this.views[0]!
    if (next instanceof ApiError) throw next
    return next
  }

  async sendNote(note: PhoneNoteRequest, tableId: string): Promise<PhoneNoteResponse> {
    this.sent.push(note)
    this.sentTo.push(tableId)
    const answer = this.answers.shift() ?? { id: `shape:${this.sent.length}` }
    if (answer instanceof ApiError) throw answer
    return answer
  }
}

class MemoryDraft implements DraftStorage {
  constructor(public text = '') {}
  load(): string {
    return this.text
  }
  save(text: string): void {
    this.text = text
  }
}

let api: FakeApi
let draft: MemoryDraft
let store: PhoneStore
let keys = 0

function newStore(): PhoneStore {
  return createPhoneStore({ tableId: 't1', api, draft, newKey: () => `key-${++keys}` })
}

async function readyStore(): Promise<PhoneStore> {
  const ready = newStore()
  await ready.getState().refresh()
  expect(ready.getState().load.state).toBe('ready')
  return ready
}

const networkDown = () => new ApiError(0, 'network', 'server not reachable')

beforeEach(() => {
  api = new FakeApi()
  draft = new MemoryDraft()
  keys = 0
})

afterEach(() => {
  vi.useRealTimers()
})

describe('loading the event', () => {
  it('shows the event when the link is good', async () => {
    store = await readyStore()
    expect(store.getState().column).toBeNull()
  })

  it('says the link is invalid when the server refuses it', async () => {
    api.views = [new ApiError(401, 'unauthorized', 'no')]
    store = newStore()
    await store.getState().refresh()
    expect(store.getState().load).toEqual({ state: 'refused', reason: 'invalidLink' })
  })

  it('says the table is unknown when the event does not have it', async () => {
    store = createPhoneStore({ tableId: 'other', api, draft })
    await store.getState().refresh()
    expect(store.getState().load).toEqual({ state: 'refused', reason: 'notFound' })
  })

  it('says the server is unreachable on first load, but keeps a loaded page usable', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    api.views = [networkDown()]
    store = newStore()
    await store.getState().refresh()
    expect(store.getState().load.state).toBe('unreachable')

    api.views = [view(), networkDown()]
    store = await readyStore()
    await store.getState().refresh()
    expect(store.getState().load.state).toBe('ready')
    expect(warn).toHaveBeenCalled()
    warn.mockRestore()
  })

  it('asks for the question again when the station changes under a chosen one', async () => {
    api.views = [view(0), view(1)]
    store = await readyStore()
    store.getState().chooseColumn(1)
    await store.getState().refresh()
    expect(store.getState().column).toBeNull()
    expect(store.getState().outcome).toEqual({ kind: 'stationChanged' })
  })

  it('brings back a draft typed before a reload', () => {
    draft.text = 'Halb geschrieben'
    expect(newStore().getState().text).toBe('Halb geschrieben')
  })
})

describe('sending a note', () => {
  it('sends text, column, station and the draft’s key, then clears the draft', async () => {
    store = await readyStore()
    store.getState().chooseColumn(1)
    store.getState().setText('„Kita-Plätze“ fehlen 🚸')
    const key = store.getState().draftKey
    await store.getState().send()

    expect(api.sent).toEqual([
      { text: '„Kita-Plätze“ fehlen 🚸', column: 1, stationId: 's1', idempotencyKey: key },
    ])
    expect(store.getState()).toMatchObject({ text: '', sending: false, outcome: { kind: 'sent' } })
    expect(store.getState().draftKey).not.toBe(key)
    expect(draft.text).toBe('')
  })

  it.each([
    ['no question chosen', null, 'Text', 'noColumn'],
    ['an empty note', 0, '   ', 'empty'],
    ['a note over the limit', 0, 'x'.repeat(NOTE_TEXT_MAX_LENGTH + 1), 'tooLong'],
  ] as const)('does not send %s', async (_, column, text, problem) => {
    store = await readyStore()
    if (column !== null) store.getState().chooseColumn(column)
    store.getState().setText(text)
    await store.getState().send()
    expect(api.sent).toEqual([])
    expect(store.getState().outcome).toEqual({ kind: 'problem', problem })
    expect(store.getState().text).toBe(text)
  })

  it('keeps the text when the network is down, and resends it under the same key', async () => {
    store = await readyStore()
    store.getState().chooseColumn(0)
    store.getState().setText('Nichts geht verloren')
    api.answers = [networkDown()]
    await store.getState().send()
    expect(store.getState()).toMatchObject({
      text: 'Nichts geht verloren',
      outcome: { kind: 'network' },
    })
    expect(draft.text).toBe('Nichts geht verloren')

    await store.getState().send()
    expect(api.sent).toHaveLength(2)
    expect(api.sent[1]!.idempotencyKey).toBe(api.sent[0]!.idempotencyKey)
    expect(store.getState().outcome).toEqual({ kind: 'sent' })
  })

  it('gives an edited draft a new key, so the edit is not taken for a resend', async () => {
    store = await readyStore()
    store.getState().chooseColumn(0)
    store.getState().setText('Erster Versuch')
    api.answers = [networkDown()]
    await store.getState().send()
    store.getState().setText('Zweiter Versuch')
    await store.getState().send()
    expect(api.sent[1]!.idempotencyKey).not.toBe(api.sent[0]!.idempotencyKey)
  })

  it('waits as long as the server asks after too many notes, keeping the text', async () => {
    vi.useFakeTimers()
    store = await readyStore()
    store.getState().chooseColumn(0)
    store.getState().setText('Eine zu viel')
    api.answers = [
      new ApiError(429, 'rate_limited', 'slow down', undefined, { retryAfterSeconds: 7 }),
    ]
    await store.getState().send()
    expect(store.getState()).toMatchObject({
      waiting: true,
      text: 'Eine zu viel',
      outcome: { kind: 'rateLimited', seconds: 7 },
    })

    await store.getState().send()
    expect(api.sent).toHaveLength(1)
    store.getState().setText('Eine zu viel, gekürzt')
    expect(store.getState().outcome).toEqual({ kind: 'rateLimited', seconds: 7 })

    vi.advanceTimersByTime(7000)
    expect(store.getState().waiting).toBe(false)
    await store.getState().send()
    expect(api.sent).toHaveLength(2)
  })

  it('asks for the question again when the station has moved on, and reloads the event', async () => {
    api.views = [view(0), view(1)]
    store = await readyStore()
    store.getState().chooseColumn(1)
    store.getState().setText('Zu spät')
    api.answers = [new ApiError(409, 'conflict', 'moved on', 'stationId')]
    await store.getState().send()
    expect(store.getState()).toMatchObject({
      column: null,
      text: 'Zu spät',
      outcome: { kind: 'stationChanged' },
    })
    await vi.waitFor(() => {
      const load = store.getState().load
      expect(load.state === 'ready' && load.view.currentStation).toBe(1)
    })
  })

  it('names the server’s own validation problems', async () => {
    store = await readyStore()
    store.getState().chooseColumn(0)
    store.getState().setText('x')
    const tooLong = { field: 'text', code: 'too_long', params: { max: NOTE_TEXT_MAX_LENGTH } }
    api.answers = [new ApiError(400, 'validation_failed', 'text: too long', 'text', [tooLong])]
    await store.getState().send()
    expect(store.getState().outcome).toEqual({ kind: 'problem', problem: 'tooLong' })
  })

  it('says when the server could not save, the board is full, and the link stopped working', async () => {
    store = await readyStore()
    store.getState().chooseColumn(0)
    store.getState().setText('x')
    api.answers = [
      new ApiError(507, 'storage_failure', 'no disk'),
      new ApiError(507, 'board_full', 'the board is full'),
      new ApiError(403, 'forbidden', 'no'),
    ]
    await store.getState().send()
    expect(store.getState().outcome).toEqual({ kind: 'storage' })
    await store.getState().send()
    expect(store.getState().outcome).toEqual({ kind: 'boardFull' })
    expect(store.getState().text).toBe('x')
    await store.getState().send()
    expect(store.getState().load).toEqual({ state: 'refused', reason: 'invalidLink' })
    expect(store.getState().text).toBe('x')
  })
})

describe('drafts', () => {
  it('counts characters as the server does: trimmed, an emoji once', () => {
    expect(draftLength('  🚸 ß  ')).toBe(3)
    expect(draftOverflow('x'.repeat(NOTE_TEXT_MAX_LENGTH))).toBe(0)
    expect(draftOverflow('x'.repeat(NOTE_TEXT_MAX_LENGTH + 4))).toBe(4)
  })

  it('names the question first, then the text', () => {
    expect(draftProblem('', null, 2)).toBe('noColumn')
    expect(draftProblem('', 0, 2)).toBe('empty')
    expect(draftProblem('ok', 0, 2)).toBeNull()
  })
})

describe('parsePhonePath', () => {
  it('reads the event and table of a phone link', () => {
    expect(parsePhonePath('/p/ev_1/t-2')).toEqual({ eventId: 'ev_1', tableId: 't-2' })
    expect(parsePhonePath('/p/ev_1/t-2/')).toEqual({ eventId: 'ev_1', tableId: 't-2' })
  })

  it('refuses other paths', () => {
    for (const path of ['/', '/p/ev', '/p/ev/t/x', '/e/ev/t/t1', '/p/ev/t%20x']) {
      expect(parsePhonePath(path)).toBeNull()
    }
  })
})

describe("a group's phone", () => {
  /** Two tables; the plan seats group g1 at `seat` (null: free rotation, the phone asks). */
  function groupView(currentStation: number, seat: 't1' | 't2' | null): EventView {
    const base = view(currentStation)
    const tables = [
      { id: 't1', topic: 'Sprache', moderator: '' },
      { id: 't2', topic: 'Arbeitsmarktintegration', moderator: '' },
    ]
    const topic = seat === 't2' ? 'Arbeitsmarktintegration' : 'Sprache'
    return {
      ...base,
      config: {
        ...base.config,
        tables,
        groups: [{ id: 'g1', name: 'Blau', colour: 'blue' }],
        rotation:
          seat === null
            ? { mode: 'free' }
            : {
                mode: 'fixed',
                plan: [{ g1: currentStation === 0 ? seat : 't1' }, { g1: seat }],
              },
      },
      seat: seat === null ? null : { tableId: seat, title: topic, number: seat === 't2' ? 2 : 1 },
    }
  }

  let choices: TableChoiceStorage

  function groupStore(): PhoneStore {
    return createPhoneStore({
      group: { groupId: 'g1', choices },
      api,
      draft,
      newKey: () => `key-${++keys}`,
    })
  }

  beforeEach(() => {
    choices = memoryTableChoiceStorage()
  })

  it("writes to the group's seat, and says nothing of a move on first load", async () => {
    api.views = [groupView(0, 't1')]
    store = groupStore()
    await store.getState().refresh()
    expect(store.getState()).toMatchObject({ table: 't1', moved: null })
    store.getState().chooseColumn(0)
    store.getState().setText('Sprachcafé am Abend')
    await store.getState().send()
    expect(api.sentTo).toEqual(['t1'])
  })

  it('moves to the new table at a station change, says so, and keeps the draft', async () => {
    api.views = [groupView(0, 't1'), groupView(1, 't2')]
    store = groupStore()
    await store.getState().refresh()
    store.getState().chooseColumn(1)
    store.getState().setText('Halb geschrieben')
    await store.getState().refresh()
    expect(store.getState()).toMatchObject({
      table: 't2',
      moved: { number: 2, title: 'Arbeitsmarktintegration' },
      text: 'Halb geschrieben',
      // The questions are new: nothing goes out under the old one.
      column: null,
    })
    expect(api.sent).toEqual([])
    store.getState().dismissMove()
    expect(store.getState().moved).toBeNull()
    store.getState().chooseColumn(0)
    await store.getState().send()
    expect(api.sentTo).toEqual(['t2'])
  })

  it('keeps a note refused with 403 at a moved seat, reads the event again and shows the new table', async () => {
    api.views = [groupView(0, 't1'), groupView(1, 't2')]
    store = groupStore()
    await store.getState().refresh()
    store.getState().chooseColumn(0)
    store.getState().setText('Unterwegs verschoben')
    api.answers = [new ApiError(403, 'forbidden', 'Your group sits at another table now')]
    await store.getState().send()
    await vi.waitFor(() => expect(store.getState().table).toBe('t2'))
    expect(store.getState()).toMatchObject({
      load: { state: 'ready' },
      text: 'Unterwegs verschoben',
      outcome: { kind: 'stationChanged' },
      column: null,
      moved: { number: 2 },
    })
    expect(draft.text).toBe('Unterwegs verschoben')
  })

  it('says the group is not found when the event no longer has it', async () => {
    const gone = groupView(0, 't1')
    api.views = [{ ...gone, config: { ...gone.config, groups: [] } }]
    store = groupStore()
    await store.getState().refresh()
    expect(store.getState().load).toEqual({ state: 'refused', reason: 'notFound' })
  })

  it('in free rotation asks for the table once per station and remembers the answer', async () => {
    api.views = [groupView(0, null)]
    store = groupStore()
    await store.getState().refresh()
    expect(store.getState().table).toBeNull()
    store.getState().chooseColumn(0)
    store.getState().setText('Wohin damit?')
    await store.getState().send()
    expect(api.sent).toEqual([])

    store.getState().chooseTable('t2')
    expect(store.getState().table).toBe('t2')
    await store.getState().send()
    expect(api.sentTo).toEqual(['t2'])

    // A reload in the same station does not ask again.
    store = groupStore()
    await store.getState().refresh()
    expect(store.getState().table).toBe('t2')

    // The next station asks again; changing the table asks at once.
    api.views = [groupView(1, null)]
    await store.getState().refresh()
    expect(store.getState()).toMatchObject({ table: null, moved: null })
    store.getState().chooseTable('t1')
    store.getState().changeTable()
    expect(store.getState().table).toBeNull()
  })
})

describe('parseGroupPhonePath', () => {
  it("reads the event and group of a group's phone link, and nothing else", () => {
    expect(parseGroupPhonePath('/p/ev_1/g/g-2')).toEqual({ eventId: 'ev_1', groupId: 'g-2' })
    expect(parseGroupPhonePath('/p/ev_1/g/g-2/')).toEqual({ eventId: 'ev_1', groupId: 'g-2' })
    for (const path of ['/p/ev/t1', '/p/ev/g', '/p/ev/x/g1', '/p/ev/g/g1/x']) {
      expect(parseGroupPhonePath(path)).toBeNull()
    }
    // A table's link is never a group's, and the other way round.
    expect(parsePhonePath('/p/ev_1/g/g-2')).toBeNull()
  })
})
