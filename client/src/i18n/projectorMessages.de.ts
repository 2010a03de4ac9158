/** The projector view of a table's board, in German. Spread into `de.ts`. */
export const projectorDe = {
  'projector.questionsLabel': 'Leitfragen dieser Station, eine je Spalte',
}
