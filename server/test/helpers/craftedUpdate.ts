import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import { MessageType } from '@tablecloth/shared'

/**
 * Yjs updates written byte by byte, for content no honest Yjs client writes
 * (ContentJSON nested 100,000 deep, a type inside `records`, an entry in a
 * root of our choosing) but that Yjs still decodes. The layout is Yjs's
 * update format v1: per client its structs, then the delete set.
 */

/**
 * Yjs's struct reference numbers (the low five bits of a struct's info byte):
 * the content kinds of an item, and the two structs that hold no item, a
 * garbage-collected range (GC) and a range the update leaves out (Skip).
 */
export const ContentRef = {
  GC: 0,
  Deleted: 1,
  Json: 2,
  Binary: 3,
  String: 4,
  Embed: 5,
  Format: 6,
  Type: 7,
  Any: 8,
  Doc: 9,
  Skip: 10,
} as const

export interface CraftedId {
  client: number
  clock: number
}

export interface CraftedItem {
  /** Clock of the item; its client is the update's. */
  clock: number
  /** Left and right neighbours as Yjs records them; with either, the parent is not written. */
  origin?: CraftedId
  rightOrigin?: CraftedId
  /** A root by name, or the id of an item holding a type. Ignored when an origin is set. */
  parent?: string | CraftedId
  /** The key, for an entry of a map. */
  parentSub?: string
  /** What the item holds; a GC or Skip here writes that struct instead, without neighbours or parent. */
  content: CraftedContent
}

export type CraftedContent =
  | { ref: typeof ContentRef.Any; values: unknown[] }
  /** JSON texts as sent, so they may nest deeper than JSON.stringify could write. */
  | { ref: typeof ContentRef.Json; texts: string[] }
  | { ref: typeof ContentRef.String; text: string }
  | { ref: typeof ContentRef.Binary; bytes: Uint8Array }
  | { ref: typeof ContentRef.Deleted; length: number }
  /** `json`, when given, is sent as the JSON text instead of `value`: it may nest deeper than JSON.stringify goes. */
  | { ref: typeof ContentRef.Embed; value: unknown; json?: string }
  | { ref: typeof ContentRef.Format; key: string; value: unknown; json?: string }
  /** A nested type: 0 Array, 1 Map, 2 Text, 3 XmlElement, 4 XmlFragment, 5 XmlHook, 6 XmlText. */
  | { ref: typeof ContentRef.Type; typeRef: number; name?: string }
  | { ref: typeof ContentRef.Doc; guid: string }
  /** Not content but a struct of its own: clocks already collected, or clocks the update leaves out. */
  | { ref: typeof ContentRef.GC; length: number }
  | { ref: typeof ContentRef.Skip; length: number }

/** How many clocks an item of this content takes. */
export function contentLength(content: CraftedContent): number {
  switch (content.ref) {
    case ContentRef.Any:
      return content.values.length
    case ContentRef.Json:
      return content.texts.length
    case ContentRef.String:
      return content.text.length
    case ContentRef.Deleted:
    case ContentRef.GC:
    case ContentRef.Skip:
      return content.length
    default:
      return 1
  }
}

/** A range of one client's clocks, as a delete set lists it. */
export interface CraftedDeletion {
  client: number
  clock: number
  len: number
}

/** One update of one client's items (in clock order, without gaps) and an optional delete set. */
export function craftUpdate(
  client: number,
  items: readonly CraftedItem[],
  deletions: readonly CraftedDeletion[] = [],
): Uint8Array {
  return craftClientsUpdate(items.length > 0 ? [{ client, items }] : [], deletions)
}

/**
 * One update of several clients' items, each client's in clock order without
 * gaps (a Skip stands for a gap), and an optional delete set. Clients are
 * written in the order given; Yjs reads them in any order.
 */
export function craftClientsUpdate(
  clients: ReadonlyArray<{ client: number; items: readonly CraftedItem[] }>,
  deletions: readonly CraftedDeletion[] = [],
): Uint8Array {
  const encoder = encoding.createEncoder()
  const written = clients.filter(({ items }) => items.length > 0)
  encoding.writeVarUint(encoder, written.length)
  for (const { client, items } of written) {
    encoding.writeVarUint(encoder, items.length)
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, items[0]!.clock)
    for (const item of items) writeItem(encoder, item)
  }
  const byClient = new Map<number, Array<{ clock: number; len: number }>>()
  for (const { client: owner, clock, len } of deletions) {
    byClient.set(owner, [...(byClient.get(owner) ?? []), { clock, len }])
  }
  encoding.writeVarUint(encoder, byClient.size)
  for (const [owner, ranges] of byClient) {
    encoding.writeVarUint(encoder, owner)
    encoding.writeVarUint(encoder, ranges.length)
    for (const { clock, len } of ranges) {
      encoding.writeVarUint(encoder, clock)
      encoding.writeVarUint(encoder, len)
    }
  }
  return encoding.toUint8Array(encoder)
}

