import { describe, expect, it } from 'vitest'
import { REFERENCE_NOTES, REFERENCE_TABLES } from './referenceNotes'

const count = (tableId: string, station: number, question?: string) =>
  REFERENCE_NOTES.filter(
    (note) =>
      note.tableId === tableId &&
      note.station === station &&
      (question === undefined || note.question === question),
  ).length

describe('the reference day’s notes', () => {
  it('has the 11 tables of the document, with every note once', () => {
    expect(REFERENCE_TABLES).toHaveLength(11)
    expect(REFERENCE_NOTES).toHaveLength(478)
    expect(new Set(REFERENCE_NOTES.map((note) => note.id)).size).toBe(REFERENCE_NOTES.length)
    const tableIds = new Set(REFERENCE_TABLES.map((table) => table.id))
    for (const note of REFERENCE_NOTES) {
      expect(tableIds.has(note.tableId)).toBe(true)
      expect(note.text.trim()).not.toBe('')
    }
  })

  // Counted by hand in the document, which types station 1 twice and puts
  // the helpers in a comma list under "Behilfliche Akteur*innen".
  it('holds the notes of table 1 (Frauen, Kinderbetreuung, Sprache) as counted by hand', () => {
    expect(count('frauen', 1, 'Was läuft gut?')).toBe(12)
    expect(count('frauen', 1, 'Wo hakt es?')).toBe(13)
    expect(count('frauen', 2)).toBe(8)
    expect(count('frauen', 3, 'Was können wir vor Ort ändern?')).toBe(7)
    expect(count('frauen', 3, 'Wer kann helfen?')).toBe(13)
  })

  it('holds the notes of table 7 (Statusfragen) as counted by hand', () => {
    expect(count('statusfragen', 1, 'Was läuft gut?')).toBe(5)
    expect(count('statusfragen', 1, 'Wo hakt es?')).toBe(7)
    expect(count('statusfragen', 2, 'Was sind unsere Ziele?')).toBe(5)
    expect(count('statusfragen', 2, 'Was soll ein gutes IntMan leisten?')).toBe(4)
    expect(count('statusfragen', 3, 'Was können wir vor Ort ändern?')).toBe(4)
    expect(count('statusfragen', 3, 'Wer kann helfen?')).toBe(6)
  })

  it('keeps a note the document typed twice for one station once, with the longer text', () => {
    const kita = REFERENCE_NOTES.filter((note) => note.text.toLowerCase().includes('kita-plätze'))
    expect(kita.map((note) => note.text)).toEqual([
      'Fehlende KiTa-Plätze, zu wenig Eltern-integrationskurse → geringe Teilnahme',
    ])
    const financing = REFERENCE_NOTES.filter(
      (note) => note.text === 'Finanzierung der Kinderbetreuung in Sprachschulen',
    )
    expect(financing).toEqual([expect.objectContaining({ cluster: 'Dr. Renfeld', station: 1 })])
  })

  it('keeps notes two groups wrote alike within one typing', () => {
    const rights = REFERENCE_NOTES.filter((note) => note.text === 'Kinderrechte')
    expect(rights).toHaveLength(2)
  })

  it('keeps clusters as heading and notes, and the text as typed', () => {
    expect(
      REFERENCE_NOTES.filter((note) => note.cluster === 'Kulturprogramme').map((note) => note.text),
    ).toEqual(['Altkunden', 'kreative Treffen', 'Kochabende'])
    const texts = REFERENCE_NOTES.map((note) => note.text)
    expect(texts).toContain(
      'Frauen in ihrer aktuellen Situation „abholen“\nBedarfsorientiert arbeiten',
    )
    expect(texts).toContain('Jobcenter als fordernde Verwaltung → mehr Arbeit im IGM')
    expect(texts).toContain('Initiativen vernetzen, Wertschätzung d. Ehrenamts, Bedarfe benennen')
    expect(texts.some((text) => text.includes('~~') || text.startsWith('•'))).toBe(false)
  })
})
