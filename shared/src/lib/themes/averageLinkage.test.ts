import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { averageLinkage } from './averageLinkage'

function matrixOf(rows: number[][]): Float64Array {
  return Float64Array.from(rows.flat())
}

describe('averageLinkage', () => {
  it('merges while the groups’ average similarity reaches the threshold', () => {
    const similarity = matrixOf([
      [0, 0.9, 0.6, 0],
      [0.9, 0, 0.5, 0],
      [0.6, 0.5, 0, 0.1],
      [0, 0, 0.1, 0],
    ])
    expect(averageLinkage(similarity, 4, 0.5)).toEqual([[0, 1, 2], [3]])
    // {0,1} against 2 averages 0.55: under 0.6 it stays apart.
    expect(averageLinkage(similarity, 4, 0.6)).toEqual([[0, 1], [2], [3]])
    expect(averageLinkage(similarity, 4, 0.95)).toEqual([[0], [1], [2], [3]])
  })

  it('does not chain: an item close to one member but far from the rest stays out', () => {
    // 0–1–2–3 is a chain of close neighbours; single linkage would make one group.
    const similarity = matrixOf([
      [0, 0.8, 0.1, 0],
      [0.8, 0, 0.8, 0.1],
      [0.1, 0.8, 0, 0.8],
      [0, 0.1, 0.8, 0],
    ])
    expect(averageLinkage(similarity, 4, 0.5)).toEqual([
      [0, 1],
      [2, 3],
    ])
  })

  it('breaks ties by the lowest indices', () => {
    const similarity = matrixOf([
      [0, 0.7, 0.7],
      [0.7, 0, 0.7],
      [0.7, 0.7, 0],
    ])
    expect(averageLinkage(similarity, 3, 0.8)).toEqual([[0], [1], [2]])
    expect(averageLinkage(similarity, 3, 0.7)).toEqual([[0, 1, 2]])
  })

  it('puts every item in one group whose pairs average at least the threshold', () => {
    const size = fc.integer({ min: 1, max: 9 })
    const input = size.chain((n) =>
      fc.record({
        n: fc.constant(n),
        values: fc.array(fc.constantFrom(0, 0.1, 0.3, 0.5, 0.7, 0.9), {
          minLength: n * n,
          maxLength: n * n,
        }),
        threshold: fc.constantFrom(0.2, 0.4, 0.6),
      }),
    )
    fc.assert(
      fc.property(input, ({ n, values, threshold }) => {
        const similarity = new Float64Array(n * n)
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) {
            similarity[i * n + j] = values[i * n + j]!
            similarity[j * n + i] = values[i * n + j]!
          }
        }
        const groups = averageLinkage(similarity, n, threshold)
        expect(groups.flat().sort((a, b) => a - b)).toEqual([...Array(n).keys()])
        expect(averageLinkage(similarity, n, threshold)).toEqual(groups)
        for (const group of groups) {
          if (group.length < 2) continue
          // Each merge joined two groups whose pairs across average at least the
          // threshold, and each half is such a group itself: so are all its pairs.
          let sum = 0
          let pairs = 0
          for (const i of group) {
            for (const j of group) {
              if (i >= j) continue
              sum += similarity[i * n + j]!
              pairs++
            }
          }
          expect(sum / pairs).toBeGreaterThanOrEqual(threshold - 1e-9)
        }
      }),
    )
  })
})
