import { describe, expect, it } from 'vitest'
import { parseEventConfig, winnendenTemplate } from '@tablecloth/shared'
import { SETUP_LIMITS } from './setupLimits'

type Event = ReturnType<typeof winnendenTemplate>

/** The template with one part changed, so only the value under test can be wrong. */
function issuesWith(change: (event: Event) => void) {
  const event = winnendenTemplate()
  change(event)
  const parsed = parseEventConfig(event)
  return parsed.ok ? [] : parsed.issues
}

describe('setup limits', () => {
  it('are read from the event schema', () => {
    expect(SETUP_LIMITS).toEqual({
      tables: 60,
      stations: 12,
      groups: 60,
      minColumns: 1,
      maxColumns: 6,
      minDuration: 1,
      maxDuration: 480,
    })
  })

  it('offer exactly as many questions as validation accepts', () => {
    const withQuestions = (count: number) =>
      issuesWith((event) => {
        event.stations[0]!.columns = Array.from({ length: count }, (_, i) => `Frage ${i + 1}`)
      })
    expect(withQuestions(SETUP_LIMITS.maxColumns)).toEqual([])
    expect(withQuestions(SETUP_LIMITS.maxColumns + 1)).toEqual([
      { field: 'stations.0.columns', code: 'too_many', params: { max: SETUP_LIMITS.maxColumns } },
    ])
  })

  it('offer exactly as many tables as validation accepts', () => {
    const withTables = (count: number) =>
      issuesWith((event) => {
        event.tables = Array.from({ length: count }, (_, i) => ({ topic: `T${i}` }))
      })
    expect(withTables(SETUP_LIMITS.tables)).toEqual([])
    expect(withTables(SETUP_LIMITS.tables + 1)).toEqual([
      { field: 'tables', code: 'too_many', params: { max: SETUP_LIMITS.tables } },
    ])
  })

  it('offer exactly as many stations and groups as validation accepts', () => {
    const withStations = (count: number) =>
      issuesWith((event) => {
        event.stations = Array.from({ length: count }, () => ({
          title: 'S',
          columns: ['?'],
          durationMinutes: 30,
        }))
      })
    expect(withStations(SETUP_LIMITS.stations)).toEqual([])
    expect(withStations(SETUP_LIMITS.stations + 1)).toHaveLength(1)
    const withGroups = (count: number) =>
      issuesWith((event) => {
        event.groups = Array.from({ length: count }, (_, i) => ({ name: `G${i}` }))
      })
    expect(withGroups(SETUP_LIMITS.groups)).toEqual([])
    expect(withGroups(SETUP_LIMITS.groups + 1)).toHaveLength(1)
  })

  it('hint the duration range validation accepts', () => {
    const withDuration = (minutes: number) =>
      issuesWith((event) => {
        event.stations[0]!.durationMinutes = minutes
      })
    expect(withDuration(SETUP_LIMITS.minDuration)).toEqual([])
    expect(withDuration(SETUP_LIMITS.maxDuration)).toEqual([])
    expect(withDuration(SETUP_LIMITS.minDuration - 1)).toHaveLength(1)
    expect(withDuration(SETUP_LIMITS.maxDuration + 1)).toHaveLength(1)
  })
})
