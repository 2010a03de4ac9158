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
