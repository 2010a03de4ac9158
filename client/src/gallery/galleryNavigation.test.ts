import { describe, expect, it } from 'vitest'
import {
  commandAppliesIn,
  commandForKey,
  keyBelongsToControl,
  galleryReducer,
  hasNext,
  hasPrevious,
  initialGalleryState,
  isAutoAdvancing,
  secondsUntilAdvance,
  type GalleryAction,
  type GalleryState,
} from './galleryNavigation'

const T0 = 1_000_000

function run(state: GalleryState, ...actions: GalleryAction[]): GalleryState {
  return actions.reduce(galleryReducer, state)
}

describe('gallery navigation', () => {
  it('starts in the grid at the first table of the first station with auto-advance off', () => {
    const state = initialGalleryState(3, 2)
    expect(state).toMatchObject({
      mode: 'grid',
      index: 0,
      count: 3,
      station: 0,
      stationCount: 2,
      autoSeconds: null,
    })
    expect(isAutoAdvancing(state)).toBe(false)
  })

  it('steps forwards and backwards and stops at both ends', () => {
    let state = initialGalleryState(3)
    state = run(state, { type: 'next', now: T0 }, { type: 'next', now: T0 })
    expect(state.index).toBe(2)
    state = galleryReducer(state, { type: 'next', now: T0 })
    expect(state.index).toBe(2)
    state = run(state, { type: 'previous', now: T0 }, { type: 'previous', now: T0 })
    expect(state.index).toBe(0)
    state = galleryReducer(state, { type: 'previous', now: T0 })
    expect(state.index).toBe(0)
  })

  it('jumps to the first and the last table', () => {
    const state = galleryReducer(initialGalleryState(11), { type: 'last', now: T0 })
    expect(state.index).toBe(10)
    expect(galleryReducer(state, { type: 'first', now: T0 }).index).toBe(0)
  })

  it('opens a tile in sequence mode, toggles with G and goes back to the grid with Esc', () => {
    let state = galleryReducer(initialGalleryState(5), { type: 'open', index: 3, now: T0 })
    expect(state).toMatchObject({ mode: 'sequence', index: 3 })
    state = galleryReducer(state, { type: 'toggleMode', now: T0 })
    expect(state).toMatchObject({ mode: 'grid', index: 3 })
    state = galleryReducer(state, { type: 'toggleMode', now: T0 })
    expect(state.mode).toBe('sequence')
    state = galleryReducer(state, { type: 'showGrid', now: T0 })
    expect(state).toMatchObject({ mode: 'grid', index: 3 })
    expect(galleryReducer(state, { type: 'showGrid', now: T0 })).toBe(state)
  })

  it('keeps the current table within the tables there are', () => {
    let state = galleryReducer(initialGalleryState(0), { type: 'next', now: T0 })
    expect(state.index).toBe(0)
    state = run(state, { type: 'setCount', count: 4, now: T0 }, { type: 'last', now: T0 })
    expect(state.index).toBe(3)
    state = galleryReducer(state, { type: 'setCount', count: 2, now: T0 })
    expect(state.index).toBe(1)
    expect(galleryReducer(state, { type: 'open', index: 9, now: T0 }).index).toBe(1)
  })
})

