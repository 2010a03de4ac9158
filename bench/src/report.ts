/**
 * Plain-text tables for the terminal: a heading, then rows whose first column
 * is left-aligned and whose figures are right-aligned, so columns of numbers
 * can be compared at a glance.
 */
export function printTable(heading: string[], rows: string[][]): void {
  const widths = heading.map((_, column) =>
    Math.max(...[heading, ...rows].map((row) => (row[column] ?? '').length)),
  )
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!),
      )
      .join('   ')
      .trimEnd()
  console.log(line(heading))
  console.log(widths.map((width) => '-'.repeat(width)).join('   '))
  for (const row of rows) console.log(line(row))
}

const DASH = '–'

export function formatMs(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 1)} ms` : DASH
}

export function formatKiB(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)} KiB` : DASH
}

export function formatMiB(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)} MiB` : DASH
}

export function formatPercent(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)} %` : DASH
}

export function formatCount(value: number): string {
  return String(value)
}

/** `a / b` to two decimals: above 1 means the first is slower or bigger. */
export function formatRatio(a: number, b: number): string {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : DASH
}
