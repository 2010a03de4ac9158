/**
 * The bounds one board socket and one room live within. Each has its own
 * regression test; raising one is a deliberate change.
 */
export interface SyncLimits {
  /** Largest accepted frame in bytes; a larger one closes the socket with 4413. */
  maxMessageBytes: number
  /** Sockets one board accepts at a time; the next is closed with 4429. */
  maxConnectionsPerRoom: number
  /** Sustained frames per second one socket may send; beyond the burst it is closed with 4429. */
  messagesPerSecond: number
  /** Frames a socket may send at once, e.g. its sync and awareness burst on connect. */
  messageBurst: number
  /**
   * Sustained bytes per second a socket that may edit (moderator, organiser)
   * may send, and how many at once; beyond that it is closed with 4429.
   */
  writerBytesPerSecond: number
  writerByteBurst: number
  /**
   * The same for read-only sockets (projector, gallery, phones watching), which
   * only ever send a state vector and presence queries. The burst still lets
   * one full-size frame through, so it meets the check that explains it.
   */
  readerBytesPerSecond: number
  readerByteBurst: number
  /** Bytes a board may take in the store (state plus log); edits beyond are refused with 4414. */
  maxBoardBytes: number
  /** Logged updates after which a loaded room folds its log into its state. */
  compactAfterUpdates: number
  /** Interval of the ping that detects dead sockets; a socket missing one pong is dropped. */
  heartbeatMs: number
  /**
   * New sockets one address may open at once, and then per minute; beyond
   * that they are closed with 4429 before their token is even looked up.
   * Generous, because behind a reverse proxy every device shares one address
   * and a Wi-Fi outage makes every board reconnect together.
   */
  connectionBurstPerAddress: number
  connectionsPerMinutePerAddress: number
}

/**
 * Defaults sized for a café table: a moderator dragging notes sends about 60
 * doc updates and 60 awareness updates a second (some 20 KB/s), a table has a
 * handful of screens and phones, and a full day's board holds a few hundred
 * notes in well under 1 MB.
 */
export const DEFAULT_SYNC_LIMITS: SyncLimits = {
  maxMessageBytes: 1024 * 1024,
  maxConnectionsPerRoom: 64,
  messagesPerSecond: 240,
  messageBurst: 480,
  writerBytesPerSecond: 256 * 1024,
  writerByteBurst: 4 * 1024 * 1024,
  readerBytesPerSecond: 8 * 1024,
  readerByteBurst: 1024 * 1024 + 64 * 1024,
  maxBoardBytes: 16 * 1024 * 1024,
  compactAfterUpdates: 500,
  heartbeatMs: 30_000,
  connectionBurstPerAddress: 1000,
  connectionsPerMinutePerAddress: 3000,
}