describe('the day, station by station', () => {
  const day = (tables = 3, stations = 3) => initialGalleryState(tables, stations)

  it('goes through every table at one station, then on to the next station', () => {
    let state = galleryReducer(day(), { type: 'open', index: 0, now: T0 })
    const seen: string[] = []
    for (let step = 0; step < 9; step++) {
      seen.push(`${state.station + 1}.${state.index + 1}`)
      state = galleryReducer(state, { type: 'next', now: T0 })
    }
    expect(seen).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3'])
    // The end of the day: nowhere further.
    expect(state).toMatchObject({ station: 2, index: 2 })
    expect(hasNext(state)).toBe(false)
    expect(hasPrevious(state)).toBe(true)
  })

  it('goes back from the first table to the last table of the station before', () => {
    let state = run(day(), { type: 'nextStation', now: T0 })
    expect(state).toMatchObject({ station: 1, index: 0 })
    state = galleryReducer(state, { type: 'previous', now: T0 })
    expect(state).toMatchObject({ station: 0, index: 2 })
    state = run(state, { type: 'first', now: T0 }, { type: 'previous', now: T0 })
    expect(state).toMatchObject({ station: 0, index: 0 })
    expect(hasPrevious(state)).toBe(false)
  })

  it('steps between stations with S and Shift+S, keeping the table', () => {
    let state = run(day(5), { type: 'open', index: 3, now: T0 }, { type: 'nextStation', now: T0 })
    expect(state).toMatchObject({ mode: 'sequence', station: 1, index: 3 })
    state = run(state, { type: 'nextStation', now: T0 }, { type: 'nextStation', now: T0 })
    expect(state.station).toBe(2)
    state = galleryReducer(state, { type: 'previousStation', now: T0 })
    expect(state).toMatchObject({ station: 1, index: 3 })
    state = run(state, { type: 'previousStation', now: T0 }, { type: 'previousStation', now: T0 })
    expect(state).toMatchObject({ station: 0, index: 3 })
  })

  it('keeps Home and End within the station shown', () => {
    const state = run(day(4), { type: 'nextStation', now: T0 }, { type: 'last', now: T0 })
    expect(state).toMatchObject({ station: 1, index: 3 })
    expect(galleryReducer(state, { type: 'first', now: T0 })).toMatchObject({
      station: 1,
      index: 0,
    })
  })

  it('shows a chosen station, within the stations that have started', () => {
    let state = galleryReducer(day(3, 2), { type: 'showStation', station: 1, now: T0 })
    expect(state.station).toBe(1)
    state = galleryReducer(state, { type: 'showStation', station: 5, now: T0 })
    expect(state.station).toBe(1)
  })

  it('offers a station as it starts, and stays on the station shown', () => {
    let state = initialGalleryState(3, 1)
    expect(galleryReducer(state, { type: 'nextStation', now: T0 }).station).toBe(0)
    expect(hasNext(run(state, { type: 'last', now: T0 }))).toBe(false)
    state = galleryReducer(state, { type: 'setStationCount', stationCount: 2, now: T0 })
    expect(state).toMatchObject({ station: 0, stationCount: 2 })
    expect(galleryReducer(state, { type: 'nextStation', now: T0 }).station).toBe(1)
    // Never fewer than one station, and never beyond the ones there are.
    state = run(
      state,
      { type: 'nextStation', now: T0 },
      { type: 'setStationCount', stationCount: 0, now: T0 },
    )
    expect(state).toMatchObject({ station: 0, stationCount: 1 })
  })
})

describe('auto-advance', () => {
  const every10s = (state: GalleryState) =>
    galleryReducer(state, { type: 'setAutoAdvance', seconds: 10, now: T0 })

  it('starts the slideshow in sequence mode when an interval is chosen', () => {
    const state = every10s(initialGalleryState(3))
    expect(state).toMatchObject({ mode: 'sequence', autoSeconds: 10, nextAdvanceAt: T0 + 10_000 })
    expect(isAutoAdvancing(state)).toBe(true)
    expect(secondsUntilAdvance(state, T0 + 2_500)).toBe(8)
  })

  it('moves on once the interval is up, not before, and loops after the last table', () => {
    let state = every10s(initialGalleryState(2))
    expect(galleryReducer(state, { type: 'tick', now: T0 + 9_999 })).toBe(state)
    state = galleryReducer(state, { type: 'tick', now: T0 + 10_000 })
    expect(state).toMatchObject({ index: 1, nextAdvanceAt: T0 + 20_000 })
    state = galleryReducer(state, { type: 'tick', now: T0 + 20_000 })
    expect(state.index).toBe(0)
  })

  it('walks the whole day and starts again at the first station', () => {
    let state = every10s(initialGalleryState(2, 2))
    const seen: string[] = []
    for (let tick = 1; tick <= 4; tick++) {
      state = galleryReducer(state, { type: 'tick', now: T0 + tick * 10_000 })
      seen.push(`${state.station + 1}.${state.index + 1}`)
    }
    expect(seen).toEqual(['1.2', '2.1', '2.2', '1.1'])
  })

  it('runs for one table through its stations', () => {
    expect(isAutoAdvancing(every10s(initialGalleryState(1, 2)))).toBe(true)
  })

  it('pauses, and resumes with a full interval', () => {
    let state = galleryReducer(every10s(initialGalleryState(3)), { type: 'pause' })
    expect(state).toMatchObject({ paused: true, nextAdvanceAt: null })
    expect(isAutoAdvancing(state)).toBe(false)
    expect(galleryReducer(state, { type: 'tick', now: T0 + 60_000 })).toBe(state)
    state = galleryReducer(state, { type: 'resume', now: T0 + 60_000 })
    expect(state).toMatchObject({ paused: false, nextAdvanceAt: T0 + 70_000 })
  })

  it('ignores pause and resume while it is off', () => {
    const state = initialGalleryState(3)
    expect(galleryReducer(state, { type: 'pause' })).toBe(state)
    expect(galleryReducer(state, { type: 'resume', now: T0 })).toBe(state)
  })

  it('restarts the countdown when someone navigates while it runs', () => {
    const running = every10s(initialGalleryState(3))
    const state = galleryReducer(running, { type: 'next', now: T0 + 4_000 })
    expect(state).toMatchObject({ index: 1, nextAdvanceAt: T0 + 14_000 })
  })

  it('holds in the grid and runs again in sequence mode', () => {
    let state = galleryReducer(every10s(initialGalleryState(3)), { type: 'showGrid', now: T0 })
    expect(state.nextAdvanceAt).toBeNull()
    state = galleryReducer(state, { type: 'toggleMode', now: T0 + 1_000 })
    expect(state.nextAdvanceAt).toBe(T0 + 11_000)
  })

  it('does not run with a single table, and stops when switched off', () => {
    expect(isAutoAdvancing(every10s(initialGalleryState(1)))).toBe(false)
    const off = galleryReducer(every10s(initialGalleryState(3)), {
      type: 'setAutoAdvance',
      seconds: null,
      now: T0,
    })
    expect(off).toMatchObject({ autoSeconds: null, nextAdvanceAt: null, mode: 'sequence' })
  })

  it('keeps a running countdown when the tables arrive again', () => {
    const state = every10s(initialGalleryState(3))
    const later = galleryReducer(state, { type: 'setCount', count: 3, now: T0 + 5_000 })
    expect(later.nextAdvanceAt).toBe(T0 + 10_000)
  })
})

