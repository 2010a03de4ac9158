import * as Y from 'yjs'
import {
  BOARD_DOC,
  CONTENT_REJECTED_REASON,
  RECORD_REJECTED_REASON,
  boardRecordsArray,
} from '@tablecloth/shared'
import type { BoardSchema } from './boardSchema'
import { entryProblem } from './recordCheck'

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

/** Where an item of an update lands once Yjs integrates it. */
type Placement =
  /** In the board's `records` array, as one of its entries. */
  | 'records'
  /** Next to a garbage-collected item: Yjs drops its content on arrival. */
  | 'collected'
  /** Anywhere else: another root, a map key, a nested type, `meta`. */
  | 'elsewhere'
  /** After an item neither the board nor the update holds: it would wait forever. */
  | 'missing'
  /** Continuing a client whose last known clock the board holds collected: Yjs cannot place it. */
  | 'after-collected'

/**
 * `boardUpdateProblem` as the sync layer's update check: a refusal carries
 * the close reason the sender gets (a record tldraw rejects, or content that
 * is no record at all) and the detail for the log.
 */
export function boardUpdateGate(
  schema: BoardSchema,
  doc: Y.Doc,
  decoded: DecodedUpdate,
): { reason: string; detail: string } | null {
  const detail = boardUpdateProblem(schema, doc, decoded)
  if (detail === null) return null
  return {
    reason: detail.startsWith('record=') ? RECORD_REJECTED_REASON : CONTENT_REJECTED_REASON,
    detail,
  }
}

/**
 * The one gate for what a client may write into a board, applied to every
 * update from every socket before it is logged or relayed. Returns null when
 * the update may enter the board, otherwise a short reason for the log that
 * quotes no content.
 *
 * A client may only add plain `{ key, val }` entries to the `records` array,
 * in Yjs's standard encoding (ContentAny), each a tldraw record the schema
 * accepts under its own id (see `entryProblem`), and delete entries of that
 * array. Everything else is the server's alone or not part of a board at
 * all: other content encodings (JSON, strings, binary, embeds, formats,
 * nested types, subdocuments), other roots (`meta` included), map-style
 * entries, and items whose place cannot be found.
 *
 * Where an item lands is worked out as Yjs itself will, and more strictly:
 * every neighbour an item names (left and right) and, without neighbours,
 * the parent it names must lie in `records`; an item that straddles the
 * board's state is integrated after the client's last known clock, so that
 * item must be a `records` entry too (Yjs keeps the parent the struct
 * describes but takes that left neighbour, and where the two disagree it
 * corrupts the array or throws). Neighbours are looked up in the board and
 * in the update itself. Items the board holds already are skipped, as Yjs
 * skips them.
 */
export function boardUpdateProblem(
  schema: BoardSchema,
  doc: Y.Doc,
  decoded: DecodedUpdate,
): string | null {
  const placements = new UpdatePlacements(doc, decoded.structs)
  for (const struct of decoded.structs) {
    // Yjs creates a root for every name an update mentions, even on structs it then skips as known.
    if (struct instanceof Y.Item && namesForeignRoot(struct)) return 'place=outside-records'
    if (struct instanceof Y.Skip || placements.isKnown(struct)) continue
    // A collected range claims clocks without content. No board client has
    // one of its own (a board holds no nested types whose removal collects
    // their children); sent for another device's next clocks, it would make
    // the server skip that device's next notes as known.
    if (struct instanceof Y.GC) return 'content=collected-range'
    const problem = placementProblem(placements.of(struct)) ?? contentProblem(schema, struct)
    if (problem) return problem
  }
  return deletionProblem(doc, decoded.ds, placements)
}

/** Whether an item names a root of the doc other than the two a board has. */
function namesForeignRoot(item: Y.Item): boolean {
  const parent = item.parent as unknown
  return typeof parent === 'string' && parent !== BOARD_DOC.records && parent !== BOARD_DOC.meta
}

function contentProblem(schema: BoardSchema, item: Y.Item): string | null {
  const content = item.content
  if (content instanceof Y.ContentDeleted) return null
  if (!(content instanceof Y.ContentAny)) return `content=${content.constructor.name}`
  for (const entry of content.arr) {
    const problem = entryProblem(schema, entry)
    if (problem) return problem
  }
  return null
}

/** The placement of an item placed by all of `placements`: any bad one decides, then any collected one. */
function least(placements: readonly Placement[]): Placement {
  for (const bad of ['elsewhere', 'after-collected', 'missing'] as const) {
    if (placements.includes(bad)) return bad
  }
  return placements.includes('collected') ? 'collected' : 'records'
}

function placementProblem(placement: Placement): string | null {
  switch (placement) {
    case 'records':
    case 'collected':
      return null
    case 'elsewhere':
      return 'place=outside-records'
    case 'missing':
      return 'place=unknown-neighbour'
    case 'after-collected':
      return 'place=after-collected'
    default: {
      const unknown: never = placement
      return `place=${String(unknown)}`
    }
  }
}

