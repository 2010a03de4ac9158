import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseEventConfig, resolveSeatingPlan, type EventView } from '@tablecloth/shared'
import { useLanguage } from '../i18n/languageStore'
import { RotationOverview } from './RotationOverview'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

function viewAt(currentStation: number): EventView {
  const parsed = parseEventConfig({
    title: 'Café',
    date: '2026-03-01',
    tables: [{ topic: 'Sprache' }, { topic: 'Arbeit' }, { topic: 'Gesundheit' }],
    stations: [
      { title: 'Station 1', columns: ['Was läuft gut?'], durationMinutes: 30 },
      { title: 'Station 2', columns: ['Was fehlt?'], durationMinutes: 30 },
    ],
    groups: [{ name: 'Gelb' }, { name: 'Blau' }],
    rotation: {
      mode: 'fixed',
      plan: [
        { g1: 't1', g2: 't3' },
        { g1: 't3', g2: 't1' },
      ],
    },
  })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  return {
    id: 'ev1',
    config: parsed.config,
    currentStation,
    timer: { durationSeconds: 1800, runningSince: null, elapsedBeforeSeconds: 0 },
    serverTime: 0,
    createdAt: '2026-03-01T08:00:00.000Z',
    expiresAt: null,
  }
}

describe('RotationOverview', () => {
  let container: HTMLDivElement
  let root: Root
  beforeEach(() => {
    useLanguage.setState({ language: 'de' })
    container = document.createElement('div')
    document.body.append(container)
    root = createRoot(container)
  })
  afterEach(() => {
    act(() => root.unmount())
    container.remove()
  })

  const rows = () =>
    [...container.querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent),
    )

  it('numbers the tables as in setup and says where each group goes next', () => {
    const view = viewAt(0)
    act(() => root.render(<RotationOverview view={view} plan={resolveSeatingPlan(view.config)!} />))
    expect(rows()).toEqual([
      ['Tisch 1 – Sprache', 'Gelb', 'Gelb → Tisch 3 – Gesundheit'],
      ['Tisch 2 – Arbeit', '—', '—'],
      ['Tisch 3 – Gesundheit', 'Blau', 'Blau → Tisch 1 – Sprache'],
    ])
  })

  it('shows no "→ —" at the last station, and says that nobody moves on', () => {
    const view = viewAt(1)
    act(() => root.render(<RotationOverview view={view} plan={resolveSeatingPlan(view.config)!} />))
    expect(container.textContent).not.toContain('→')
    expect(container.querySelector('[data-testid="rotation-last"]')?.textContent).toBe(
      'Letzte Station: Die Gruppen bleiben, wo sie sind.',
    )
    expect(rows()).toEqual([
      ['Tisch 1 – Sprache', 'Blau'],
      ['Tisch 2 – Arbeit', '—'],
      ['Tisch 3 – Gesundheit', 'Gelb'],
    ])
  })
})