function writeItem(encoder: encoding.Encoder, item: CraftedItem): void {
  const { content } = item
  if (content.ref === ContentRef.GC || content.ref === ContentRef.Skip) {
    // GC: info 0 and its length; Skip: info 10 and its length (both plain var-uints in v1).
    encoding.writeUint8(encoder, content.ref)
    encoding.writeVarUint(encoder, content.length)
    return
  }
  const hasOrigin = item.origin !== undefined
  const hasRight = item.rightOrigin !== undefined
  const hasSub = item.parentSub !== undefined && !hasOrigin && !hasRight
  const info =
    (item.content.ref & 0b11111) |
    (hasOrigin ? 0x80 : 0) |
    (hasRight ? 0x40 : 0) |
    (hasSub ? 0x20 : 0)
  encoding.writeUint8(encoder, info)
  if (item.origin) writeId(encoder, item.origin)
  if (item.rightOrigin) writeId(encoder, item.rightOrigin)
  if (!hasOrigin && !hasRight) {
    const parent = item.parent ?? 'records'
    if (typeof parent === 'string') {
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarString(encoder, parent)
    } else {
      encoding.writeVarUint(encoder, 0)
      writeId(encoder, parent)
    }
    if (hasSub) encoding.writeVarString(encoder, item.parentSub!)
  }
  writeContent(encoder, item.content)
}

function writeId(encoder: encoding.Encoder, id: CraftedId): void {
  encoding.writeVarUint(encoder, id.client)
  encoding.writeVarUint(encoder, id.clock)
}

function writeContent(encoder: encoding.Encoder, content: CraftedContent): void {
  switch (content.ref) {
    case ContentRef.Any:
      encoding.writeVarUint(encoder, content.values.length)
      for (const value of content.values) encoding.writeAny(encoder, value as never)
      return
    case ContentRef.Json:
      encoding.writeVarUint(encoder, content.texts.length)
      for (const text of content.texts) encoding.writeVarString(encoder, text)
      return
    case ContentRef.String:
      encoding.writeVarString(encoder, content.text)
      return
    case ContentRef.Binary:
      encoding.writeVarUint8Array(encoder, content.bytes)
      return
    case ContentRef.Deleted:
      encoding.writeVarUint(encoder, content.length)
      return
    case ContentRef.Embed:
      encoding.writeVarString(encoder, content.json ?? JSON.stringify(content.value))
      return
    case ContentRef.Format:
      encoding.writeVarString(encoder, content.key)
      encoding.writeVarString(encoder, content.json ?? JSON.stringify(content.value))
      return
    case ContentRef.Type:
      encoding.writeVarUint(encoder, content.typeRef)
      if (content.typeRef === 3 || content.typeRef === 5)
        encoding.writeVarString(encoder, content.name ?? 'x')
      return
    case ContentRef.Doc:
      encoding.writeVarString(encoder, content.guid)
      encoding.writeAny(encoder, {})
      return
    case ContentRef.GC:
    case ContentRef.Skip:
      throw new Error('GC and Skip are structs, written by writeItem')
  }
}

/** A JSON text nested `depth` arrays deep: more than any recursive encoder can write back. */
export function deepJsonText(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth)
}

/** A board sync frame carrying `update` as a live update (y-websocket's message 0/2). */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** Checks that Yjs itself decodes a crafted update, so a test attacks the server, not the parser. */
export function assertDecodes(update: Uint8Array): void {
  Y.decodeUpdate(update)
}

/** The id of the last item of `records` in `doc`, to use as a left origin, or undefined. */
export function lastRecordsItem(doc: Y.Doc): CraftedId | undefined {
  let last: Y.Item | null = null
  for (let item = doc.getArray('records')._start; item !== null; item = item.right) last = item
  return last ? { client: last.id.client, clock: last.id.clock + last.length - 1 } : undefined
}
