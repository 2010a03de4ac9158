/**
 * How many tiles the gallery's grid puts side by side, so that every table
 * fits a 16:9 screen at once with tiles about as wide as a station's band is
 * (3 tables: 2 × 2, 11 or 12: 4 × 3, 20: 5 × 4).
 */
export function gridColumns(count: number): number {
  if (count <= 1) return 1
  return Math.min(count, Math.ceil(Math.sqrt(count * 1.2)))
}

export function gridRows(count: number): number {
  return Math.max(1, Math.ceil(count / gridColumns(count)))
}
