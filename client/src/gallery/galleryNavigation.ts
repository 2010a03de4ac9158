/**
 * Where the plenary gallery stands: grid or one table after another, which
 * station and which table, and the optional auto-advance. Pure: every change
 * is an action, and the time of day comes with the actions that need it, so
 * the whole machine can be tested without timers.
 *
 * The gallery walks the whole day station by station: it opens at the first
 * station, every table shows that station, and the tables are stepped
 * through one after another; after the last table comes the first table at
 * the next station, so a clicker's Page Down alone goes through the day.
 * S and Shift+S step between stations directly.
 *
 * Beside the tables there is the "Themen" view (T): the cross-table themes
 * for the plenary, where the stepping keys have nothing to step through and
 * are left to the page.
 */

export type GalleryMode = 'grid' | 'sequence' | 'themes'

/** The auto-advance intervals on offer, in seconds. */
export const AUTO_ADVANCE_SECONDS = [10, 20, 30, 60] as const

export interface GalleryState {
  mode: GalleryMode
  /** The current table (0-based): shown large in sequence mode, marked in the grid. */
  index: number
  /** How many tables there are. */
  count: number
  /** The station every table shows (0-based). */
  station: number
  /** How many stations have started: the ones there is something to show of. At least 1. */
  stationCount: number
  /** Seconds between tables, or null while auto-advance is off (the default). */
  autoSeconds: number | null
  /** Auto-advance is chosen but held: after any key or pointer input, or the pause button. */
  paused: boolean
  /** When (epoch ms) auto-advance moves on next; null while it is not running. */
  nextAdvanceAt: number | null
}

export type GalleryCommand =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'nextStation'
  | 'previousStation'
  | 'toggleMode'
  | 'showGrid'
  | 'showThemes'

export type GalleryAction =
  | { type: GalleryCommand; now: number }
  | { type: 'open'; index: number; now: number }
  | { type: 'setCount'; count: number; now: number }
  | { type: 'setStationCount'; stationCount: number; now: number }
  | { type: 'showStation'; station: number; now: number }
  | { type: 'setAutoAdvance'; seconds: number | null; now: number }
  | { type: 'pause' }
  | { type: 'resume'; now: number }
  | { type: 'tick'; now: number }

export function initialGalleryState(
  count = 0,
  stationCount = 1,
  mode: GalleryMode = 'grid',
): GalleryState {
  return {
    mode,
    index: 0,
    count,
    station: 0,
    stationCount: Math.max(1, stationCount),
    autoSeconds: null,
    paused: false,
    nextAdvanceAt: null,
  }
}

/** Auto-advance runs only while chosen, not paused, in sequence mode, with somewhere to go. */
export function isAutoAdvancing(state: GalleryState): boolean {
  return (
    state.autoSeconds !== null &&
    !state.paused &&
    state.mode === 'sequence' &&
    state.count * state.stationCount > 1
  )
}

/** Whole seconds until auto-advance moves on, or null while it does not run. */
export function secondsUntilAdvance(state: GalleryState, now: number): number | null {
  if (state.nextAdvanceAt === null) return null
  return Math.max(0, Math.ceil((state.nextAdvanceAt - now) / 1000))
}

function clampIndex(index: number, count: number): number {
  return Math.min(Math.max(0, index), Math.max(0, count - 1))
}

/** Starts the countdown afresh when auto-advance runs, or stops it when it does not. */
function schedule(state: GalleryState, now: number): GalleryState {
  const nextAdvanceAt =
    isAutoAdvancing(state) && state.autoSeconds !== null ? now + state.autoSeconds * 1000 : null
  return { ...state, nextAdvanceAt }
}

/** Moves to another table; the countdown of a running auto-advance starts again there. */
function moveTo(state: GalleryState, index: number, now: number): GalleryState {
  return schedule({ ...state, index: clampIndex(index, state.count) }, now)
}

/** Moves to another station, at table `index`; the countdown starts again there. */
function moveToStation(
  state: GalleryState,
  station: number,
  index: number,
  now: number,
): GalleryState {
  return schedule(
    {
      ...state,
      station: clampIndex(station, state.stationCount),
      index: clampIndex(index, state.count),
    },
    now,
  )
}

/** The table after this one, at the next station after the last table; null at the day's end. */
function following(state: GalleryState): { station: number; index: number } | null {
  if (state.index < state.count - 1) return { station: state.station, index: state.index + 1 }
  if (state.station < state.stationCount - 1) return { station: state.station + 1, index: 0 }
  return null
}

/** The table before this one, at the previous station before the first; null at the start. */
function preceding(state: GalleryState): { station: number; index: number } | null {
  if (state.index > 0) return { station: state.station, index: state.index - 1 }
  if (state.station > 0) return { station: state.station - 1, index: Math.max(0, state.count - 1) }
  return null
}

/** Whether `next` leads anywhere: another table, or the next station. */
export function hasNext(state: GalleryState): boolean {
  return following(state) !== null
}

/** Whether `previous` leads anywhere. */
export function hasPrevious(state: GalleryState): boolean {
  return preceding(state) !== null
}

