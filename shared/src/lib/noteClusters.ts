import type { NoteInput } from './noteClassification'
import { readingOrder } from './noteClassification'

/**
 * Clusters: notes the moderator grouped under a heading ("Sprachkurse",
 * "Ehrenamt"). Each note of a cluster carries the cluster's id in
 * `meta.clusterId`; the heading is a tldraw text shape in the same column
 * whose meta names the cluster (see {@link ClusterHeadingMeta}). The board,
 * the projector and every export read clusters through these functions.
 */

/** Prefix of the ids the board gives new clusters. */
export const CLUSTER_ID_PREFIX = 'cluster:'

/** Our bookkeeping on the text shape that heads a cluster. */
export interface ClusterHeadingMeta {
  tablecloth: 'clusterHeading'
  clusterId: string
}

export function isClusterHeadingMeta(meta: unknown): meta is ClusterHeadingMeta {
  const m = meta as Partial<ClusterHeadingMeta> | undefined
  return m?.tablecloth === 'clusterHeading' && typeof m.clusterId === 'string' && m.clusterId !== ''
}

/** The meta a cluster's heading shape carries. */
export function clusterHeadingMeta(clusterId: string): ClusterHeadingMeta {
  return { tablecloth: 'clusterHeading', clusterId }
}

/**
 * Notes in the order the board shows them, with each cluster pulled together
 * where its first note stands: rows top to bottom, each row left to right,
 * a cluster's later notes moved up behind its first one.
 */
export function clusterOrder<N extends NoteInput & { clusterId?: string }>(
  notes: readonly N[],
): N[] {
  const runs: N[][] = []
  const clusters = new Map<string, N[]>()
  for (const note of readingOrder(notes)) {
    if (note.clusterId === undefined) {
      runs.push([note])
      continue
    }
    const cluster = clusters.get(note.clusterId)
    if (cluster) {
      cluster.push(note)
      continue
    }
    const started = [note]
    clusters.set(note.clusterId, started)
    runs.push(started)
  }
  return runs.flat()
}

/**
 * The name a cluster is harvested under: its heading's text, trimmed. A
 * cluster whose heading was emptied has no name (its notes still stay
 * together), and so has one whose heading was deleted. Boards from before
 * headings were shapes named the cluster in `clusterId` itself, so such a
 * cluster without a heading shape keeps that name.
 */
export function clusterName(
  clusterId: string,
  headings: ReadonlyMap<string, string>,
): string | undefined {
  const heading = headings.get(clusterId)
  if (heading === undefined) return clusterId.startsWith(CLUSTER_ID_PREFIX) ? undefined : clusterId
  const trimmed = heading.trim()
  return trimmed === '' ? undefined : trimmed
}