describe('themes view', () => {
  it('opens with T from any view and goes back to the tables with G or Esc', () => {
    let state = run(initialGalleryState(3, 2), { type: 'open', index: 1, now: T0 })
    state = galleryReducer(state, { type: 'showThemes', now: T0 })
    expect(state.mode).toBe('themes')
    expect(galleryReducer(state, { type: 'toggleMode', now: T0 }).mode).toBe('grid')
    expect(galleryReducer(state, { type: 'showGrid', now: T0 }).mode).toBe('grid')
  })

  it('can be where the gallery opens, from the control room’s link', () => {
    expect(initialGalleryState(3, 1, 'themes').mode).toBe('themes')
  })

  it('stops auto-advance, which steps through tables only', () => {
    let state = run(initialGalleryState(3), { type: 'setAutoAdvance', seconds: 10, now: T0 })
    expect(isAutoAdvancing(state)).toBe(true)
    state = galleryReducer(state, { type: 'showThemes', now: T0 })
    expect(isAutoAdvancing(state)).toBe(false)
    expect(state.nextAdvanceAt).toBeNull()
  })

  it('leaves the stepping keys to the page, and takes the keys that switch views', () => {
    expect(commandAppliesIn('themes', 'next')).toBe(false)
    expect(commandAppliesIn('themes', 'first')).toBe(false)
    expect(commandAppliesIn('themes', 'nextStation')).toBe(false)
    expect(commandAppliesIn('themes', 'toggleMode')).toBe(true)
    expect(commandAppliesIn('themes', 'showGrid')).toBe(true)
    expect(commandAppliesIn('grid', 'next')).toBe(true)
  })
})

describe('keys', () => {
  it.each([
    ['ArrowRight', 'next'],
    ['ArrowDown', 'next'],
    ['PageDown', 'next'],
    [' ', 'next'],
    ['ArrowLeft', 'previous'],
    ['ArrowUp', 'previous'],
    ['PageUp', 'previous'],
    ['Home', 'first'],
    ['End', 'last'],
    ['g', 'toggleMode'],
    ['G', 'toggleMode'],
    ['Escape', 'showGrid'],
    ['s', 'nextStation'],
    ['S', 'nextStation'],
    ['t', 'showThemes'],
    ['T', 'showThemes'],
  ])('%j → %s', (key, command) => {
    expect(commandForKey({ key })).toBe(command)
  })

  it('goes back with Shift+Space, and to the previous station with Shift+S', () => {
    expect(commandForKey({ key: ' ', shiftKey: true })).toBe('previous')
    expect(commandForKey({ key: 'S', shiftKey: true })).toBe('previousStation')
  })

  it('leaves other keys and browser shortcuts alone', () => {
    expect(commandForKey({ key: 'a' })).toBeNull()
    expect(commandForKey({ key: 'Enter' })).toBeNull()
    expect(commandForKey({ key: 'ArrowRight', altKey: true })).toBeNull()
    expect(commandForKey({ key: 'g', ctrlKey: true })).toBeNull()
    expect(commandForKey({ key: 's', ctrlKey: true })).toBeNull()
    expect(commandForKey({ key: 'End', metaKey: true })).toBeNull()
  })
})

describe('keys on controls', () => {
  it('leaves a select its own keys but takes the clicker’s', () => {
    expect(keyBelongsToControl('ArrowDown', 'select')).toBe(true)
    expect(keyBelongsToControl('g', 'select')).toBe(true)
    expect(keyBelongsToControl('PageDown', 'select')).toBe(false)
    expect(keyBelongsToControl('PageUp', 'select')).toBe(false)
  })

  it('lets Space and Enter press a button and takes the rest', () => {
    expect(keyBelongsToControl(' ', 'button')).toBe(true)
    expect(keyBelongsToControl('Enter', 'button')).toBe(true)
    expect(keyBelongsToControl('ArrowRight', 'button')).toBe(false)
  })

  it('leaves text fields every key and takes every key elsewhere', () => {
    expect(keyBelongsToControl('PageDown', 'text')).toBe(true)
    expect(keyBelongsToControl(' ', null)).toBe(false)
  })
})
