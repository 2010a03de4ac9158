import { describe, expect, it } from 'vitest'
import type { EventConfig } from '@tablecloth/shared'
import { noteColourAtTable } from './noteColour'

function config(rotation: EventConfig['rotation']): EventConfig {
  return {
    title: 'Café',
    date: '2026-11-25',
    venue: '',
    tables: [
      { id: 't1', topic: 'Sprache', moderator: '' },
      { id: 't2', topic: 'Arbeit', moderator: '' },
    ],
    stations: [
      { id: 's1', title: 'Station 1', columns: ['Was läuft gut?'], durationMinutes: 30 },
      { id: 's2', title: 'Station 2', columns: ['Was brauchen wir?'], durationMinutes: 30 },
    ],
    groups: [
      { id: 'g1', name: 'Rot', colour: 'light-red' },
      { id: 'g2', name: 'Blau', colour: 'light-blue' },
      { id: 'g3', name: 'Seltsam', colour: 'mauve' },
    ],
    rotation,
    showBoardToParticipants: false,
    startTimerOnStationChange: false,
    language: 'de',
  }
}

describe('noteColourAtTable', () => {
  it('takes the colour of the group the plan seats at the table, station by station', () => {
    const event = config({
      mode: 'fixed',
      plan: [
        { g1: 't1', g2: 't2' },
        { g1: 't2', g2: 't1' },
      ],
    })
    expect(noteColourAtTable(event, 0, 't1')).toBe('light-red')
    expect(noteColourAtTable(event, 1, 't1')).toBe('light-blue')
  })

  it('falls back to tldraw’s yellow when the group at the table is not known', () => {
    expect(noteColourAtTable(config({ mode: 'free' }), 0, 't1')).toBe('yellow')
    const crowded = config({ mode: 'fixed', plan: [{ g1: 't1', g2: 't1' }] })
    expect(noteColourAtTable(crowded, 0, 't1'), 'two groups at one table').toBe('yellow')
    expect(noteColourAtTable(crowded, 0, 't2'), 'no group at the table').toBe('yellow')
    expect(noteColourAtTable(crowded, 5, 't1'), 'a station the plan does not cover').toBe('yellow')
    const odd = config({ mode: 'fixed', plan: [{ g3: 't1' }] })
    expect(noteColourAtTable(odd, 0, 't1'), 'not a tldraw colour').toBe('yellow')
  })
})
