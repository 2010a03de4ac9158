import { describe, expect, it } from 'vitest'
import type { Term } from './noteTerms'
import { sharedTerms, surfaceOf, themeTitle, type TitledNote } from './themeTitle'

const typed = (key: string, surface: string, noun = true): Term => ({
  key,
  weight: noun ? 1 : 0.5,
  surface,
  typed: true,
  noun,
})
const part = (key: string, surface: string): Term => ({
  key,
  weight: 0.5,
  surface,
  typed: false,
  noun: true,
})
const note = (tableId: string, ...terms: Term[]): TitledNote => ({ tableId, terms })
const idf = new Map<string, number>()

describe('sharedTerms', () => {
  it('lists terms two notes or more hold, most held first, nouns before other words', () => {
    const notes = [
      note(
        'a',
        typed('ziel', 'Ziele'),
        typed('klient', 'Klient_innen'),
        typed('klein', 'Kleine', false),
      ),
      note('b', typed('ziel', 'Ziele'), typed('klient', 'Klient_innen')),
      note('c', typed('ziel', 'Ziel'), typed('klein', 'kleine', false)),
    ]
    expect(
      sharedTerms(notes, idf, notes).map((term) => [term.surface, term.notes, term.tables]),
    ).toEqual([
      ['Ziele', 3, 3],
      ['Klient_innen', 2, 2],
      ['Kleine', 2, 2],
    ])
  })
})

describe('themeTitle', () => {
  const title = (...notes: TitledNote[]) => themeTitle(sharedTerms(notes, idf, notes), notes.length)

  it('is the term all notes share', () => {
    expect(
      title(note('a', typed('ehrenamt', 'Ehrenamt')), note('b', typed('ehrenamt', 'Ehrenamt'))),
    ).toBe('Ehrenamt')
  })

  it('adds a second noun half the notes hold, never a part of the first', () => {
    expect(
      title(
        note('a', typed('ziel', 'Ziele'), typed('klient', 'Klient_innen')),
        note('b', typed('ziel', 'Ziele'), typed('klient', 'Klient_innen')),
        note('c', typed('ziel', 'Ziele')),
      ),
    ).toBe('Ziele · Klient_innen')
    const notes = [
      note('a', typed('kinderbetreu', 'Kinderbetreuung'), part('betreu', 'betreuung')),
      note('b', typed('kinderbetreu', 'Kinderbetreuung'), typed('betreu', 'Betreuung')),
    ]
    const rarer = new Map([
      ['kinderbetreu', 5],
      ['betreu', 3],
    ])
    expect(themeTitle(sharedTerms(notes, rarer, notes), 2)).toBe('Kinderbetreuung')
  })

  it('names the two halves of a theme the first term does not cover', () => {
    expect(
      title(
        note('a', typed('wart', 'Wartezeiten'), typed('sprach', 'Sprache')),
        note('b', typed('wart', 'Wartezeiten')),
        note('c', typed('sprach', 'Sprachkurse'), typed('kinderbetreu', 'Kinderbetreuung')),
        note('d', typed('kinderbetreu', 'Kinderbetreuung'), typed('sprach', 'Sprache')),
      ),
    ).toBe('Sprache · Kinderbetreuung')
  })
})

describe('surfaceOf', () => {
  it('shows the noun as German writes it, written out, in its shortest form', () => {
    const notes = [
      note('a', typed('verantwort', 'verantwortlich', false), typed('jobcent', 'JC')),
      note('b', typed('verantwort', 'verantwortlich', false), typed('jobcent', 'Jobcenter')),
      note(
        'c',
        typed('verantwort', 'Verantwortung'),
        typed('kind', 'Kindern'),
        typed('kind', 'Kinder'),
      ),
    ]
    expect(surfaceOf('verantwort', notes, notes)).toBe('Verantwortung')
    expect(surfaceOf('jobcent', notes, notes)).toBe('Jobcenter')
    expect(surfaceOf('kind', notes, notes)).toBe('Kinder')
  })

  it('shows a part no note typed whole capitalised, as a German noun', () => {
    const notes = [note('a', part('betreu', 'betreuung')), note('b', part('betreu', 'betreuung'))]
    expect(surfaceOf('betreu', notes, notes)).toBe('Betreuung')
  })
})
