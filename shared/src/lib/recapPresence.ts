/**
 * The recap on the projector: when the moderator opens "Was vor euch
 * geschah" on the board, the board says so in its awareness state (the
 * channel cursors travel on, never stored), and the table's projector page,
 * often a second window on the laptop's projector output, shows the same
 * station of the recap until it is closed.
 */

/** The awareness field a moderator's board announces the open recap in. */
export const RECAP_AWARENESS_FIELD = 'recap'

/** What the board announces while its recap is open. */
export interface RecapShown {
  /** The station running when it was opened: a recap of another station is stale. */
  stationIndex: number
  /** The recap's page: 0 is the latest earlier station. */
  page: number
}

/** The open recap a peer's awareness state announces, or null when it announces none (or garbage). */
export function recapShownOf(state: unknown): RecapShown | null {
  if (typeof state !== 'object' || state === null) return null
  const shown = (state as Record<string, unknown>)[RECAP_AWARENESS_FIELD]
  if (typeof shown !== 'object' || shown === null) return null
  const { stationIndex, page } = shown as Record<string, unknown>
  if (!isCount(stationIndex) || !isCount(page)) return null
  return { stationIndex, page }
}

/**
 * The recap the projector shows, from every peer's awareness state (client
 * id → state): one announced for the station now running; of several open
 * on different boards of the table, the one of the lowest client id, so
 * every projector picks the same.
 */
export function recapToMirror(
  states: ReadonlyMap<number, unknown>,
  currentStationIndex: number,
): RecapShown | null {
  let chosen: { clientId: number; shown: RecapShown } | null = null
  for (const [clientId, state] of states) {
    const shown = recapShownOf(state)
    if (!shown || shown.stationIndex !== currentStationIndex) continue
    if (!chosen || clientId < chosen.clientId) chosen = { clientId, shown }
  }
  return chosen?.shown ?? null
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1000
}
