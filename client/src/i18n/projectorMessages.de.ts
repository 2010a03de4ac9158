/** The projector view of a table's board, in German. Spread into `de.ts`. */
export const projectorDe = {
  'projector.questionsLabel': 'Leitfragen dieser Station, eine je Spalte',
  'projector.joinLabel': 'Notizen vom Handy',
  'projector.joinCode': 'QR-Code: Notizen vom Handy an „{table}“ schicken',
  'projector.joinCaption': 'Eigene Notizen? QR-Code scannen',
}
