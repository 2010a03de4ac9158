/**
 * What a station's title adds after its number ("Station 2 von 3: …"): the
 * title itself, or null when it only says the number again ("Station 2",
 * "Runde 2", "Round 2"), so no screen reads "Station 2 von 3: Station 2".
 */
export function stationTitleAfterNumber(title: string, stationIndex: number): string | null {
  const trimmed = title.trim()
  const generic = new RegExp(`^(station|runde|round)\\s*0*${stationIndex + 1}\\.?$`, 'i')
  return trimmed === '' || generic.test(trimmed) ? null : trimmed
}

/** What a station line ("Station 2 von 3: Wohnen") says, before any language words it. */
export interface StationLineParts {
  /** The station's number, from 1. */
  number: number
  total: number
  /** The title after the number, or null when the line is the number alone. */
  title: string | null
}

/**
 * The parts of the line that names a station wherever it is shown (board,
 * projector, control room, gallery, phone), so every screen numbers and
 * titles it alike.
 */
export function stationLineParts(
  title: string,
  stationIndex: number,
  total: number,
): StationLineParts {
  return { number: stationIndex + 1, total, title: stationTitleAfterNumber(title, stationIndex) }
}
