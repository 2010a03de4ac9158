import { describe, expect, it } from 'vitest'
import { analyseNotes, type ThemeNote } from './analyseNotes'

const note = (tableId: string, noteId: string, text: string): ThemeNote => ({
  tableId,
  stationId: 's1',
  noteId,
  text,
})

describe('analyseNotes', () => {
  it('analyses each note once, in the order of the ids, remembering where it was given', () => {
    const notes = [
      note('t2', 'n1', 'Ehrenamt'),
      note('t1', 'n2', 'Kita fehlt'),
      note('t2', 'n1', 'again'),
    ]
    const analysis = analyseNotes(notes)
    expect(analysis.notes.map((item) => [item.note.tableId, item.index])).toEqual([
      ['t1', 1],
      ['t2', 0],
    ])
  })

  it('reads each note in its own language', () => {
    const analysis = analyseNotes([
      note('t1', 'n1', 'We need more childcare'),
      note('t2', 'n2', 'Einbindung in kulturelle Angebote'),
    ])
    expect(analysis.notes.map((item) => item.language)).toEqual(['en', 'de'])
    expect(analysis.notes[0]!.terms.map((term) => term.key)).toEqual(['need', 'childcar'])
  })

  it('splits compounds into the words of the whole day, and only those', () => {
    const shares = (...texts: string[]) => {
      const analysis = analyseNotes(texts.map((text, at) => note(`t${at}`, 'n', text)))
      const [compound, word] = analysis.notes.map(
        (item) => new Set(item.terms.map((term) => term.key)),
      )
      return [...word!].some((key) => compound!.has(key))
    }
    expect(shares('Kinderbetreuungsangebote', 'Kinderbetreuung fehlt', 'Mehr Angebote')).toBe(true)
    // Without "Angebote" the day does not know the rest of the word; it is
    // still read as the long word it starts with, which the day typed.
    expect(shares('Kinderbetreuungsangebote', 'Kinderbetreuung fehlt')).toBe(true)
    // A short beginning is no such word: "Kindergärten" is not about "Kinder".
    expect(shares('Kindergärten', 'Kinder fehlen')).toBe(false)
    // Nor is a word met only by its stem ("Veränderungen" and "verändern").
    expect(shares('Veränderungen', 'Alles verändern')).toBe(false)
  })

  it('makes a unit TF-IDF vector of each note', () => {
    const analysis = analyseNotes([note('t1', 'n1', 'Wohnraum fehlt'), note('t2', 'n2', 'Kita')])
    for (const item of analysis.notes) {
      const length = Math.hypot(...item.vector.values())
      expect(length).toBeCloseTo(1)
    }
  })
})
