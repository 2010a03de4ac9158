/**
 * A server the bench can measure: started fresh per run, as its own process,
 * with a board per table ready for stock y-websocket clients.
 */
export interface BenchTarget {
  /** Short column heading in the report, e.g. "ours". */
  label: string
  start(boardCount: number): Promise<RunningTarget>
}

export interface RunningTarget {
  /** The server process, for RSS and CPU. */
  pid: number
  /** Aborted if the server dies mid-run; the load stops instead of measuring reconnects. */
  failed: AbortSignal
  boards: BoardAddress[]
  stop(): Promise<void>
}

/** Everything a `WebsocketProvider` needs to join one board. */
export interface BoardAddress {
  /** e.g. ws://127.0.0.1:41234/sync; y-websocket appends `/<room>`. */
  serverUrl: string
  room: string
  params: Record<string, string>
}
