import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CreateEventResponse } from '@tablecloth/shared'
import { draftExportText } from './draftExport'
import type { EventDraft } from './eventDraft'
import { anchorOf, formPathsOf, issuesByAnchor } from './fieldPaths'
import { useMyEvents } from './myEventsStore'
import { SETUP_LIMITS } from './setupLimits'
import { MAX_IMPORT_BYTES, useSetupStore } from './setupStore'

const store = () => useSetupStore.getState()
const draft = (): EventDraft => {
  const current = store().draft
  if (!current) throw new Error('no draft')
  return current
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })
}

const created: CreateEventResponse = {
  id: 'ev1',
  organiserToken: 'secret',
  links: {
    control: 'http://localhost/e/ev1/control#token=secret',
    gallery: 'g',
    tables: [],
    groups: [],
  },
}

/** The template with groups, a fixed plan and an empty duration: most of what a draft can hold. */
function richDraft(): EventDraft {
  store().loadTemplate()
  store().addGroup()
  store().addGroup()
  store().editEntry('groups', 0, { name: 'Blau', colour: 'blue' })
  store().editEntry('groups', 1, { name: 'Ohne Farbe' })
  store().setRotationMode('fixed')
  store().adoptGeneratedPlan()
  store().editEntry('tables', 0, { moderator: 'Ümit Öztürk' })
  store().editEntry('stations', 2, { durationMinutes: null })
  store().update((event) => {
    event.showBoardToParticipants = true
  })
  return draft()
}