/** New deletions may only remove entries of `records`; deleting what is deleted already changes nothing. */
function deletionProblem(
  doc: Y.Doc,
  ds: DecodedUpdate['ds'],
  placements: UpdatePlacements,
): string | null {
  for (const [client, ranges] of ds.clients) {
    const state = Y.getState(doc.store, client)
    const stored = doc.store.clients.get(client) ?? []
    for (const { clock, len } of ranges) {
      const end = clock + len
      if (clock < state) {
        let index = Y.findIndexSS(stored, clock)
        for (
          let struct = stored[index];
          struct && struct.id.clock < Math.min(end, state);
          struct = stored[++index]
        ) {
          if (
            struct instanceof Y.Item &&
            !struct.deleted &&
            placements.ofStored(struct) !== 'records'
          ) {
            return 'delete=outside-records'
          }
        }
      }
      // Deleting clocks the board does not hold: every one must be an item of the update itself.
      for (let at = Math.max(clock, state); at < end; ) {
        const own = placements.ownAt(client, at)
        if (own === null) return 'delete=unknown-item'
        const placement = own instanceof Y.Item ? placements.of(own) : 'collected'
        if (placement !== 'records' && placement !== 'collected') return 'delete=outside-records'
        at = own.id.clock + own.length
      }
    }
  }
  return null
}

/** Finds, and remembers, where each item of one update lands. */
class UpdatePlacements {
  private readonly records: Y.Array<unknown>
  private readonly own = new Map<number, Array<Y.Item | Y.GC>>()
  private readonly resolved = new Map<Y.Item, Placement>()

  constructor(
    private readonly doc: Y.Doc,
    structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>,
  ) {
    this.records = boardRecordsArray(doc)
    for (const struct of structs) {
      // Skips stand for clocks the update does not carry; nothing can land next to them.
      if (struct instanceof Y.Skip) continue
      const list = this.own.get(struct.id.client)
      if (list) list.push(struct)
      else this.own.set(struct.id.client, [struct])
    }
  }

  /** Whether the board holds every clock of this struct already (Yjs will skip it). */
  isKnown(struct: Y.Item | Y.GC): boolean {
    return struct.id.clock + struct.length <= Y.getState(this.doc.store, struct.id.client)
  }

  /** The update's own item (or collected range) covering `clock` of `client`, or null. */
  ownAt(client: number, clock: number): Y.Item | Y.GC | null {
    const list = this.own.get(client)
    if (!list) return null
    // Structs of one client arrive in clock order.
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const mid = (low + high) >> 1
      const item = list[mid]!
      if (clock < item.id.clock) high = mid - 1
      else if (clock >= item.id.clock + item.length) low = mid + 1
      else return item
    }
    return null
  }

  /** Where a struct the board already holds lives. */
  ofStored(struct: Y.Item | Y.GC): Placement {
    if (!(struct instanceof Y.Item)) return 'collected'
    return struct.parent === this.records && struct.parentSub === null ? 'records' : 'elsewhere'
  }

  /**
   * Where an item of the update lands: the least of where each thing it is
   * placed by lands. Items of the update may be placed by each other in
   * chains as long as the update, so this walks them with an explicit stack
   * rather than recursion; a circle can never be integrated, so it is
   * `missing`.
   */
  of(item: Y.Item): Placement {
    const known = this.resolved.get(item)
    if (known !== undefined) return known
    const stack: Y.Item[] = [item]
    const onStack = new Set<Y.Item>([item])
    while (stack.length > 0) {
      const current = stack[stack.length - 1]!
      const references = this.referencesOf(current)
      const waiting = references.filter(
        (reference): reference is Y.Item =>
          reference instanceof Y.Item && !this.resolved.has(reference),
      )
      if (waiting.some((reference) => onStack.has(reference))) {
        this.settle(current, 'missing', stack, onStack)
        continue
      }
      if (waiting.length > 0) {
        for (const reference of waiting) {
          stack.push(reference)
          onStack.add(reference)
        }
        continue
      }
      const placements = references.map((reference) =>
        reference instanceof Y.Item ? this.resolved.get(reference)! : reference,
      )
      this.settle(current, least(placements), stack, onStack)
    }
    return this.resolved.get(item)!
  }

  private settle(item: Y.Item, placement: Placement, stack: Y.Item[], onStack: Set<Y.Item>): void {
    this.resolved.set(item, placement)
    stack.pop()
    onStack.delete(item)
  }

  /**
   * What places an item: its left and right neighbours (resolved, or items
   * of the update still to resolve), or the parent it names; and for an item
   * straddling the board's state, the client's last known clock.
   */
  private referencesOf(item: Y.Item): Array<Placement | Y.Item> {
    const references: Array<Placement | Y.Item> = []
    const state = Y.getState(this.doc.store, item.id.client)
    if (item.id.clock < state) {
      const left = this.storedAt(Y.createID(item.id.client, state - 1))
      references.push(left instanceof Y.Item ? this.ofStored(left) : 'after-collected')
    }
    if (item.origin !== null) references.push(this.referenceAt(item.origin))
    if (item.rightOrigin !== null) references.push(this.referenceAt(item.rightOrigin))
    if (item.origin === null && item.rightOrigin === null) references.push(this.named(item))
    return references
  }

  private referenceAt(id: Y.ID): Placement | Y.Item {
    if (id.clock < Y.getState(this.doc.store, id.client)) return this.ofStored(this.storedAt(id))
    const own = this.ownAt(id.client, id.clock)
    if (own === null) return 'missing'
    return own instanceof Y.Item ? own : 'collected'
  }

  /** The place an item names itself: a root by name (the update's form), or a type's item. */
  private named(item: Y.Item): Placement {
    const parent = item.parent as unknown
    return parent === BOARD_DOC.records && item.parentSub === null ? 'records' : 'elsewhere'
  }

  private storedAt(id: Y.ID): Y.Item | Y.GC {
    const structs = this.doc.store.clients.get(id.client)!
    return structs[Y.findIndexSS(structs, id.clock)]!
  }
}
