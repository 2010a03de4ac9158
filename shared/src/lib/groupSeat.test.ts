import { describe, expect, it } from 'vitest'
import type { EventConfigInput, RotationConfig } from './eventConfig'
import { parseEventConfig } from './eventValidation'
import { groupSeat, seatAllowsTable, seatView } from './groupSeat'
import { generateRotationPlan } from './rotationPlan'

function event(rotation: RotationConfig) {
  const input: EventConfigInput = {
    title: 'Café',
    date: '2026-03-01',
    tables: [{ topic: 'Sprache' }, { topic: 'Arbeitsmarktintegration' }, { topic: 'Wohnen' }],
    stations: [
      { title: 'Ankommen', columns: ['Was läuft gut?'], durationMinutes: 30 },
      { title: 'Vertiefen', columns: ['Was fehlt?'], durationMinutes: 30 },
      { title: 'Ernten', columns: ['Was nehmen wir mit?'], durationMinutes: 30 },
    ],
    groups: [{ name: 'Gelb' }, { name: 'Blau' }, { name: 'Grün' }],
    rotation,
  }
  const parsed = parseEventConfig(input)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  return parsed.config
}

describe('groupSeat', () => {
  it('follows the generated plan station by station', () => {
    const config = event({ mode: 'generated' })
    const plan = generateRotationPlan(['g1', 'g2', 'g3'], ['t1', 't2', 't3'], 3)
    for (let station = 0; station < 3; station++) {
      expect(groupSeat(config, station, 'g2')).toEqual({
        kind: 'table',
        tableId: plan[station]!.g2,
      })
    }
    // Every station a different table: the phone really moves.
    const tables = [0, 1, 2].map((station) => seatView(config, station, 'g2')?.tableId)
    expect(new Set(tables).size).toBe(3)
  })

  const fixedPlan = [
    { g1: 't3', g2: 't1', g3: 't2' },
    { g1: 't2', g2: 't3', g3: 't1' },
    { g1: 't1', g2: 't2', g3: 't3' },
  ]

  it("follows the organiser's fixed plan", () => {
    const config = event({ mode: 'fixed', plan: fixedPlan })
    expect(groupSeat(config, 0, 'g1')).toEqual({ kind: 'table', tableId: 't3' })
    expect(groupSeat(config, 1, 'g1')).toEqual({ kind: 'table', tableId: 't2' })
    expect(groupSeat(config, 2, 'g3')).toEqual({ kind: 'table', tableId: 't3' })
  })

  it('seats nowhere a group a stored plan leaves out or sends to a table that is gone', () => {
    // Validation wants complete plans; a stored one may still be older than the tables.
    const config = event({ mode: 'fixed', plan: fixedPlan })
    config.rotation = { mode: 'fixed', plan: [{ g1: 't9' }, { g2: 't1' }] }
    expect(groupSeat(config, 0, 'g1')).toEqual({ kind: 'none' })
    expect(groupSeat(config, 1, 'g1')).toEqual({ kind: 'none' })
    expect(groupSeat(config, 7, 'g1')).toEqual({ kind: 'none' })
    expect(seatView(config, 0, 'g1')).toBeNull()
  })

  it('in free rotation seats nobody: the phone asks', () => {
    const config = event({ mode: 'free' })
    expect(groupSeat(config, 0, 'g1')).toEqual({ kind: 'free' })
    expect(seatView(config, 0, 'g1')).toBeNull()
  })

  it('seats a group the event no longer has nowhere, in free rotation too', () => {
    expect(groupSeat(event({ mode: 'free' }), 0, 'g9')).toEqual({ kind: 'none' })
    expect(groupSeat(event({ mode: 'generated' }), 0, 'g9')).toEqual({ kind: 'none' })
  })
})

describe('seatAllowsTable', () => {
  it('lets a seated group write at its table only, a free one anywhere, an unseated one nowhere', () => {
    expect(seatAllowsTable({ kind: 'table', tableId: 't2' }, 't2')).toBe(true)
    expect(seatAllowsTable({ kind: 'table', tableId: 't2' }, 't1')).toBe(false)
    expect(seatAllowsTable({ kind: 'free' }, 't1')).toBe(true)
    expect(seatAllowsTable({ kind: 'none' }, 't1')).toBe(false)
  })
})

describe('seatView', () => {
  it('names the table with its topic and its number in the room', () => {
    const config = event({
      mode: 'fixed',
      plan: [
        { g1: 't2', g2: 't3', g3: 't1' },
        { g1: 't3', g2: 't1', g3: 't2' },
        { g1: 't1', g2: 't2', g3: 't3' },
      ],
    })
    expect(seatView(config, 0, 'g1')).toEqual({
      tableId: 't2',
      title: 'Arbeitsmarktintegration',
      number: 2,
    })
    expect(seatView(config, 1, 'g1')).toEqual({ tableId: 't3', title: 'Wohnen', number: 3 })
  })
})
