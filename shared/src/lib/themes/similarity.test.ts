import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cosine, similarityMatrix, tfIdf, type WeightedTerm } from './similarity'

const terms = (...keys: string[]): WeightedTerm[] => keys.map((key) => ({ key, weight: 1 }))

describe('tfIdf and cosine', () => {
  it('makes unit vectors: a note is like itself, unlike one sharing nothing', () => {
    const { vectors } = tfIdf([terms('kita', 'platz'), terms('kita', 'platz'), terms('wohnraum')])
    expect(cosine(vectors[0]!, vectors[0]!)).toBeCloseTo(1)
    expect(cosine(vectors[0]!, vectors[1]!)).toBeCloseTo(1)
    expect(cosine(vectors[0]!, vectors[2]!)).toBe(0)
  })

  it('weighs a rare shared term above a common one', () => {
    const day = [
      terms('integration', 'kita'),
      terms('integration', 'kita'),
      terms('integration', 'wohnraum'),
      terms('integration', 'arbeit'),
      terms('integration', 'sprache'),
    ]
    const { vectors, idf } = tfIdf(day)
    expect(idf.get('kita')!).toBeGreaterThan(idf.get('integration')!)
    expect(cosine(vectors[0]!, vectors[1]!)).toBeGreaterThan(cosine(vectors[2]!, vectors[3]!))
  })

  it('counts term weights: a part at half weight shares less than the word', () => {
    const word = [
      { key: 'betreu', weight: 1 },
      { key: 'kind', weight: 1 },
    ]
    const part = [
      { key: 'betreu', weight: 0.5 },
      { key: 'kind', weight: 1 },
    ]
    const { vectors } = tfIdf([word, part, terms('betreu'), terms('wohnraum')])
    expect(cosine(vectors[0]!, vectors[2]!)).toBeGreaterThan(cosine(vectors[1]!, vectors[2]!))
  })

  it('leaves a note without terms empty, similar to nothing', () => {
    const { vectors } = tfIdf([[], terms('kita')])
    expect(vectors[0]!.size).toBe(0)
    expect(cosine(vectors[0]!, vectors[1]!)).toBe(0)
  })
})

describe('similarityMatrix', () => {
  it('holds the cosine of every pair, whatever the notes', () => {
    const word = fc.constantFrom('kita', 'platz', 'wohnraum', 'arbeit', 'sprache', 'ehrenamt')
    const note = fc.array(fc.record({ key: word, weight: fc.constantFrom(0.5, 1) }), {
      maxLength: 5,
    })
    fc.assert(
      fc.property(fc.array(note, { minLength: 1, maxLength: 8 }), (day) => {
        const { vectors } = tfIdf(day)
        const matrix = similarityMatrix(vectors)
        const n = vectors.length
        for (let i = 0; i < n; i++) {
          expect(matrix[i * n + i]).toBe(0)
          for (let j = 0; j < n; j++) {
            if (i !== j) expect(matrix[i * n + j]).toBeCloseTo(cosine(vectors[i]!, vectors[j]!), 12)
          }
        }
      }),
    )
  })
})
