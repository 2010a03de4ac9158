import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { EventConfig, EventConfigInput } from './eventConfig'
import {
  MAX_VALIDATION_ISSUES,
  VALIDATION_CODES,
  parseEventConfig,
  serializeEventConfig,
  type ValidationIssue,
} from './eventValidation'
import { GROUP_COLOURS } from './groupColours'

function minimal(overrides: Partial<EventConfigInput> = {}): EventConfigInput {
  return {
    title: 'Café',
    date: '2024-05-17',
    tables: [{ topic: 'Wohnen' }, { topic: 'Arbeit' }, { topic: 'Schule' }],
    stations: [
      { title: 'Runde 1', columns: ['Was läuft gut?', 'Wo hakt es?'], durationMinutes: 30 },
      { title: 'Runde 2', columns: ['Ziele'], durationMinutes: 30 },
    ],
    ...overrides,
  }
}

function accepted(input: unknown): EventConfig {
  const result = parseEventConfig(input)
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.issues)}`)
  return result.config
}

function issuesOf(input: unknown): ValidationIssue[] {
  const result = parseEventConfig(input)
  if (result.ok) throw new Error('accepted')
  return result.issues
}

describe('parseEventConfig', () => {
  it('fills in defaults and ids for a minimal config', () => {
    const config = accepted(minimal())
    expect(config.venue).toBe('')
    expect(config.tables.map((table) => table.id)).toEqual(['t1', 't2', 't3'])
    expect(config.tables.every((table) => table.moderator === '')).toBe(true)
    expect(config.stations.map((station) => station.id)).toEqual(['s1', 's2'])
    expect(config.groups).toEqual([])
    expect(config.rotation).toEqual({ mode: 'free' })
    expect(config.showBoardToParticipants).toBe(false)
    // A station change leaves starting the timer to the organiser unless asked otherwise.
    expect(config.startTimerOnStationChange).toBe(false)
  })

  it('trims texts and passes umlauts, „quotes“, emoji and Arabic through unchanged', () => {
    const texts = [
      'Übergänge für Jugendliche „gestalten“',
      'Integration 🤝 Ehrenamt 🌍',
      'الاندماج في سوق العمل',
      'Café ‚Zusammenhalt‘ – Ölmühle ß',
      '👩🏽‍🏫 Lehrkräfte',
    ]
    const config = accepted(
      minimal({
        title: `  ${texts[0]}\n`,
        venue: `\t${texts[2]} `,
        tables: texts.map((topic, index) => ({ topic: ` ${topic} `, moderator: texts[4 - index] })),
        stations: [
          { title: texts[1]!, columns: texts.map((text) => `${text}  `), durationMinutes: 45 },
        ],
        groups: [{ name: ` ${texts[4]} ` }],
      }),
    )
    expect(config.title).toBe(texts[0])
    expect(config.venue).toBe(texts[2])
    expect(config.tables.map((table) => table.topic)).toEqual(texts)
    expect(config.tables.map((table) => table.moderator)).toEqual([...texts].reverse())
    expect(config.stations[0]!.title).toBe(texts[1])
    expect(config.stations[0]!.columns).toEqual(texts)
    expect(config.groups[0]!.name).toBe(texts[4])
  })

  it('keeps given ids and numbers the others by position, skipping taken ones', () => {
    const config = accepted(
      minimal({
        tables: [{ topic: 'A', id: 't3' }, { topic: 'B' }, { topic: 'C' }, { topic: 'D', id: 'x' }],
      }),
    )
    expect(config.tables.map((table) => table.id)).toEqual(['t3', 't2', 't5', 'x'])
  })

  it('gives the same ids when a normalised config is validated again', () => {
    const first = accepted(minimal({ groups: [{ name: 'A' }, { name: 'B' }] }))
    expect(accepted(first)).toEqual(first)
  })

  it('treats blank and null ids as missing', () => {
    const config = accepted(
      minimal({
        tables: [
          { topic: 'A', id: '' },
          { topic: 'B', id: null as never },
        ],
      }),
    )
    expect(config.tables.map((table) => table.id)).toEqual(['t1', 't2'])
  })

  it('assigns distinct palette colours to groups and keeps chosen ones', () => {
    const config = accepted(
      minimal({ groups: [{ name: 'A' }, { name: 'B', colour: 'yellow' }, { name: 'C' }] }),
    )
    expect(config.groups.map((group) => group.colour)).toEqual([
      'light-blue',
      'yellow',
      'light-green',
    ])
  })

  it('never gives two groups one colour while the palette lasts', () => {
    const groups = GROUP_COLOURS.map((_, index) => ({ name: `Gruppe ${index + 1}` }))
    const config = accepted(minimal({ groups }))
    expect(new Set(config.groups.map((group) => group.colour)).size).toBe(GROUP_COLOURS.length)
  })

  it('names the field and reason for each problem', () => {
    const issues = issuesOf({
      title: '   ',
      date: '2.7.2019',
      tables: [{ topic: 'x'.repeat(201) }],
      stations: [
        { title: 'S', columns: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], durationMinutes: 60 },
        { title: 'S', columns: [], durationMinutes: 'sechzig' },
        { title: 'S', columns: [''], durationMinutes: 60.5 },
        { title: 'S', columns: ['a'], durationMinutes: 0 },
      ],
      rotation: { mode: 'shuffle' },
    })
    expect(issues).toEqual(
      expect.arrayContaining([
        { field: 'title', code: 'required' },
        { field: 'date', code: 'invalid_date' },
        { field: 'tables.0.topic', code: 'too_long', params: { max: 200 } },
        { field: 'stations.0.columns', code: 'too_many', params: { max: 6 } },
        { field: 'stations.1.columns', code: 'too_few', params: { min: 1 } },
        { field: 'stations.1.durationMinutes', code: 'not_a_number' },
        { field: 'stations.2.columns.0', code: 'required' },
        { field: 'stations.2.durationMinutes', code: 'not_an_integer' },
        { field: 'stations.3.durationMinutes', code: 'out_of_range', params: { min: 1 } },
        { field: 'rotation.mode', code: 'invalid_option' },
      ]),
    )
    expect(issues).toHaveLength(10)
  })

  it('reports missing fields as required and wrong types as such', () => {
    expect(issuesOf({ date: '2019-07-02', tables: 'Sprache', stations: [] })).toEqual([
      { field: 'title', code: 'required' },
      { field: 'tables', code: 'invalid_type', params: { expected: 'array' } },
      { field: 'stations', code: 'too_few', params: { min: 1 } },
    ])
    expect(issuesOf(null)).toEqual([
      { field: '', code: 'invalid_type', params: { expected: 'object' } },
    ])
    expect(issuesOf([])).toEqual([
      { field: '', code: 'invalid_type', params: { expected: 'object' } },
    ])
    expect(issuesOf(minimal({ rotation: {} as never }))).toEqual([
      { field: 'rotation.mode', code: 'required' },
    ])
  })

  it('refuses dates that do not exist', () => {
    expect(issuesOf(minimal({ date: '2019-02-29' }))).toEqual([
      { field: 'date', code: 'invalid_date' },
    ])
    expect(issuesOf(minimal({ date: '2019-13-01' }))).toEqual([
      { field: 'date', code: 'invalid_date' },
    ])
    expect(accepted(minimal({ date: '2020-02-29' })).date).toBe('2020-02-29')
  })

  it('refuses malformed and duplicate ids', () => {
    expect(issuesOf(minimal({ tables: [{ topic: 'A', id: 'tisch 1' }] }))).toEqual([
      { field: 'tables.0.id', code: 'invalid_id' },
    ])
    expect(
      issuesOf(
        minimal({
          tables: [{ topic: 'A', id: 'a' }, { topic: 'B' }, { topic: 'C', id: 'a' }],
          groups: [
            { name: 'A', id: 'g' },
            { name: 'B', id: 'g' },
          ],
        }),
      ),
    ).toEqual([
      { field: 'tables.2.id', code: 'duplicate_id', params: { id: 'a' } },
      { field: 'groups.1.id', code: 'duplicate_id', params: { id: 'g' } },
    ])
  })

  it('refuses group colours that are not note colours', () => {
    expect(issuesOf(minimal({ groups: [{ name: 'A', colour: 'pink' }] }))).toEqual([
      { field: 'groups.0.colour', code: 'invalid_colour' },
    ])
  })

  it('asks for groups when the rotation is planned', () => {
    const planned: Array<EventConfigInput['rotation']> = [
      { mode: 'generated' },
      { mode: 'fixed', plan: [{}, {}] },
    ]
    for (const rotation of planned) {
      expect(issuesOf(minimal({ rotation }))).toEqual([
        { field: 'groups', code: 'too_few', params: { min: 1 } },
      ])
    }
  })

  it('caps the number of reported issues', () => {
    const tables = Array.from({ length: 60 }, () => ({ topic: '', moderator: 'x'.repeat(101) }))
    const issues = issuesOf(minimal({ tables }))
    expect(issues).toHaveLength(MAX_VALIDATION_ISSUES)
    expect(issues.at(-1)).toEqual({
      field: '',
      code: 'too_many_issues',
      params: { omitted: 120 - (MAX_VALIDATION_ISSUES - 1) },
    })
  })

  it('only ever reports codes from the closed set', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = parseEventConfig(input)
        if (result.ok) return
        for (const issue of result.issues) expect(VALIDATION_CODES).toContain(issue.code)
      }),
    )
  })
})

describe('fixed rotation plans', () => {
  const groups = [{ name: 'Rot' }, { name: 'Blau' }]
  const withPlan = (plan: Array<Record<string, string>>, tables?: EventConfigInput['tables']) =>
    minimal({ groups, rotation: { mode: 'fixed', plan }, ...(tables ? { tables } : {}) })

  it('accepts a plan that seats every group apart in every station', () => {
    const plan = [
      { g1: 't1', g2: 't2' },
      { g1: 't2', g2: 't3' },
    ]
    expect(accepted(withPlan(plan)).rotation).toEqual({ mode: 'fixed', plan })
  })

  it('needs one entry per station', () => {
    expect(issuesOf(withPlan([{ g1: 't1', g2: 't2' }]))).toEqual([
      { field: 'rotation.plan', code: 'too_few', params: { min: 2 } },
    ])
    const three = [
      { g1: 't1', g2: 't2' },
      { g1: 't2', g2: 't3' },
      { g1: 't3', g2: 't1' },
    ]
    expect(issuesOf(withPlan(three))).toEqual([
      { field: 'rotation.plan', code: 'too_many', params: { max: 2 } },
    ])
  })

  it('names unknown groups and tables', () => {
    expect(
      issuesOf(
        withPlan([
          { g1: 't1', g2: 't9' },
          { g1: 't2', g2: 't3', g7: 't1' },
        ]),
      ),
    ).toEqual([
      { field: 'rotation.plan.0.g2', code: 'unknown_table', params: { id: 't9' } },
      { field: 'rotation.plan.1.g7', code: 'unknown_group', params: { id: 'g7' } },
    ])
  })

  it('requires every group to be seated in every station', () => {
    expect(issuesOf(withPlan([{ g1: 't1', g2: 't2' }, { g2: 't3' }]))).toEqual([
      { field: 'rotation.plan.1.g1', code: 'group_not_seated', params: { group: 'g1' } },
    ])
  })

  it('refuses two groups at one table while there are enough tables', () => {
    expect(
      issuesOf(
        withPlan([
          { g1: 't1', g2: 't2' },
          { g1: 't3', g2: 't3' },
        ]),
      ),
    ).toEqual([
      { field: 'rotation.plan.1.g2', code: 'table_shared', params: { table: 't3', group: 'g1' } },
    ])
  })

  it('lets groups share tables when there are more groups than tables', () => {
    const plan = [
      { g1: 't1', g2: 't1' },
      { g1: 't1', g2: 't1' },
    ]
    expect(accepted(withPlan(plan, [{ topic: 'Einziger Tisch' }])).rotation).toEqual({
      mode: 'fixed',
      plan,
    })
  })
})

describe('serializeEventConfig', () => {
  it('round-trips through parseEventConfig', () => {
    const config = accepted(
      minimal({
        venue: 'Rathaus „Alte Halle“ 🏛️',
        groups: [{ name: 'مجموعة' }, { name: 'Grün', colour: 'green' }],
        rotation: {
          mode: 'fixed',
          plan: [
            { g1: 't1', g2: 't2' },
            { g1: 't2', g2: 't1' },
          ],
        },
        showBoardToParticipants: true,
        startTimerOnStationChange: true,
        language: 'en',
      }),
    )
    const text = serializeEventConfig(config)
    expect(accepted(JSON.parse(text))).toEqual(config)
    expect(serializeEventConfig(accepted(JSON.parse(text)))).toBe(text)
  })

  it('round-trips any accepted config', () => {
    const text = fc.string({ minLength: 1, maxLength: 40 }).filter((value) => value.trim() !== '')
    const input = fc.record({
      title: text,
      date: fc.constantFrom('2019-07-02', '2024-02-29', '2030-12-31'),
      venue: fc.string({ maxLength: 40 }),
      tables: fc.array(fc.record({ topic: text, moderator: fc.string({ maxLength: 20 }) }), {
        minLength: 1,
        maxLength: 20,
      }),
      stations: fc.array(
        fc.record({
          title: text,
          columns: fc.array(text, { minLength: 1, maxLength: 6 }),
          durationMinutes: fc.integer({ min: 1, max: 480 }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      groups: fc.array(fc.record({ name: text }), { maxLength: 25 }),
      rotation: fc.constantFrom({ mode: 'free' as const }, { mode: 'generated' as const }),
      showBoardToParticipants: fc.boolean(),
      startTimerOnStationChange: fc.boolean(),
      language: fc.constantFrom('de' as const, 'en' as const),
    })
    fc.assert(
      fc.property(input, (raw) => {
        const result = parseEventConfig(raw)
        if (!result.ok) return // e.g. a planned rotation without groups
        expect(accepted(JSON.parse(serializeEventConfig(result.config)))).toEqual(result.config)
      }),
    )
  })
})
