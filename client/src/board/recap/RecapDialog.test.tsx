import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parseEventConfig, type EventConfig, type TableRecap } from '@tablecloth/shared'
import { useLanguage } from '../../i18n/languageStore'
import { RecapDialog } from './RecapDialog'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

function config(): EventConfig {
  const parsed = parseEventConfig({
    title: 'Tag',
    date: '2019-07-02',
    venue: 'Halle',
    tables: [{ id: 'frauen', topic: 'Frauen' }],
    stations: [
      { title: 'Bestandsaufnahme', columns: ['Was läuft gut?'], durationMinutes: 40 },
      { title: 'Ziele', columns: ['Was sind unsere Ziele?', 'Wer hilft?'], durationMinutes: 40 },
      { title: 'Maßnahmen', columns: ['Was tun wir?'], durationMinutes: 40 },
    ],
  })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  return parsed.config
}

const EVENT = config()

/** At station 3: station 2 (the group that just left) first, then station 1. */
const RECAP: TableRecap = {
  previousStationId: EVENT.stations[1]!.id,
  noteCount: 9,
  newCount: 6,
  stations: [
    {
      stationId: EVENT.stations[1]!.id,
      stationIndex: 1,
      title: 'Ziele',
      isPrevious: true,
      columns: [
        {
          question: 'Was sind unsere Ziele?',
          noteCount: 6,
          items: [
            {
              kind: 'cluster',
              clusterId: 'cluster:kita',
              heading: 'Kinderbetreuung',
              firstText: 'Kinderbetreuungsangebote ausbauen',
              noteCount: 5,
              votes: 4,
              newCount: 5,
              isNew: true,
            },
            { kind: 'note', id: 'shape:a', text: 'Sprachcafé', votes: 0, isNew: true },
          ],
        },
        { question: 'Wer hilft?', noteCount: 0, items: [] },
      ],
      unsorted: null,
    },
    {
      stationId: EVENT.stations[0]!.id,
      stationIndex: 0,
      title: 'Bestandsaufnahme',
      isPrevious: false,
      columns: [
        {
          question: 'Was läuft gut?',
          noteCount: 3,
          items: [
            { kind: 'note', id: 'shape:b', text: 'Patenschaften', votes: 1, isNew: false },
            { kind: 'note', id: 'shape:c', text: 'مترجمين', votes: 0, isNew: false },
            { kind: 'note', id: 'shape:d', text: 'Ehrenamt', votes: 0, isNew: false },
          ],
        },
      ],
      unsorted: null,
    },
  ],
}

let container: HTMLElement
let root: Root
const onClose = vi.fn()

beforeEach(() => {
  onClose.mockReset()
  useLanguage.setState({ language: 'de', tldrawLocale: 'de' })
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  act(() => root.render(<RecapDialog recap={RECAP} config={EVENT} onClose={onClose} />))
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
})

const station = () => container.querySelector('[data-testid="recap-station"]')?.textContent
const items = () => [...container.querySelectorAll<HTMLElement>('[data-testid="recap-item"]')]
const plain = (element: Element) => (element.textContent ?? '').replaceAll('\u00ad', '')

function press(key: string) {
  const target = container.querySelector('.recap-dialog__body')!
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, code: key, bubbles: true }))
  })
}

describe('RecapDialog', () => {
  it('opens on the station the last group wrote in, a cluster as one line with its count', () => {
    expect(station()).toContain('Station 2 von 3: Ziele')
    expect(station()).toContain('die Gruppe vor euch')
    const [cluster, note] = items()
    expect(plain(cluster!)).toContain('Kinderbetreuung')
    expect(plain(cluster!)).toContain('5 Karten')
    expect(cluster!.querySelector('[data-testid="recap-dots"]')?.textContent).toBe('4')
    expect(cluster!.querySelector('[data-testid="recap-new"]')?.textContent).toBe('neu')
    expect(note!.querySelector('[data-testid="recap-dots"]')).toBeNull()
    expect(container.textContent).toContain('Keine Karten')
  })

  it('goes back to the earlier station with ←, where nothing is new, and forward with →', () => {
    press('ArrowLeft')
    expect(station()).toContain('Station 1 von 3: Bestandsaufnahme')
    expect(
      items()
        .map(plain)
        .map((text) => text.replace(/\d+$/, '')),
    ).toEqual(['Patenschaften', 'مترجمين', 'Ehrenamt'])
    expect(container.querySelector('[data-testid="recap-new"]')).toBeNull()
    press('ArrowRight')
    expect(station()).toContain('Ziele')
  })

  it('writes right-to-left text in its own direction', () => {
    press('ArrowLeft')
    const arabic = items()[1]!.querySelector('.recap-item__text')!
    expect(arabic.getAttribute('dir')).toBe('auto')
  })

  it('closes on Escape', () => {
    press('Escape')
    expect(onClose).toHaveBeenCalledTimes(1)
  })
})