beforeEach(() => {
  localStorage.clear()
  useSetupStore.setState(useSetupStore.getInitialState(), true)
  useMyEvents.setState({ events: [] })
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('starting a draft', () => {
  it('has no draft until the organiser picks a start', () => {
    expect(store().draft).toBeNull()
  })

  it('loads the Winnenden template, which validates without issues', () => {
    store().loadTemplate()
    expect(draft().tables).toHaveLength(11)
    expect(draft().stations.map((station) => station.columns.length)).toEqual([2, 2, 2])
    expect(draft().tables.map((table) => table.id)).toEqual(
      Array.from({ length: 11 }, (_, index) => `t${index + 1}`),
    )
    expect(store().validate()).toEqual([])
  })

  it('starts an empty event with one table and one station, which still needs filling in', () => {
    store().startEmpty('Station 1')
    expect(draft()).toMatchObject({
      title: '',
      tables: [{ topic: '' }],
      stations: [{ title: 'Station 1' }],
    })
    const fields = store()
      .validate()
      .map((issue) => issue.field)
    expect(fields).toEqual(
      expect.arrayContaining(['title', 'tables.0.topic', 'stations.0.columns.0']),
    )
  })

  it('keeps the replaced draft for undo', () => {
    store().startEmpty('Station 1')
    store().update((event) => {
      event.title = 'Mein Café'
    })
    store().loadTemplate()
    expect(store().notice).toMatchObject({ key: 'setup.notice.template', undoable: true })
    store().restorePrevious()
    expect(draft().title).toBe('Mein Café')
    expect(store().previousDraft).toBeNull()
  })
})

describe('JSON import and export', () => {
  it('round-trips a complete draft through export and import', () => {
    const original = richDraft()
    const text = draftExportText(original)
    store().startEmpty('Station 1')
    expect(store().importJson(text, 'event.json')).toEqual({
      status: 'imported',
      issues: [{ field: 'stations.2.durationMinutes', code: 'required' }],
    })
    expect(draft()).toEqual(original)
    // Exporting again gives the same bytes.
    expect(draftExportText(draft())).toBe(text)
  })

  it('round-trips the template to a valid import', () => {
    store().loadTemplate()
    const original = draft()
    expect(store().importJson(draftExportText(original), 'winnenden.json')).toEqual({
      status: 'imported',
      issues: [],
    })
    expect(draft()).toEqual(original)
    expect(store().notice).toMatchObject({ key: 'setup.notice.imported', tone: 'info' })
  })

  it('reports the issues of an invalid file and shows what it could read', () => {
    const file = {
      date: '2026-02-30',
      tables: [{ topic: 'Bildung' }, 'kein Tisch'],
      stations: [{ title: 'Runde 1', columns: [], durationMinutes: 500 }],
      rotation: { mode: 'fixed', plan: [{ g9: 't1' }] },
    }
    const result = store().importJson(JSON.stringify(file), 'kaputt.json')
    expect(result.status).toBe('imported')
    const issues = result.status === 'imported' ? result.issues : []
    expect(issues).toEqual(
      expect.arrayContaining([
        { field: 'title', code: 'required' },
        { field: 'date', code: 'invalid_date' },
        { field: 'tables.1.topic', code: 'required' },
        { field: 'stations.0.columns', code: 'too_few', params: { min: 1 } },
        { field: 'stations.0.durationMinutes', code: 'out_of_range', params: { max: 480 } },
      ]),
    )
    expect(draft().tables.map((table) => table.topic)).toEqual(['Bildung', ''])
    expect(store().issues).toEqual(issues)
    expect(store().fieldIssues.title).toEqual([{ field: 'title', code: 'required' }])
    expect(store().notice).toMatchObject({
      key: 'setup.notice.importedWithIssues.other',
      params: { file: 'kaputt.json', count: issues.length },
      tone: 'error',
    })
  })

  it('replaces ids the form could not fix and keeps valid ones', () => {
    const file = {
      title: 'Ids',
      date: '2026-03-12',
      tables: [
        { id: 'A', topic: 'a' },
        { id: 'A', topic: 'b' },
        { id: 'kein id!', topic: 'c' },
      ],
      stations: [{ title: 'S', columns: ['?'], durationMinutes: 30 }],
    }
    store().importJson(JSON.stringify(file), 'ids.json')
    const ids = draft().tables.map((table) => table.id)
    expect(ids[0]).toBe('A')
    expect(new Set(ids).size).toBe(3)
    expect(store().issues).toEqual([])
  })

  it('leaves the draft alone when the file is not JSON, not an event or too large', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    store().loadTemplate()
    const before = draft()
    expect(store().importJson('{ nicht json', 'a.json')).toEqual({ status: 'invalid_json' })
    expect(store().notice).toMatchObject({ key: 'setup.import.invalidJson', tone: 'error' })
    expect(store().importJson('[1, 2]', 'b.json')).toEqual({ status: 'not_an_event' })
    expect(store().importJson(' '.repeat(MAX_IMPORT_BYTES + 1), 'c.json')).toEqual({
      status: 'too_large',
    })
    expect(draft()).toBe(before)
  })
})

describe('issues and fields', () => {
  it('maps every issue to the form element that shows it', () => {
    store().loadTemplate()
    const paths = formPathsOf(draft())
    expect(anchorOf('stations.1.columns.0', paths)).toBe('stations.1.columns.0')
    expect(anchorOf('stations.1.columns', paths)).toBe('stations.1.columns')
    expect(anchorOf('tables.2.id', paths)).toBe('tables.2')
    expect(anchorOf('tables', paths)).toBe('tables')
    expect(anchorOf('rotation.mode', paths)).toBe('rotation')
    expect(anchorOf('rotation.plan.0.g1', paths)).toBe('rotation')
    expect(anchorOf('', paths)).toBe('')
    expect(anchorOf('unbekannt.feld', paths)).toBe('')
  })

  it('points fixed-plan issues at the choice of the group in that station', () => {
    store().loadTemplate()
    store().addGroup()
    store().editEntry('groups', 0, { name: 'Gelb' })
    store().setRotationMode('fixed')
    const issues = store().validate()
    expect(issues).toEqual([
      { field: 'rotation.plan.0.g1', code: 'group_not_seated', params: { group: 'g1' } },
      { field: 'rotation.plan.1.g1', code: 'group_not_seated', params: { group: 'g1' } },
      { field: 'rotation.plan.2.g1', code: 'group_not_seated', params: { group: 'g1' } },
    ])
    expect(Object.keys(store().fieldIssues)).toEqual([
      'rotation.plan.0.g1',
      'rotation.plan.1.g1',
      'rotation.plan.2.g1',
    ])
  })

  it('re-validates while typing once issues are shown, and not before', () => {
    store().startEmpty('Station 1')
    store().update((event) => {
      event.title = ''
    })
    expect(store().issues).toEqual([])
    store().validate()
    expect(store().fieldIssues.title).toHaveLength(1)
    store().update((event) => {
      event.title = 'Café'
    })
    expect(store().fieldIssues.title).toBeUndefined()
  })

  it('groups issues by the element that shows them', () => {
    store().loadTemplate()
    const grouped = issuesByAnchor(
      [
        { field: 'tables.0.id', code: 'duplicate_id', params: { id: 'x' } },
        { field: 'tables.0', code: 'invalid_type' },
        { field: '', code: 'too_many_issues', params: { omitted: 3 } },
      ],
      draft(),
    )
    expect(Object.keys(grouped).sort()).toEqual(['', 'tables.0'])
    expect(grouped['tables.0']).toHaveLength(2)
  })
})

describe('editing lists', () => {
  it('keeps the fixed plan in step with stations, tables and groups', () => {
    richDraft()
    const plan = draft().fixedPlan
    expect(plan).toHaveLength(3)
    store().moveEntry('stations', 0, 2)
    expect(draft().fixedPlan).toEqual([plan[1], plan[2], plan[0]])
    store().removeEntry('stations', 1)
    expect(draft().fixedPlan).toEqual([plan[1], plan[0]])
    const seatedTable = draft().fixedPlan[0]!.g1!
    store().removeEntry(
      'tables',
      draft().tables.findIndex((table) => table.id === seatedTable),
    )
    expect(draft().fixedPlan[0]!.g1).toBeUndefined()
    store().removeEntry('groups', 0)
    expect(draft().fixedPlan.every((seating) => !('g1' in seating))).toBe(true)
    store().addStation('Station 3')
    expect(draft().fixedPlan).toHaveLength(3)
  })

  it('moves entries and ignores moves past either end', () => {
    store().loadTemplate()
    const topics = draft().tables.map((table) => table.topic)
    store().moveEntry('tables', 0, 1)
    expect(
      draft()
        .tables.slice(0, 2)
        .map((table) => table.topic),
    ).toEqual([topics[1], topics[0]])
    store().moveEntry('tables', 0, -1)
    store().moveEntry('tables', 10, 11)
    expect(draft().tables).toHaveLength(11)
  })

  it('stops adding questions, tables and stations at the schema limits', () => {
    store().startEmpty('Station 1')
    for (let i = 0; i < 10; i++) store().addColumn(0)
    expect(draft().stations[0]!.columns).toHaveLength(SETUP_LIMITS.maxColumns)
    for (let i = 0; i < 10; i++) store().removeColumn(0, 0)
    expect(draft().stations[0]!.columns).toHaveLength(SETUP_LIMITS.minColumns)
    for (let i = 0; i < 100; i++) store().addTable()
    expect(draft().tables).toHaveLength(SETUP_LIMITS.tables)
    for (let i = 0; i < 20; i++) store().addStation('S')
    expect(draft().stations).toHaveLength(SETUP_LIMITS.stations)
    expect(new Set(draft().tables.map((table) => table.id)).size).toBe(SETUP_LIMITS.tables)
  })
})

describe('remembering the draft', () => {
  it('stores the draft on this device and reads it back', async () => {
    const original = richDraft()
    useSetupStore.setState({ draft: null })
    localStorage.setItem(
      'tablecloth.setup-draft',
      JSON.stringify({ state: { draft: original }, version: 1 }),
    )
    await useSetupStore.persist.rehydrate()
    expect(draft()).toEqual(original)
  })

  it('reads a draft stored in the config shape by an older page', async () => {
    localStorage.setItem(
      'tablecloth.setup-draft',
      JSON.stringify({
        state: {
          draft: { title: 'Alt', tables: [{ topic: 'A' }], rotation: { mode: 'generated' } },
        },
        version: 0,
      }),
    )
    await useSetupStore.persist.rehydrate()
    expect(draft()).toMatchObject({
      title: 'Alt',
      tables: [{ id: 't1', topic: 'A' }],
      rotationMode: 'generated',
    })
  })

  it('starts over when storage holds something unusable', async () => {
    localStorage.setItem(
      'tablecloth.setup-draft',
      JSON.stringify({ state: { draft: 42 }, version: 1 }),
    )
    await useSetupStore.persist.rehydrate()
    expect(store().draft).toBeNull()
  })
})

describe('creating the event', () => {
  it('does not send an invalid draft', async () => {
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    store().startEmpty('Station 1')
    expect(await store().submit()).toBe('invalid')
    expect(fetch).not.toHaveBeenCalled()
  })

  it('posts the draft, keeps the answer and remembers the event on this device', async () => {
    const fetch = vi.fn(async (_path: string, _init?: RequestInit) => jsonResponse(201, created))
    vi.stubGlobal('fetch', fetch)
    store().loadTemplate()
    expect(await store().submit()).toBe('created')
    const [path, init] = fetch.mock.calls[0]!
    expect(path).toBe('/api/events')
    expect(init?.method).toBe('POST')
    expect(JSON.parse(String(init?.body))).toMatchObject({ tables: { length: 11 } })
    expect(store().created).toEqual(created)
    expect(useMyEvents.getState().events).toEqual([
      expect.objectContaining({
        id: 'ev1',
        title: draft().title,
        date: '2019-07-02',
        controlLink: created.links.control,
      }),
    ])
  })

  it('shows the server’s issues like its own', async () => {
    const details = [
      { field: 'tables.3.topic', code: 'too_long', params: { max: 200 } },
      { field: 'not.a.field', code: 'made_up' },
    ]
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(400, {
          error: { code: 'validation_failed', message: 'x', field: 'tables.3.topic', details },
        }),
      ),
    )
    store().loadTemplate()
    expect(await store().submit()).toBe('invalid')
    expect(store().issues).toEqual([details[0]])
    expect(store().issuesFrom).toBe('server')
    expect(store().fieldIssues['tables.3.topic']).toEqual([details[0]])
    expect(store().submission).toEqual({ state: 'idle' })
  })

  it('says the server is unreachable and keeps every typed character', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    )
    store().loadTemplate()
    store().update((event) => {
      event.title = 'Noch nicht gesendet'
    })
    expect(await store().submit()).toBe('unreachable')
    expect(store().submission).toEqual({ state: 'unreachable' })
    const stored = JSON.parse(localStorage.getItem('tablecloth.setup-draft') ?? '{}')
    expect(stored.state.draft.title).toBe('Noch nicht gesendet')
    expect(store().created).toBeNull()
  })

  it('treats a proxy without a server behind it as unreachable', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', { status: 502 })),
    )
    store().loadTemplate()
    expect(await store().submit()).toBe('unreachable')
  })

  it('names the server’s error code for other failures', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(500, { error: { code: 'internal', message: 'oops' } })),
    )
    store().loadTemplate()
    expect(await store().submit()).toBe('failed')
    expect(store().submission).toEqual({ state: 'failed', code: 'internal' })
  })
})

