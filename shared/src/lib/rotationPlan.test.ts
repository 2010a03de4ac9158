import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { EventConfig, SeatingPlan } from './eventConfig'
import { parseEventConfig } from './eventValidation'
import { tableNumber } from './tableNumber'
import {
  generateRotationPlan,
  groupsAtTable,
  nextMoves,
  nextTableForGroup,
  resolveSeatingPlan,
  seatingForStation,
} from './rotationPlan'

const ids = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`)

/** A café of 1–25 groups, 1–20 tables and 1–6 stations. */
const cafe = fc.record({
  groups: fc.integer({ min: 1, max: 25 }).map((count) => ids('g', count)),
  tables: fc.integer({ min: 1, max: 20 }).map((count) => ids('t', count)),
  stations: fc.integer({ min: 1, max: 6 }),
})

function tablesVisited(plan: SeatingPlan, groupId: string): string[] {
  return plan.map((seating) => seating[groupId]!)
}

function tableLoads(plan: SeatingPlan, stationIndex: number, tables: string[]): number[] {
  return tables.map((tableId) => groupsAtTable(plan, stationIndex, tableId).length)
}

describe('generateRotationPlan', () => {
  it('rotates three groups round three tables', () => {
    expect(generateRotationPlan(ids('g', 3), ids('t', 3), 3)).toEqual([
      { g1: 't1', g2: 't2', g3: 't3' },
      { g1: 't2', g2: 't3', g3: 't1' },
      { g1: 't3', g2: 't1', g3: 't2' },
    ])
  })

  it('seats every group at one of the tables in every station', () => {
    fc.assert(
      fc.property(cafe, ({ groups, tables, stations }) => {
        const plan = generateRotationPlan(groups, tables, stations)
        expect(plan).toHaveLength(stations)
        for (const seating of plan) {
          expect(Object.keys(seating).sort()).toEqual([...groups].sort())
          for (const tableId of Object.values(seating)) expect(tables).toContain(tableId)
        }
      }),
    )
  })

  it('never sends a group to a table twice when there are enough tables', () => {
    fc.assert(
      fc.property(cafe, ({ groups, tables, stations }) => {
        fc.pre(stations <= tables.length)
        const plan = generateRotationPlan(groups, tables, stations)
        for (const groupId of groups) {
          const visited = tablesVisited(plan, groupId)
          expect(new Set(visited).size).toBe(visited.length)
        }
      }),
    )
  })

  it('shows every group as many different tables as possible, repeating evenly', () => {
    fc.assert(
      fc.property(cafe, ({ groups, tables, stations }) => {
        const plan = generateRotationPlan(groups, tables, stations)
        for (const groupId of groups) {
          const visits = new Map<string, number>()
          for (const tableId of tablesVisited(plan, groupId)) {
            visits.set(tableId, (visits.get(tableId) ?? 0) + 1)
          }
          expect(visits.size).toBe(Math.min(stations, tables.length))
          const counts = [...visits.values()]
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)
        }
      }),
    )
  })

  it('fills the tables evenly in every station', () => {
    fc.assert(
      fc.property(cafe, ({ groups, tables, stations }) => {
        const plan = generateRotationPlan(groups, tables, stations)
        for (let station = 0; station < stations; station++) {
          const loads = tableLoads(plan, station, tables)
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1)
          if (groups.length <= tables.length) expect(Math.max(...loads)).toBe(1)
        }
      }),
    )
  })

  it('splits up groups that shared a table, where there are tables enough', () => {
    fc.assert(
      fc.property(cafe, ({ groups, tables, stations }) => {
        fc.pre(tables.length >= 3 && groups.length <= 2 * tables.length)
        const plan = generateRotationPlan(groups, tables, stations)
        for (let station = 1; station < stations; station++) {
          for (const tableId of tables) {
            const together = groupsAtTable(plan, station - 1, tableId)
            const destinations = together.map((groupId) => plan[station]![groupId])
            expect(new Set(destinations).size).toBe(together.length)
          }
        }
      }),
    )
  })

  it('plans the same rotation every time', () => {
    fc.assert(
      fc.property(cafe, ({ groups, tables, stations }) => {
        expect(generateRotationPlan(groups, tables, stations)).toEqual(
          generateRotationPlan([...groups], [...tables], stations),
        )
      }),
    )
  })

  it('leaves stations empty when there are no groups or no tables', () => {
    expect(generateRotationPlan([], ids('t', 4), 2)).toEqual([{}, {}])
    expect(generateRotationPlan(ids('g', 4), [], 2)).toEqual([{}, {}])
  })
})

function event(rotation: unknown, groupCount = 4, tableCount = 3): EventConfig {
  const result = parseEventConfig({
    title: 'Café',
    date: '2024-05-17',
    tables: ids('Thema ', tableCount).map((topic) => ({ topic })),
    stations: ids('Runde ', 3).map((title) => ({ title, columns: ['Frage'], durationMinutes: 20 })),
    groups: ids('Gruppe ', groupCount).map((name) => ({ name })),
    rotation,
  })
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.config
}

describe('resolveSeatingPlan', () => {
  it('has no plan when participants choose freely', () => {
    expect(resolveSeatingPlan(event({ mode: 'free' }))).toBeNull()
  })

  it('follows the organiser when the plan is fixed', () => {
    const plan = [
      { g1: 't1', g2: 't1', g3: 't2', g4: 't3' },
      { g1: 't3', g2: 't2', g3: 't1', g4: 't1' },
      { g1: 't2', g2: 't3', g3: 't3', g4: 't2' },
    ]
    expect(resolveSeatingPlan(event({ mode: 'fixed', plan }))).toEqual(plan)
  })

  it('generates a plan for the event’s groups, tables and stations', () => {
    const config = event({ mode: 'generated' }, 5, 4)
    expect(resolveSeatingPlan(config)).toEqual(
      generateRotationPlan(['g1', 'g2', 'g3', 'g4', 'g5'], ['t1', 't2', 't3', 't4'], 3),
    )
  })
})

describe('who sits where', () => {
  const plan: SeatingPlan = [
    { g1: 't1', g2: 't2', g3: 't1', g4: 't3' },
    { g1: 't2', g2: 't3', g3: 't3', g4: 't1' },
    { g1: 't3', g2: 't1', g3: 't2', g4: 't2' },
  ]

  it('lists the groups at a table', () => {
    expect(groupsAtTable(plan, 0, 't1')).toEqual(['g1', 'g3'])
    expect(groupsAtTable(plan, 2, 't2')).toEqual(['g3', 'g4'])
    expect(groupsAtTable(plan, 1, 't9')).toEqual([])
    expect(groupsAtTable(plan, 7, 't1')).toEqual([])
  })

  it('tells each group where to go next, and nothing after the last station', () => {
    expect(nextTableForGroup(plan, 0, 'g1')).toBe('t2')
    expect(nextTableForGroup(plan, 1, 'g4')).toBe('t2')
    expect(nextTableForGroup(plan, 2, 'g1')).toBeNull()
    expect(nextTableForGroup(plan, 0, 'g9')).toBeNull()
  })

  it('describes a station table by table with each group’s next table', () => {
    const config = event({ mode: 'fixed', plan })
    const seating = seatingForStation(config, plan, 0)
    expect(seating.map((entry) => entry.table.id)).toEqual(['t1', 't2', 't3'])
    expect(
      seating.map((entry) =>
        entry.groups.map(({ group, nextTable }) => `${group.name} → ${nextTable?.topic}`),
      ),
    ).toEqual([
      ['Gruppe 1 → Thema 2', 'Gruppe 3 → Thema 3'],
      ['Gruppe 2 → Thema 3'],
      ['Gruppe 4 → Thema 1'],
    ])
    expect(
      seatingForStation(config, plan, 2).flatMap((entry) => entry.groups.map((g) => g.nextTable)),
    ).toEqual([null, null, null, null])
  })

  it('seats nobody when the rotation is free', () => {
    const config = event({ mode: 'free' })
    const seating = seatingForStation(config, null, 0)
    expect(seating).toHaveLength(3)
    expect(seating.every((entry) => entry.groups.length === 0)).toBe(true)
  })
})

describe('nextMoves', () => {
  const parsed = parseEventConfig({
    title: 'Café',
    date: '2026-03-01',
    tables: [{ topic: 'Sprache' }, { topic: 'Arbeit' }],
    stations: [
      { title: 'Ankommen', columns: ['Was läuft gut?'], durationMinutes: 30 },
      { title: 'Vertiefen', columns: ['Was fehlt?'], durationMinutes: 30 },
    ],
    groups: [{ name: 'Gelb' }, { name: 'Blau' }],
    rotation: {
      mode: 'fixed',
      plan: [
        { g1: 't1', g2: 't2' },
        { g1: 't2', g2: 't1' },
      ],
    },
  })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  const config = parsed.config
  const plan = resolveSeatingPlan(config)

  it('says where each group at a table goes next', () => {
    const [first] = seatingForStation(config, plan, 0)
    expect(nextMoves(first!.groups).map(({ group, table }) => [group.name, table.topic])).toEqual([
      ['Gelb', 'Arbeit'],
    ])
  })

  it('lists no move at the last station', () => {
    for (const { groups } of seatingForStation(config, plan, 1)) {
      expect(groups).toHaveLength(1)
      expect(nextMoves(groups)).toEqual([])
    }
  })
})

describe('tableNumber', () => {
  it('numbers tables by their place in the event, from 1, and 0 for an unknown one', () => {
    const tables = [
      { id: 'a', topic: 'A', moderator: '' },
      { id: 'b', topic: 'B', moderator: '' },
    ]
    expect(tableNumber({ tables }, 'b')).toBe(2)
    expect(tableNumber({ tables }, 'x')).toBe(0)
  })
})
