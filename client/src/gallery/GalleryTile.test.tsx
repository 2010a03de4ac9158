import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import {
  boardRecordsArray,
  noteRecordJson,
  stationFrameId,
  stationLayout,
  type EventConfig,
  type EventView,
} from '@tablecloth/shared'
import { useLanguage } from '../i18n/languageStore'
import { FakeSyncSocket } from '../test/FakeSyncSocket'
import { GalleryBoard } from './GalleryBoard'
import { GalleryTile } from './GalleryTile'
import { tileSizes } from './roomSizes'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

const config: EventConfig = {
  title: 'Zukunftswerkstatt',
  date: '2026-11-25',
  venue: '',
  tables: [{ id: 't1', topic: 'Sprache', moderator: 'Ana' }],
  stations: [
    {
      id: 's1',
      title: 'Ankommen',
      columns: ['Was läuft gut?', 'Wo hakt es?'],
      durationMinutes: 30,
    },
    { id: 's2', title: 'Bleiben', columns: ['Was brauchen wir?'], durationMinutes: 30 },
  ],
  groups: [],
  rotation: { mode: 'free' },
  showBoardToParticipants: false,
  language: 'de',
} as unknown as EventConfig

const view = { id: 'ev1', config, currentStation: 1 } as unknown as EventView

/** A column frame as the server writes it, `grownBy` taller than the layout's. */
function column(stationIndex: number, columnIndex: number, grownBy = 0) {
  const station = config.stations[stationIndex]!
  const rect = stationLayout(stationIndex, station.columns.length).columns[columnIndex]!
  return {
    id: stationFrameId(station.id, columnIndex),
    typeName: 'shape',
    type: 'frame',
    x: rect.x,
    y: rect.y,
    rotation: 0,
    index: `a${stationIndex}${columnIndex}`,
    parentId: 'page:page',
    isLocked: true,
    opacity: 1,
    meta: { tablecloth: 'column', stationId: station.id, stationIndex, columnIndex },
    props: { w: rect.w, h: rect.h + grownBy, name: station.columns[columnIndex], color: 'black' },
  }
}

/** A note in the top row of a column, `slot` places from the left. */
function note(id: string, text: string, stationIndex: number, columnIndex: number, slot: number) {
  const frame = stationFrameId(config.stations[stationIndex]!.id, columnIndex)
  return noteRecordJson({ id, parentId: frame, x: 40 + slot * 224, y: 40, index: 'a1', text })
}

let container: HTMLElement
let root: Root
let board: GalleryBoard
let server: Y.Doc
const restores: Array<() => void> = []

/** happy-dom lays nothing out: give every element the size of a 12-table tile's board. */
function stubLayout() {
  for (const [property, value] of [
    ['clientWidth', 450],
    ['clientHeight', 250],
  ] as const) {
    const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, property)
    Object.defineProperty(HTMLElement.prototype, property, { configurable: true, get: () => value })
    restores.push(() => {
      if (original) Object.defineProperty(HTMLElement.prototype, property, original)
    })
  }
}

function put(records: unknown[]) {
  boardRecordsArray(server).push(
    records.map((record) => ({ key: (record as { id: string }).id, val: record })),
  )
}

async function renderTile(stationIndex: number) {
  await act(async () => {
    root.render(
      <GalleryTile
        board={board}
        table={config.tables[0]!}
        view={view}
        stationIndex={stationIndex}
        sizes={tileSizes(4)}
        current={false}
        onOpen={() => {}}
      />,
    )
  })
}

function shownNotes(): string[] {
  return [...container.querySelectorAll('[data-testid="room-note"]')].map(
    (card) => card.textContent?.replaceAll('\u00ad', '') ?? '',
  )
}

beforeEach(() => {
  stubLayout()
  useLanguage.setState({ language: 'de', tldrawLocale: 'de' })
  vi.stubGlobal('WebSocket', FakeSyncSocket.polyfill)
  server = new Y.Doc()
  // Station 1's first column grew far past its notes: the frame is mostly empty.
  put([
    column(0, 0, 2400),
    column(0, 1),
    column(1, 0),
    note('shape:a', 'Sprachcafé donnerstags', 0, 0, 0),
    note('shape:b', 'Kurse am Abend fehlen', 0, 1, 0),
    note('shape:c', 'Räume für Treffen', 1, 0, 0),
  ])
  board = new GalleryBoard('ev1', 't1', 'Abc_defGhijklmnopqrstuvwxyz-0123456789ABCDE')
  board.open()
  const socket = FakeSyncSocket.opened.at(-1)!
  socket.accept()
  socket.sendBoard(server)
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
  board.close()
  FakeSyncSocket.opened = []
  vi.unstubAllGlobals()
  while (restores.length > 0) restores.pop()?.()
})

describe('a gallery tile', () => {
  it('draws the notes of its station under their questions, not the empty frame they stand in', async () => {
    await renderTile(0)
    const headings = [...container.querySelectorAll('[data-testid="room-column-heading"]')]
    expect(headings.map((heading) => heading.textContent?.replaceAll('\u00ad', ''))).toEqual([
      'Was läuft gut?',
      'Wo hakt es?',
    ])
    expect(shownNotes()).toEqual(['Sprachcafé donnerstags', 'Kurse am Abend fehlen'])
    // Only cards, each as tall as its text: nothing of the 2,400 px the first column grew.
    expect(container.querySelector('.tl-shape, img, svg')).toBeNull()
    const tile = container.querySelector('[data-testid="gallery-tile"]')!
    expect(tile.getAttribute('data-station-index')).toBe('0')
  })

  it('shows the station the gallery steps to, and nothing of the others', async () => {
    await renderTile(1)
    expect(shownNotes()).toEqual(['Räume für Treffen'])
    await renderTile(0)
    expect(shownNotes()).not.toContain('Räume für Treffen')
  })

  it('follows the board live', async () => {
    await renderTile(0)
    const socket = FakeSyncSocket.opened.at(-1)!
    await act(async () => {
      put([note('shape:d', 'Jobbörse im Rathaus', 0, 0, 1)])
      socket.sendBoard(server)
    })
    await act(async () => {})
    expect(shownNotes()).toContain('Jobbörse im Rathaus')
  })
})
