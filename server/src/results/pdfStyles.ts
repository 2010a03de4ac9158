import type { TextStyle } from './pdfText'

/**
 * The look of the printed report: sizes, weights and greys chosen to stay
 * legible on a black-and-white office printer. Everything is in points.
 */

export const INK = '#1d232b'
export const MUTED = '#555e68'
export const RULE = '#9aa4ae'
/** The header row of a station's table, light enough to print as a pale grey. */
export const HEADER_FILL = '#e9edf1'

const style = (weight: TextStyle['weight'], size: number, color = INK): TextStyle => ({
  weight,
  size,
  color,
})

export const STYLES = {
  coverTitle: style('bold', 24),
  coverSubtitle: style('regular', 16),
  coverLine: style('regular', 12, MUTED),
  /** The contents, the programme and each topic table. */
  heading1: style('bold', 16),
  /** A station within a table. */
  heading2: style('bold', 12.5),
  /** Notes outside the columns. */
  heading3: style('bold', 10.5),
  /** Moderator, where a station's notes were read from. */
  meta: style('regular', 8.5, MUTED),
  /** A heading repeated above a table continued on the next page. */
  continued: style('regular', 8.5, MUTED),
  body: style('regular', 10.5),
  bodyBold: style('bold', 10.5),
  contentsEntry: style('bold', 10.5),
  contentsSubEntry: style('regular', 10),
  /** A guiding question at the head of its column. */
  question: style('bold', 9.5),
  clusterHeading: style('bold', 9.5),
  note: style('regular', 9.5),
  votes: style('regular', 8.5, MUTED),
  empty: style('regular', 9, MUTED),
  pageNumber: style('regular', 8, MUTED),
} as const

/** Inner padding of a table cell. */
export const CELL_PADDING = 5
/** Space below each note in a list. */
export const NOTE_GAP = 3.5
/** How far a cluster's notes stand in from its heading. */
export const CLUSTER_INDENT = 9