export function galleryReducer(state: GalleryState, action: GalleryAction): GalleryState {
  switch (action.type) {
    case 'next': {
      const to = following(state)
      return to ? moveToStation(state, to.station, to.index, action.now) : state
    }
    case 'previous': {
      const to = preceding(state)
      return to ? moveToStation(state, to.station, to.index, action.now) : state
    }
    case 'nextStation':
      // The same table at the next station: the plenary compares, or goes on with the grid.
      if (state.station >= state.stationCount - 1) return state
      return moveToStation(state, state.station + 1, state.index, action.now)
    case 'previousStation':
      if (state.station <= 0) return state
      return moveToStation(state, state.station - 1, state.index, action.now)
    case 'showStation':
      return moveToStation(state, action.station, state.index, action.now)
    case 'first':
      return moveTo(state, 0, action.now)
    case 'last':
      return moveTo(state, state.count - 1, action.now)
    case 'open':
      return moveTo({ ...state, mode: 'sequence' }, action.index, action.now)
    case 'toggleMode':
      // From the themes, G goes back to the tables' overview.
      return schedule({ ...state, mode: state.mode === 'grid' ? 'sequence' : 'grid' }, action.now)
    case 'showThemes':
      return state.mode === 'themes' ? state : schedule({ ...state, mode: 'themes' }, action.now)
    case 'showGrid':
      return state.mode === 'grid' ? state : schedule({ ...state, mode: 'grid' }, action.now)
    case 'setCount': {
      const next = { ...state, count: Math.max(0, action.count) }
      next.index = clampIndex(state.index, next.count)
      // A countdown already running keeps its time; one that cannot run any more stops.
      if (isAutoAdvancing(next) && state.nextAdvanceAt !== null) return next
      return schedule(next, action.now)
    }
    case 'setStationCount': {
      // A station that starts is added at the end; the one shown stays.
      const stationCount = Math.max(1, action.stationCount)
      if (stationCount === state.stationCount) return state
      const next = { ...state, stationCount, station: clampIndex(state.station, stationCount) }
      if (isAutoAdvancing(next) && state.nextAdvanceAt !== null) return next
      return schedule(next, action.now)
    }
    case 'setAutoAdvance':
      // Choosing an interval starts the slideshow: one table after another.
      return schedule(
        {
          ...state,
          autoSeconds: action.seconds,
          paused: false,
          mode: action.seconds === null ? state.mode : 'sequence',
        },
        action.now,
      )
    case 'pause':
      if (state.autoSeconds === null || state.paused) return state
      return { ...state, paused: true, nextAdvanceAt: null }
    case 'resume':
      if (state.autoSeconds === null) return state
      return schedule({ ...state, paused: false, mode: 'sequence' }, action.now)
    case 'tick': {
      if (state.nextAdvanceAt === null || action.now < state.nextAdvanceAt) return state
      // The slideshow walks the day and loops: after the last table of the
      // last station comes the first table of the first station again.
      const to = following(state) ?? { station: 0, index: 0 }
      return moveToStation(state, to.station, to.index, action.now)
    }
    default: {
      const unknownAction: never = action
      throw new Error(`unknown gallery action ${JSON.stringify(unknownAction)}`)
    }
  }
}

/** The keys a keyboard or a presentation clicker sends, without Ctrl, Alt or Meta. */
export interface KeyPress {
  key: string
  shiftKey?: boolean
  ctrlKey?: boolean
  altKey?: boolean
  metaKey?: boolean
}

/**
 * What a key does in the gallery, or null for keys it leaves alone. Clickers
 * send PageDown and PageUp; keys with Ctrl, Alt or Meta stay the browser's.
 */
export function commandForKey(press: KeyPress): GalleryCommand | null {
  if (press.ctrlKey || press.altKey || press.metaKey) return null
  switch (press.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return 'next'
    case ' ':
    case 'Spacebar':
      return press.shiftKey ? 'previous' : 'next'
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return 'previous'
    case 'Home':
      return 'first'
    case 'End':
      return 'last'
    case 's':
    case 'S':
      return press.shiftKey ? 'previousStation' : 'nextStation'
    case 'g':
    case 'G':
      return 'toggleMode'
    case 't':
    case 'T':
      return 'showThemes'
    case 'Escape':
      return 'showGrid'
    default:
      return null
  }
}

/** The commands that switch views: the only ones the themes view, with no table to step to, takes. */
const VIEW_COMMANDS: ReadonlySet<GalleryCommand> = new Set(['toggleMode', 'showGrid', 'showThemes'])

/**
 * Whether a command means anything in this view. In the themes view the
 * arrows, Space, Home and End are the page's own (a focused note, a list),
 * not the gallery's stepping through tables.
 */
export function commandAppliesIn(mode: GalleryMode, command: GalleryCommand): boolean {
  return mode !== 'themes' || VIEW_COMMANDS.has(command)
}

/** What kind of control has the keyboard when a key is pressed. */
export type KeyTarget = 'text' | 'select' | 'button' | null

/**
 * Whether a key belongs to the focused control rather than to the gallery:
 * text fields keep every key; a station or interval list keeps its own keys
 * but not PageUp and PageDown, so a clicker works whatever has the focus; a
 * button keeps Space and Enter, which press it.
 */
export function keyBelongsToControl(key: string, target: KeyTarget): boolean {
  switch (target) {
    case 'text':
      return true
    case 'select':
      return key !== 'PageUp' && key !== 'PageDown'
    case 'button':
      return key === ' ' || key === 'Spacebar' || key === 'Enter'
    default:
      return false
  }
}
