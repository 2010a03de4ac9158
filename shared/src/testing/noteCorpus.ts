/**
 * Notes as groups write them at a café table, from the reference day's
 * hand-typed reports and the phones: long German compounds, hyphenated
 * names, dashes, quotes, numbers, a few English ones. The server's sizing
 * is checked against the browser's with them (`e2e/tests/noteSizing.spec.ts`)
 * and columns are filled with them.
 */
export const NOTE_CORPUS: readonly string[] = [
  'Kinderbetreuungsangebote während der Sprachkurse fehlen',
  'Anerkennung ausländischer Berufsabschlüsse dauert viel zu lange',
  'Qualifizierungsmaßnahmen für Alleinerziehende',
  'Ehrenamtliche Sprachpatenschaften ausbauen und besser koordinieren',
  'Arbeitsmarktintegration braucht Dolmetscher bei Behördengängen',
  'Hausaufgabenbetreuung an Grundschulen',
  'Wohnungsbaugenossenschaften einbeziehen',
  'Berufsorientierungsangebote für Jugendliche mit Migrationshintergrund',
  'Mehr Personal in der Ausländerbehörde, Wartezeiten sechs Monate',
  'Interkulturelle Öffnung der Verwaltung',
  'Gesundheitsversorgung: Dolmetscher in Arztpraxen',
  'Netzwerk der Ehrenamtlichen stärken – regelmäßige Treffen',
  'Kita fehlt',
  'Mehr Bänke im Park',
  'Begegnungscafé donnerstags',
  'Eltern-Lehrer-Gespräche mit Dolmetschern',
  'Integrationskurse und/oder Berufssprachkurse',
  '„Sprachcafé“ jeden Dienstag',
  'ÖPNV-Anbindung der Gemeinschaftsunterkünfte verbessern',
  'Patenschaftsprogramm Ausbildung & Arbeit',
  'Übergang Schule–Beruf begleiten',
  'Behördengänge begleiten (Ausländerbehörde, Jobcenter)',
  'Frauenschwimmkurse',
  'Digitalisierungsoffensive an Schulen',
  'Donaudampfschifffahrtsgesellschaftskapitän',
  'Informationsveranstaltungen auf Arabisch und Türkisch',
  'Räume für Selbstorganisation von Migrantenvereinen',
  'Wohnraumversorgung\nAnschlussunterbringung',
  'Mentoringprogramme für Geflüchtete in Ausbildungsbetrieben',
  'Zusammenarbeit zwischen Schule und Jugendhilfe verbessern',
  'Sprachkurse mit Kinderbetreuung am Vormittag, 3× pro Woche',
  'We need more childcare opportunities',
  'Volunteering coordination across associations',
  'Nachbarschaftshilfe organisieren',
  'Lebensmittelverschwendung vermeiden – Foodsharing',
  'Kinderbetreuungsangebote Kinderbetreuungsangebote Kinderbetreuungsangebote',
]
