/**
 * TF-IDF over weighted terms, and cosine similarity. A note's vector holds,
 * for each of its terms, the summed weight of its occurrences (term
 * frequency) times the term's inverse document frequency over all notes of
 * the day, scaled to length 1, so the cosine of two notes is the dot product
 * of their vectors: 1 for the same terms in the same proportions, 0 for none
 * in common. A word every table wrote ("Integration", "IntMan") weighs little,
 * a word two notes share and no other weighs much.
 */

/** A term occurrence: its key (a stem) and weight. */
export interface WeightedTerm {
  key: string
  weight: number
}

/** A unit-length TF-IDF vector: term key → weight. Empty for a note without terms. */
export type TermVector = ReadonlyMap<string, number>

export interface TfIdf {
  vectors: TermVector[]
  /** Inverse document frequency of every term seen. */
  idf: ReadonlyMap<string, number>
}

/**
 * TF-IDF vectors of documents given as weighted terms. The idf is smoothed,
 * ln((1 + n) / (1 + df)) + 1 with n documents of which df hold the term, so
 * a term in every document still counts a little and none divides by zero.
 */
export function tfIdf(documents: ReadonlyArray<readonly WeightedTerm[]>): TfIdf {
  const frequencies = documents.map((terms) => {
    const tf = new Map<string, number>()
    for (const term of terms) tf.set(term.key, (tf.get(term.key) ?? 0) + term.weight)
    return tf
  })
  const documentFrequency = new Map<string, number>()
  for (const tf of frequencies) {
    for (const key of tf.keys()) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1)
  }
  const n = documents.length
  const idf = new Map<string, number>()
  for (const [key, df] of documentFrequency) idf.set(key, Math.log((1 + n) / (1 + df)) + 1)

  const vectors = frequencies.map((tf) => {
    const vector = new Map<string, number>()
    let squares = 0
    for (const [key, frequency] of tf) {
      const value = frequency * idf.get(key)!
      vector.set(key, value)
      squares += value * value
    }
    const length = Math.sqrt(squares)
    for (const [key, value] of vector) vector.set(key, value / length)
    return vector
  })
  return { vectors, idf }
}

/** Cosine similarity of two unit-length vectors, from 0 (no term shared) to 1. */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [key, value] of small) {
    const other = large.get(key)
    if (other !== undefined) dot += value * other
  }
  return dot
}

/**
 * The cosine similarity of every pair of vectors, row-major, n × n, with 0 on
 * the diagonal. Through an inverted index, so only pairs that share a term
 * cost anything: most notes of a day share none.
 */
export function similarityMatrix(vectors: readonly TermVector[]): Float64Array {
  const n = vectors.length
  const postings = new Map<string, Array<{ index: number; value: number }>>()
  vectors.forEach((vector, index) => {
    for (const [key, value] of vector) {
      let list = postings.get(key)
      if (list === undefined) {
        list = []
        postings.set(key, list)
      }
      list.push({ index, value })
    }
  })
  const matrix = new Float64Array(n * n)
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const { index: i, value: x } = list[a]!
        const { index: j, value: y } = list[b]!
        matrix[i * n + j] = matrix[i * n + j]! + x * y
        matrix[j * n + i] = matrix[j * n + i]! + x * y
      }
    }
  }
  return matrix
}
