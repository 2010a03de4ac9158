/**
 * Average-linkage agglomerative clustering (UPGMA) cut at a similarity
 * threshold: every item starts alone; the two clusters whose items are most
 * similar on average are merged, again and again, while that average is at
 * least the threshold. Averaging over all pairs keeps a cluster together as
 * a whole: an item joins only if it is close to the cluster's items on
 * average, never through a chain of neighbours as with single linkage.
 *
 * Deterministic: of equally similar pairs the one with the lowest indices
 * merges first, and a merged cluster keeps the lower index.
 */

/**
 * Clusters of item indices, each in ascending order, ordered by their first
 * index; items that merged with nothing are clusters of one.
 *
 * @param similarity the items' pairwise similarity, row-major, n × n, symmetric.
 */
export function averageLinkage(similarity: Float64Array, n: number, threshold: number): number[][] {
  // The average similarity between the clusters standing at i and j, updated
  // on every merge (Lance–Williams: the size-weighted mean of the two rows).
  const average = Float64Array.from(similarity)
  const members: Array<number[] | undefined> = Array.from({ length: n }, (_, i) => [i])
  // Each live row's best partner, so a step scans n rows, not n² pairs.
  const bestOf = new Int32Array(n).fill(-1)
  const refresh = (i: number) => {
    let best = -1
    for (let j = 0; j < n; j++) {
      if (j === i || members[j] === undefined) continue
      if (best === -1 || average[i * n + j]! > average[i * n + best]!) best = j
    }
    bestOf[i] = best
  }
  for (let i = 0; i < n; i++) refresh(i)

  for (;;) {
    let a = -1
    for (let i = 0; i < n; i++) {
      const j = bestOf[i]!
      if (members[i] === undefined || j === -1) continue
      if (a === -1 || average[i * n + j]! > average[a * n + bestOf[a]!]!) a = i
    }
    if (a === -1) break
    const b = bestOf[a]!
    if (average[a * n + b]! < threshold) break
    const [keep, drop] = a < b ? [a, b] : [b, a]
    const keepSize = members[keep]!.length
    const dropSize = members[drop]!.length
    for (let k = 0; k < n; k++) {
      if (members[k] === undefined || k === keep || k === drop) continue
      const merged =
        (keepSize * average[keep * n + k]! + dropSize * average[drop * n + k]!) /
        (keepSize + dropSize)
      average[keep * n + k] = merged
      average[k * n + keep] = merged
    }
    members[keep] = [...members[keep]!, ...members[drop]!].sort((x, y) => x - y)
    members[drop] = undefined
    for (let k = 0; k < n; k++) {
      if (members[k] === undefined) continue
      // A row whose best partner merged, or that may now prefer the merged cluster.
      if (k === keep || bestOf[k] === keep || bestOf[k] === drop) refresh(k)
      else if (isBetter(average[k * n + keep]!, keep, average[k * n + bestOf[k]!]!, bestOf[k]!)) {
        bestOf[k] = keep
      }
    }
  }
  return members.filter((cluster): cluster is number[] => cluster !== undefined)
}

/** Whether a partner beats the current best: more similar, or as similar and lower. */
function isBetter(similarity: number, index: number, bestSimilarity: number, bestIndex: number) {
  return similarity > bestSimilarity || (similarity === bestSimilarity && index < bestIndex)
}
