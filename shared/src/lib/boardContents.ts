import type { ColumnFrameMeta, NoteMeta } from './boardDoc'
import type { ColumnArea, NoteInput } from './noteClassification'
import type { Rect } from './rect'
import { richTextToPlain } from './richText'
import { CLUSTER_HEADING_HEIGHT } from './columnLayout'
import { isClusterHeadingMeta } from './noteClusters'

/**
 * Reads a board's notes and columns out of plain tldraw record JSON, as the
 * server stores it and snapshots hold it. Pure and tldraw-free, so the
 * server, the control room and exports read boards the same way.
 */

/** tldraw's note edge length at scale 1. */
const NOTE_EDGE = 200

interface ShapeLike {
  id: string
  typeName: 'shape'
  type: string
  x: number
  y: number
  parentId: string
  meta?: Record<string, unknown>
  props?: Record<string, unknown>
}

export interface BoardNote extends NoteInput {
  /** Dot votes, when the board counts them. */
  votes: number
  via?: NoteMeta['via']
  clusterId?: string
  /** tldraw's colour name of the note (`props.color`), when it has one. */
  colour?: string
}

/** The heading of a cluster of notes, as the board shows it. */
export interface ClusterHeading {
  clusterId: string
  text: string
  /** The line the heading takes on the page (its height is the layout's). */
  bounds: Rect
}

export interface BoardContents {
  notes: BoardNote[]
  columns: ColumnArea[]
  clusterHeadings: ClusterHeading[]
}

export function readBoardContents(records: readonly unknown[]): BoardContents {
  const shapes = new Map<string, ShapeLike>()
  for (const record of records) {
    if (isShape(record)) shapes.set(record.id, record)
  }
  const columns: ColumnArea[] = []
  const notes: BoardNote[] = []
  const clusterHeadings: ClusterHeading[] = []
  for (const shape of shapes.values()) {
    const origin = pageOrigin(shape, shapes)
    if (shape.type === 'frame' && isColumnMeta(shape.meta)) {
      columns.push({
        stationId: shape.meta.stationId,
        columnIndex: shape.meta.columnIndex,
        bounds: { x: origin.x, y: origin.y, w: num(shape.props?.w), h: num(shape.props?.h) },
      })
    } else if (shape.type === 'note') {
      notes.push(noteOf(shape, origin))
    } else if (shape.type === 'text' && isClusterHeadingMeta(shape.meta)) {
      clusterHeadings.push({
        clusterId: shape.meta.clusterId,
        text: richTextToPlain(shape.props?.richText),
        bounds: {
          ...origin,
          w: num(shape.props?.w) * num(shape.props?.scale, 1),
          h: CLUSTER_HEADING_HEIGHT,
        },
      })
    }
  }
  columns.sort((a, b) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x)
  return { notes, columns, clusterHeadings }
}

function noteOf(shape: ShapeLike, origin: { x: number; y: number }): BoardNote {
  const meta = (shape.meta ?? {}) as NoteMeta & { votes?: unknown }
  const scale = num(shape.props?.scale, 1)
  const bounds: Rect = {
    x: origin.x,
    y: origin.y,
    w: NOTE_EDGE * scale,
    h: (NOTE_EDGE + num(shape.props?.growY)) * scale,
  }
  const note: BoardNote = {
    id: shape.id,
    bounds,
    text: richTextToPlain(shape.props?.richText),
    votes: typeof meta.votes === 'number' && meta.votes > 0 ? Math.floor(meta.votes) : 0,
  }
  if (typeof meta.stationId === 'string') note.stationId = meta.stationId
  if (typeof meta.groupId === 'string') note.groupId = meta.groupId
  if (typeof meta.author === 'string') note.author = meta.author
  if (typeof meta.createdAt === 'string') note.createdAt = meta.createdAt
  if (meta.via === 'phone' || meta.via === 'board') note.via = meta.via
  if (typeof shape.props?.color === 'string') note.colour = shape.props.color
  if (typeof meta.clusterId === 'string' && meta.clusterId.trim()) {
    note.clusterId = meta.clusterId.trim()
  }
  return note
}

/** A shape's top-left corner on the page: children of frames are stored relative to them. */
function pageOrigin(shape: ShapeLike, shapes: Map<string, ShapeLike>): { x: number; y: number } {
  let x = num(shape.x)
  let y = num(shape.y)
  let parent = shapes.get(shape.parentId)
  // Bounded walk: a corrupt cycle of parents must not hang the server.
  for (let depth = 0; parent && depth < 32; depth++) {
    x += num(parent.x)
    y += num(parent.y)
    parent = shapes.get(parent.parentId)
  }
  return { x, y }
}

function isShape(record: unknown): record is ShapeLike {
  if (typeof record !== 'object' || record === null) return false
  const r = record as Partial<ShapeLike>
  return r.typeName === 'shape' && typeof r.id === 'string' && typeof r.type === 'string'
}

function isColumnMeta(meta: unknown): meta is ColumnFrameMeta {
  const m = meta as Partial<ColumnFrameMeta> | undefined
  return (
    m?.tablecloth === 'column' &&
    typeof m.stationId === 'string' &&
    typeof m.columnIndex === 'number'
  )
}

function num(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}
