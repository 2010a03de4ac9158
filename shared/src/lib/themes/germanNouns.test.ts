import { describe, expect, it } from 'vitest'
import { germanNouns } from './germanNouns'
import { stem } from './stem'
import { tokenize } from './tokens'

const nounsOf = (...notes: string[]) => germanNouns(notes.map((note) => tokenize(note, 'de')))

describe('germanNouns', () => {
  it('takes words capitalised inside a phrase for nouns, lower-case ones for not', () => {
    const nouns = nounsOf('Mehr Zeit für Kinderbetreuung', 'Arbeit regelmäßig reflektieren')
    expect(nouns.has(stem('kinderbetreuung', 'de'))).toBe(true)
    expect(nouns.has(stem('zeit', 'de'))).toBe(true)
    expect(nouns.has(stem('reflektieren', 'de'))).toBe(false)
    expect(nouns.has(stem('regelmäßig', 'de'))).toBe(false)
  })

  it('learns from the whole day: a word capitalised only at a start follows its other uses', () => {
    const nouns = nounsOf('Regelmäßige Treffen', 'Treffen finden regelmäßig statt')
    expect(nouns.has(stem('regelmäßige', 'de'))).toBe(false)
    expect(nouns.has(stem('treffen', 'de'))).toBe(true)
  })

  it('judges a word typed only at starts by its ending', () => {
    const nouns = nounsOf(
      'Funktionierende Strukturen',
      'Supervision',
      'Vertrauensvolle Zusammenarbeit',
    )
    expect(nouns.has(stem('funktionierende', 'de'))).toBe(false)
    expect(nouns.has(stem('vertrauensvolle', 'de'))).toBe(false)
    expect(nouns.has(stem('supervision', 'de'))).toBe(true)
  })
})