describe('the setup PIN', () => {
  it('goes with the event as X-Setup-Pin, and nowhere else', async () => {
    const fetch = vi.fn(async (_path: string, _init?: RequestInit) => jsonResponse(201, created))
    vi.stubGlobal('fetch', fetch)
    store().loadTemplate()
    store().setSetupPin(' 4711 ')
    expect(await store().submit()).toBe('created')
    const headers = new Headers(fetch.mock.calls[0]![1]?.headers)
    expect(headers.get('x-setup-pin')).toBe('4711')
    expect(String(fetch.mock.calls[0]![1]?.body)).not.toContain('4711')
    expect(localStorage.getItem('tablecloth.setup-draft')).not.toContain('4711')
  })

  it('is not sent when none was typed', async () => {
    const fetch = vi.fn(async (_path: string, _init?: RequestInit) => jsonResponse(201, created))
    vi.stubGlobal('fetch', fetch)
    store().loadTemplate()
    await store().submit()
    expect(new Headers(fetch.mock.calls[0]![1]?.headers).has('x-setup-pin')).toBe(false)
  })

  it('says when the server refused it, asks for it from then on, and keeps the draft', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(403, { error: { code: 'setup_pin_required', message: 'PIN needed' } }),
      ),
    )
    store().loadTemplate()
    store().update((event) => {
      event.title = 'Mit PIN'
    })
    expect(await store().submit()).toBe('pinRefused')
    expect(store().submission).toEqual({ state: 'pinRefused' })
    expect(store().pinAsked).toBe(true)
    expect(draft().title).toBe('Mit PIN')
    const stored = JSON.parse(localStorage.getItem('tablecloth.setup-draft') ?? '{}')
    expect(stored.state.draft.title).toBe('Mit PIN')
  })

  it('cannot be one a header could not carry', async () => {
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    store().loadTemplate()
    store().setSetupPin('4711€')
    expect(await store().submit()).toBe('pinRefused')
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('too many new events', () => {
  it('keeps how long the server asks to wait, from retry-after', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'slow down' } }), {
            status: 429,
            headers: { 'content-type': 'application/json', 'retry-after': '600' },
          }),
      ),
    )
    store().loadTemplate()
    expect(await store().submit()).toBe('rateLimited')
    expect(store().submission).toEqual({
      state: 'rateLimited',
      retryAfterSeconds: 600,
      wrongPins: false,
    })
    expect(draft().tables).toHaveLength(11)
  })

  it('does without when the server does not say', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(429, { error: { code: 'rate_limited', message: 'slow down' } }),
      ),
    )
    store().loadTemplate()
    expect(await store().submit()).toBe('rateLimited')
    expect(store().submission).toEqual({
      state: 'rateLimited',
      retryAfterSeconds: null,
      wrongPins: false,
    })
  })

  it('tells too many wrong PINs apart when the refusal names the PIN header', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(429, {
          error: {
            code: 'rate_limited',
            message: 'Too many wrong setup PINs',
            field: 'X-Setup-Pin',
            details: { retryAfterSeconds: 120 },
          },
        }),
      ),
    )
    store().loadTemplate()
    expect(await store().submit()).toBe('rateLimited')
    expect(store().submission).toEqual({
      state: 'rateLimited',
      retryAfterSeconds: 120,
      wrongPins: true,
    })
  })
})
