import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { GalleryBoard, type GalleryBoardState } from './GalleryBoard'
import { startedStations } from './startedStations'

const NO_BOARDS: ReadonlyMap<string, GalleryBoard> = new Map()

/**
 * Opens every table's board for as long as the gallery is shown: one sync
 * socket per table, as each table's board is its own room. Nothing opens
 * without a token.
 */
export function useGalleryBoards(
  eventId: string,
  tableIds: readonly string[],
  token: string | null,
): ReadonlyMap<string, GalleryBoard> {
  const [boards, setBoards] = useState(NO_BOARDS)
  const tableKey = tableIds.join('\n')

  useEffect(() => {
    if (!token || !tableKey) return
    const opened = new Map(
      tableKey.split('\n').map((tableId) => [tableId, new GalleryBoard(eventId, tableId, token)]),
    )
    for (const board of opened.values()) board.open()
    setBoards(opened)
    return () => {
      for (const board of opened.values()) board.close()
      setBoards(NO_BOARDS)
    }
  }, [eventId, tableKey, token])

  return boards
}

const UNOPENED: GalleryBoardState = {
  status: 'connecting',
  ready: false,
  day: null,
  refusedWith: null,
}
const noSubscription = () => () => {}

/** A board's state (connection, readiness, day), re-rendering as it changes. */
export function useGalleryBoardState(board: GalleryBoard | undefined): GalleryBoardState {
  return useSyncExternalStore(
    board?.subscribe ?? noSubscription,
    board?.getState ?? (() => UNOPENED),
  )
}

/** Whether the server refused every board (a withdrawn or wrong link); re-renders on changes. */
export function useEveryBoardRefused(boards: ReadonlyMap<string, GalleryBoard>): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const stops = [...boards.values()].map((board) => board.subscribe(onChange))
      return () => stops.forEach((stop) => stop())
    },
    [boards],
  )
  const everyRefused = useCallback(
    () =>
      boards.size > 0 &&
      [...boards.values()].every((board) => board.getState().status === 'refused'),
    [boards],
  )
  return useSyncExternalStore(subscribe, everyRefused)
}

/**
 * How many stations have started (see `startedStations`), following every
 * board's day live, so a station change adds a station to step to.
 */
export function useStartedStations(
  boards: ReadonlyMap<string, GalleryBoard>,
  eventStation: number,
  stationCount: number,
): number {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const stops = [...boards.values()].map((board) => board.subscribe(onChange))
      return () => stops.forEach((stop) => stop())
    },
    [boards],
  )
  const started = useCallback(
    () =>
      startedStations(
        eventStation,
        [...boards.values()].map((board) => board.getState().day?.stationIndex ?? null),
        stationCount,
      ),
    [boards, eventStation, stationCount],
  )
  return useSyncExternalStore(subscribe, started)
}
