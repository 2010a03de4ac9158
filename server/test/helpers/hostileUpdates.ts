import fc from 'fast-check'
import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { BOARD_DOC, BOARD_META, stationFrameId, stationHeaderId } from '@tablecloth/shared'
import { RECORD_LIMITS } from '../../src/board/recordCheck'
import {
  assertDecodes,
  ContentRef,
  contentLength,
  craftClientsUpdate,
  deepJsonText,
  lastRecordsItem,
  type CraftedContent,
  type CraftedDeletion,
  type CraftedId,
  type CraftedItem,
} from './craftedUpdate'
import { noteRecord } from './eventBoards'

/**
 * Random Yjs updates a moderator's socket may send that Yjs itself decodes:
 * every content kind in and out of `records`, nested types, map-style
 * entries, foreign roots, neighbours nobody has, gaps, continued and borrowed
 * client ids, deletions, values too deep or too large, and records tldraw
 * accepts but no board page writes. They are written byte by byte
 * (`craftedUpdate`) or by a real Y.Doc that synced the board. Each is
 * described by plain data (a spec, which fast-check generates, shrinks and
 * prints) and built against the board as the server holds it, because
 * neighbours and deletions name items the board has. Each also says what the
 * sending socket must see (refused, kept, or either), so a test can tell a
 * gate that lets too much in from one that refuses honest records.
 */

/** What the sending socket must see: closed with 4422, still open, or either. */
export type Expected = 'refused' | 'kept' | 'either'

/** The board an attack is built against. */
export interface BoardView {
  /** The board as the server holds it (or nearly: as a client last synced it). Read only. */
  doc: Y.Doc
  /** The event's station ids, in order. */
  stationIds: readonly string[]
  /** Yjs client ids of the honest devices writing on the board. */
  honestClients: readonly number[]
}

/**
 * One update to send from a fresh moderator socket. An attack is one or
 * more of them, in order: a prelude (a client's first items, which the
 * server must take, or a collected head of a client, which it must refuse),
 * then the update that attacks it.
 */
export interface Attack {
  update: Uint8Array
  expected: Expected
  /** Record ids the update adds to `records` where every reader sees them, should it be accepted. */
  adds: string[]
  /** Record ids it names that must never show should it be refused (its `adds` and ids under other keys). */
  names: string[]
  /** Attack records the update deletes, should it be accepted. */
  deletes: string[]
}

/** Prefix of every record id an attack writes; honest notes never use it. */
export const ATTACK_ID_PREFIX = 'shape:attack-'

// ---------------------------------------------------------------------------
// Specs: what fast-check generates.

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

/** A JSON text as ContentJSON, embeds and formats carry it. */
export type JsonSpec =
  | { json: 'value'; value: JsonValue }
  | { json: 'deep'; depth: number }
  /** A board record as JSON: what a gate looking at values only would let in. */
  | { json: 'entry' }
  /** Yjs reads this text as `undefined`. */
  | { json: 'undefined' }

/** One value of a ContentAny item in `records`. */
export type ValueSpec =
  | { value: 'entry' }
  | { value: 'wrong-id' }
  | { value: 'bad-props' }
  | { value: 'extra-key' }
  | { value: 'only-key' }
  | { value: 'deep'; depth: number }
  | { value: 'large'; chars: number }
  | { value: 'not-json'; what: 'binary' | 'bigint' | 'undefined' | 'nan' | 'infinity' }
  | {
      value: 'local-record'
      key: 'camera:x' | 'instance:instance' | 'pointer:pointer' | 'nothing' | ''
    }
  | { value: 'scalar'; scalar: JsonValue }

/** What one crafted item holds. */
export type ContentSpec =
  | { kind: 'any'; values: ValueSpec[] }
  | { kind: 'json'; texts: JsonSpec[] }
  | { kind: 'string'; chars: number }
  | { kind: 'binary'; length: number }
  | { kind: 'embed'; json: JsonSpec }
  | { kind: 'format'; key: string; json: JsonSpec }
  /** A nested type (0 Array … 6 XmlText) with items of its own inside it, in the same update. */
  | { kind: 'type'; typeRef: number; children: ContentSpec[] }
  | { kind: 'doc'; guid: string }
  | { kind: 'deleted'; length: number }

/** Where a crafted item says it goes. */
export type PlaceSpec =
  | { at: 'records' }
  | { at: 'after-last' }
  | { at: 'before-first' }
  | { at: 'after-meta' }
  | { at: 'meta-key'; key: string }
  | { at: 'meta-list' }
  | { at: 'records-key'; key: string }
  | { at: 'root'; name: string }
  | { at: 'unknown-origin'; clock: number }
  | { at: 'inside-entry' }
  /**
   * After a garbage-collected range (a GC struct) of its own client, in the
   * same update. No board client sends a GC struct for clocks the board does
   * not hold, so the gate refuses the whole update, whatever follows it.
   */
  | { at: 'after-gc'; length: number }
  /** After clocks the update leaves out (a Skip): Yjs keeps it pending. */
  | { at: 'after-skip'; length: number }
  /** Starting at a clock above 0 of a new client: pending too. */
  | { at: 'gap'; clock: number }
  /** After an item the same update puts first: in records, a key of meta, or a root of its own. */
  | { at: 'after-own'; first: 'records' | 'meta-key' | 'root'; otherClient: boolean }
  /** After the last entry of records, before an item nobody has: Yjs keeps it pending. */
  | { at: 'right-unknown' }
  /**
   * Continuing a client the board knows (an earlier update of the attack put
   * its first `prelude` clocks there as entries), starting `back` clocks
   * before its end, naming a parent of its own. Yjs takes only the unknown
   * tail of such an item. A `collected` prelude (a GC struct) is refused, so
   * the board never holds that head, and the item after it is a new
   * client's: pending when it starts above clock 0.
   */
  | {
      at: 'continue-own'
      prelude: 'entries' | 'collected'
      length: number
      back: number
      named: NamedParent
    }
  /** Under the client id of another writer of the board, at its next clock. */
  | { at: 'foreign-client'; whose: 'server' | 'honest' }

/** The parent an item names for itself (Yjs ignores it when the item has a left neighbour). */
export type NamedParent = 'records' | 'records-key' | 'meta-key' | 'root'

/** A range a delete set names. */
export type DeletionSpec =
  | { of: 'meta'; pick: number; extend: number }
  | { of: 'own'; pick: number }
  | { of: 'own-and-meta'; pick: number }
  | { of: 'already-deleted'; pick: number }
  | { of: 'unknown-client'; clock: number; len: number }
  | { of: 'beyond-state'; len: number }
  | { of: 'server-everything' }

/** Records that tldraw's schema accepts but that no board page writes. */
export type OddSpec =
  | { odd: 'self-parent' }
  | { odd: 'parent-cycle' }
  | { odd: 'orphan' }
  | {
      odd: 'fake-column'
      station: number
      columnIndex: number
      x: number
      y: number
      w: number
      h: number
    }
  | {
      odd: 'frame-override'
      station: number
      column: number
      x: number
      y: number
      w: number
      h: number
    }
  | { odd: 'note-meta'; meta: { [key: string]: JsonValue } }
  | { odd: 'cluster-heading'; clusterId: string; text: string }
  | { odd: 'page' }
  | { odd: 'document'; name: string }
  | { odd: 'dangling-binding' }

/** An edit a real Y.Doc makes on a copy of the board. */
export type DocEditSpec =
  | {
      edit: 'note'
      text: string
      meta: { [key: string]: JsonValue }
      onPage: boolean
      front: boolean
    }
  | { edit: 'big-note'; chars: number }
  | { edit: 'many-notes'; count: number }
  | { edit: 'wrong-props'; prop: 'x' | 'opacity' | 'props.color' | 'props.richText' | 'type' }
  | { edit: 'wrong-id' }
  | { edit: 'deep-meta'; depth: number }
  | { edit: 'huge-text'; chars: number }
  | { edit: 'meta-set'; key: string; value: JsonValue }
  | { edit: 'meta-delete'; key: string }
  | { edit: 'nested'; type: NestedType; filled: boolean }
  | { edit: 'foreign-root'; type: NestedType; name: string }
  | { edit: 'formatted-text' }
  | { edit: 'subdoc' }
  | { edit: 'delete-own'; pick: number }
  | { edit: 'odd'; spec: OddSpec }

export type NestedType = 'array' | 'map' | 'text' | 'xml-fragment' | 'xml-element' | 'xml-text'

export type HostileSpec =
  | { via: 'crafted'; content: ContentSpec; place: PlaceSpec; deletion: DeletionSpec | null }
  | { via: 'deletion'; deletion: DeletionSpec }
  | { via: 'doc'; edit: DocEditSpec }

/** One attack and the y-websocket message carrying it: a live update, or a sync step 2. */
export interface HostileStep {
  spec: HostileSpec
  frame: 'update' | 'step2'
}

/**
 * Updates the gate lets through although they break what the property
 * checks. Left out of the property unless HOSTILE_FUZZ_KNOWN_HOLES=1 asks
 * for them, so that it keeps guarding everything else; no default test
 * depends on them.
 */
export type KnownHole =
  /**
   * An item-level takeover: a valid note under another writer's client id,
   * at its next clock. What that writer sent or sends under the same clocks
   * before it notices is dropped as already known. Out of scope on purpose:
   * a moderator link may delete any note anyway. (The same takeover by a GC
   * struct is refused: see `after-gc`.)
   */
  'foreign-client'

/** Which known hole a spec walks into, if any. */
export function knownHoleOf(spec: HostileSpec): KnownHole | null {
  if (spec.via !== 'crafted') return null
  if (spec.place.at === 'foreign-client' && spec.place.whose === 'honest') return 'foreign-client'
  return null
}

// ---------------------------------------------------------------------------
// Arbitraries.

/** The keys the server writes in `meta`. */
const metaKey = fc.constantFrom(...Object.values(BOARD_META))

/** Keys that would change an object's prototype when lib0 decodes it: no honest client writes them. */
const safeKey = fc.string({ maxLength: 12 }).filter((key) => key !== '__proto__')

const jsonValue: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.string({ maxLength: 20, unit: 'grapheme' }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(safeKey, tie('value'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value

const jsonObject = fc.dictionary(safeKey, jsonValue, { maxKeys: 4, noNullPrototype: true })

/** Depths around the record limit (32), and far beyond what a recursive encoder survives. */
const jsonDepth = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(1_000, 10_000, 100_000))

/** JSON texts for embeds and formats, which Yjs parses with JSON.parse. */
const parsedJsonSpec: fc.Arbitrary<JsonSpec> = fc.oneof(
  fc.record({ json: fc.constant('value' as const), value: jsonValue }),
  fc.record({ json: fc.constant('deep' as const), depth: jsonDepth }),
  fc.constant({ json: 'entry' as const }),
)

/** JSON texts for ContentJSON, which also reads `undefined`. */
const contentJsonSpec: fc.Arbitrary<JsonSpec> = fc.oneof(
  parsedJsonSpec,
  fc.constant({ json: 'undefined' as const }),
)

/**
 * Sizes below the record limit (256 KiB) and above it, clear of the band
 * where the record's own fields decide; two fit a 1 MiB frame.
 */
const largeChars = fc.oneof(
  fc.integer({ min: 1, max: 2_000 }),
  fc.integer({ min: 100_000, max: 255_000 }),
  fc.integer({ min: 265_000, max: 300_000 }),
)

const valueSpec: fc.Arbitrary<ValueSpec> = fc.oneof(
  // Mostly honest entries, so that whole items of them (and their placement) are tried, not only refusals.
  { arbitrary: fc.constant({ value: 'entry' as const }), weight: 12 },
  fc.constant({ value: 'wrong-id' as const }),
  fc.constant({ value: 'bad-props' as const }),
  fc.constant({ value: 'extra-key' as const }),
  fc.constant({ value: 'only-key' as const }),
  // Deep enough to break the record limit, shallow enough for lib0's recursive encoder.
  fc.record({
    value: fc.constant('deep' as const),
    depth: fc.oneof(fc.integer({ min: 20, max: 40 }), fc.integer({ min: 41, max: 3_000 })),
  }),
  fc.record({ value: fc.constant('large' as const), chars: largeChars }),
  fc.record({
    value: fc.constant('not-json' as const),
    what: fc.constantFrom('binary', 'bigint', 'undefined', 'nan', 'infinity'),
  }),
  fc.record({
    value: fc.constant('local-record' as const),
    key: fc.constantFrom('camera:x', 'instance:instance', 'pointer:pointer', 'nothing', ''),
  }),
  fc.record({ value: fc.constant('scalar' as const), scalar: jsonValue }),
)

/** Yjs's type references: 0 Array, 1 Map, 2 Text, 3 XmlElement, 4 XmlFragment, 5 XmlHook, 6 XmlText. */
const typeRef = fc.integer({ min: 0, max: 6 })

/** What a nested type holds: small, so a type with three of them still fits one frame. */
const smallContent: fc.Arbitrary<ContentSpec> = fc.oneof(
  fc.record({
    kind: fc.constant('any' as const),
    values: fc.array(
      fc.oneof(
        fc.constant({ value: 'entry' as const }),
        fc.record({ value: fc.constant('scalar' as const), scalar: jsonValue }),
      ),
      { minLength: 1, maxLength: 2 },
    ),
  }),
  fc.record({
    kind: fc.constant('json' as const),
    texts: fc.array(
      fc.oneof(
        fc.constant({ json: 'entry' as const }),
        fc.record({ json: fc.constant('value' as const), value: jsonValue }),
      ),
      { minLength: 1, maxLength: 2 },
    ),
  }),
  fc.record({ kind: fc.constant('string' as const), chars: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant('binary' as const), length: fc.nat(64) }),
  fc.record({ kind: fc.constant('embed' as const), json: fc.constant({ json: 'entry' as const }) }),
  fc.record({
    kind: fc.constant('format' as const),
    key: fc.string({ maxLength: 10 }),
    json: fc.record({ json: fc.constant('value' as const), value: jsonValue }),
  }),
  fc.record({ kind: fc.constant('doc' as const), guid: fc.string({ maxLength: 20 }) }),
  fc.record({ kind: fc.constant('deleted' as const), length: fc.integer({ min: 1, max: 5 }) }),
  fc.record({
    kind: fc.constant('type' as const),
    typeRef,
    children: fc.constant<ContentSpec[]>([]),
  }),
)

const leafContent: fc.Arbitrary<ContentSpec> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('any' as const),
      values: fc.array(valueSpec, { minLength: 1, maxLength: 2 }),
    }),
    weight: 6,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('json' as const),
      texts: fc.array(contentJsonSpec, { minLength: 1, maxLength: 3 }),
    }),
    weight: 2,
  },
  fc.record({
    kind: fc.constant('string' as const),
    chars: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 300_000 })),
  }),
  fc.record({
    kind: fc.constant('binary' as const),
    length: fc.oneof(fc.nat(64), fc.integer({ min: 1, max: 500_000 })),
  }),
  fc.record({ kind: fc.constant('embed' as const), json: parsedJsonSpec }),
  fc.record({
    kind: fc.constant('format' as const),
    key: fc.string({ maxLength: 10 }),
    json: parsedJsonSpec,
  }),
  fc.record({ kind: fc.constant('doc' as const), guid: fc.string({ maxLength: 20 }) }),
  fc.record({ kind: fc.constant('deleted' as const), length: fc.integer({ min: 1, max: 5 }) }),
)

const contentSpec: fc.Arbitrary<ContentSpec> = fc.oneof(
  { arbitrary: leafContent, weight: 5 },
  {
    arbitrary: fc.record({
      kind: fc.constant('type' as const),
      typeRef,
      children: fc.array(smallContent, { maxLength: 3 }),
    }),
    weight: 2,
  },
)

const placeSpec: fc.Arbitrary<PlaceSpec> = fc.oneof(
  { arbitrary: fc.constant({ at: 'records' as const }), weight: 3 },
  { arbitrary: fc.constant({ at: 'after-last' as const }), weight: 3 },
  fc.constant({ at: 'before-first' as const }),
  fc.constant({ at: 'after-meta' as const }),
  fc.record({
    at: fc.constant('meta-key' as const),
    key: fc.oneof(metaKey, fc.string({ maxLength: 8 })),
  }),
  fc.constant({ at: 'meta-list' as const }),
  fc.record({ at: fc.constant('records-key' as const), key: fc.string({ maxLength: 8 }) }),
  fc.record({
    at: fc.constant('root' as const),
    name: fc
      .oneof(
        fc.constantFrom('', 'Records', 'records ', '__proto__', 'constructor'),
        fc.string({ maxLength: 10 }),
      )
      .filter((name) => name !== BOARD_DOC.records),
  }),
  fc.record({ at: fc.constant('unknown-origin' as const), clock: fc.nat(1_000) }),
  fc.constant({ at: 'inside-entry' as const }),
  fc.record({ at: fc.constant('after-gc' as const), length: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ at: fc.constant('after-skip' as const), length: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ at: fc.constant('gap' as const), clock: fc.integer({ min: 1, max: 1_000 }) }),
  fc.record({
    at: fc.constant('after-own' as const),
    first: fc.constantFrom('records', 'meta-key', 'root'),
    otherClient: fc.boolean(),
  }),
  fc.constant({ at: 'right-unknown' as const }),
  {
    arbitrary: fc.record({
      at: fc.constant('continue-own' as const),
      prelude: fc.constantFrom('entries', 'collected'),
      length: fc.integer({ min: 1, max: 3 }),
      back: fc.integer({ min: 1, max: 3 }),
      named: fc.constantFrom<NamedParent>('records', 'records-key', 'meta-key', 'root'),
    }),
    weight: 2,
  },
  fc.record({
    at: fc.constant('foreign-client' as const),
    whose: fc.constantFrom('server', 'honest'),
  }),
)

const deletionSpec: fc.Arbitrary<DeletionSpec> = fc.oneof(
  fc.record({
    of: fc.constant('meta' as const),
    pick: fc.nat(),
    extend: fc.oneof(fc.constant(0), fc.nat(50)),
  }),
  { arbitrary: fc.record({ of: fc.constant('own' as const), pick: fc.nat() }), weight: 2 },
  fc.record({ of: fc.constant('own-and-meta' as const), pick: fc.nat() }),
  fc.record({ of: fc.constant('already-deleted' as const), pick: fc.nat() }),
  fc.record({
    of: fc.constant('unknown-client' as const),
    clock: fc.nat(100),
    len: fc.integer({ min: 1, max: 100 }),
  }),
  fc.record({ of: fc.constant('beyond-state' as const), len: fc.integer({ min: 1, max: 100 }) }),
  fc.constant({ of: 'server-everything' as const }),
)

/** Geometry from a moderator's drag to numbers no drag makes. */
const coordinate = fc.oneof(
  fc.integer({ min: -5_000, max: 20_000 }),
  fc.constantFrom(-1e12, 1e12, 1e300, -1e300),
)
const extent = fc.oneof(
  fc.integer({ min: 1, max: 5_000 }),
  fc.constantFrom(0.001, 1e12, 1e300, Number.MAX_VALUE),
)

const oddSpec: fc.Arbitrary<OddSpec> = fc.oneof(
  fc.constant({ odd: 'self-parent' as const }),
  fc.constant({ odd: 'parent-cycle' as const }),
  fc.constant({ odd: 'orphan' as const }),
  fc.record({
    odd: fc.constant('fake-column' as const),
    station: fc.nat(3),
    columnIndex: fc.oneof(fc.integer({ min: -2, max: 9 }), fc.constantFrom(0.5, 1e9, -0)),
    // Far right of every station, where no honest note lies.
    x: fc.integer({ min: 100_000, max: 1e7 }),
    y: coordinate,
    w: extent,
    h: extent,
  }),
  fc.record({
    odd: fc.constant('frame-override' as const),
    station: fc.nat(1),
    column: fc.nat(3),
    x: coordinate,
    y: coordinate,
    w: extent,
    h: extent,
  }),
  fc.record({
    odd: fc.constant('note-meta' as const),
    meta: fc.record(
      {
        votes: fc.oneof(
          fc.integer(),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.string(),
        ),
        clusterId: fc.oneof(fc.string({ maxLength: 8 }), fc.constant(null)),
        stationId: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()),
        tablecloth: fc.constantFrom('column', 'clusterHeading', 'station-title'),
        columnIndex: fc.integer(),
        via: fc.constantFrom('phone', 'board', 'carrier pigeon'),
      },
      { requiredKeys: [], noNullPrototype: true },
    ),
  }),
  fc.record({
    odd: fc.constant('cluster-heading' as const),
    clusterId: fc.string({ maxLength: 8 }),
    text: fc.string({ maxLength: 40 }),
  }),
  fc.constant({ odd: 'page' as const }),
  fc.record({ odd: fc.constant('document' as const), name: fc.string({ maxLength: 20 }) }),
  fc.constant({ odd: 'dangling-binding' as const }),
)

const nestedType = fc.constantFrom<NestedType>(
  'array',
  'map',
  'text',
  'xml-fragment',
  'xml-element',
  'xml-text',
)

const docEditSpec: fc.Arbitrary<DocEditSpec> = fc.oneof(
  {
    arbitrary: fc.record({
      edit: fc.constant('note' as const),
      text: fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme' }),
      meta: jsonObject,
      onPage: fc.boolean(),
      front: fc.boolean(),
    }),
    weight: 3,
  },
  fc.record({
    edit: fc.constant('big-note' as const),
    chars: fc.integer({ min: 5_000, max: 40_000 }),
  }),
  fc.record({ edit: fc.constant('many-notes' as const), count: fc.integer({ min: 2, max: 60 }) }),
  fc.record({
    edit: fc.constant('wrong-props' as const),
    prop: fc.constantFrom('x', 'opacity', 'props.color', 'props.richText', 'type'),
  }),
  fc.constant({ edit: 'wrong-id' as const }),
  fc.record({
    edit: fc.constant('deep-meta' as const),
    depth: fc.integer({ min: 33, max: 2_000 }),
  }),
  fc.record({
    edit: fc.constant('huge-text' as const),
    chars: fc.integer({ min: 262_200, max: 400_000 }),
  }),
  fc.record({
    edit: fc.constant('meta-set' as const),
    key: fc.oneof(metaKey, safeKey),
    value: jsonValue,
  }),
  fc.record({ edit: fc.constant('meta-delete' as const), key: metaKey }),
  {
    arbitrary: fc.record({
      edit: fc.constant('nested' as const),
      type: nestedType,
      filled: fc.boolean(),
    }),
    weight: 2,
  },
  fc.record({
    edit: fc.constant('foreign-root' as const),
    type: nestedType,
    name: fc
      .string({ maxLength: 8 })
      .filter((name) => name !== BOARD_DOC.records && name !== BOARD_DOC.meta),
  }),
  fc.constant({ edit: 'formatted-text' as const }),
  fc.constant({ edit: 'subdoc' as const }),
  fc.record({ edit: fc.constant('delete-own' as const), pick: fc.nat() }),
  { arbitrary: fc.record({ edit: fc.constant('odd' as const), spec: oddSpec }), weight: 3 },
)

/** One attack, of any of the three forms. */
const hostileSpec: fc.Arbitrary<HostileSpec> = fc.oneof(
  {
    arbitrary: fc.record({
      via: fc.constant('crafted' as const),
      content: contentSpec,
      place: placeSpec,
      // Mostly none: a bad deletion refuses the whole update, whatever else it holds.
      deletion: fc.oneof(
        { arbitrary: fc.constant(null), weight: 3 },
        { arbitrary: deletionSpec, weight: 1 },
      ),
    }),
    weight: 5,
  },
  {
    arbitrary: fc.record({ via: fc.constant('deletion' as const), deletion: deletionSpec }),
    weight: 1,
  },
  { arbitrary: fc.record({ via: fc.constant('doc' as const), edit: docEditSpec }), weight: 4 },
)

/** Attacks as a run sends them; with `knownHoles`, also those that break the board today. */
export function hostileSteps(options: { knownHoles: boolean }): fc.Arbitrary<HostileStep> {
  const spec = options.knownHoles
    ? hostileSpec
    : hostileSpec.filter((each) => knownHoleOf(each) === null)
  return fc.record({ spec, frame: fc.constantFrom('update', 'step2') })
}

// ---------------------------------------------------------------------------
// Building an attack from its spec.

/**
 * The updates a spec describes, in the order to send them, against the
 * board as `view` shows it. `serial` makes the client ids and record ids it
 * writes unique across a test run. Throws if an update does not decode: that
 * would be a fault of this generator.
 */
export function buildAttack(spec: HostileSpec, view: BoardView, serial: number): Attack[] {
  const parts = buildUnchecked(spec, view, serial)
  for (const part of parts) assertDecodes(part.update)
  return parts
}

function buildUnchecked(spec: HostileSpec, view: BoardView, serial: number): Attack[] {
  switch (spec.via) {
    case 'crafted':
      return craftedAttack(spec.content, spec.place, spec.deletion, view, serial)
    case 'deletion': {
      const deletion = deletionOf(spec.deletion, view)
      return [
        {
          update: craftClientsUpdate([], deletion.ranges),
          expected: deletion.expected,
          adds: [],
          names: [],
          deletes: deletion.deletes,
        },
      ]
    }
    case 'doc':
      return [docAttack(spec.edit, view, serial)]
    default: {
      const unknown: never = spec
      throw new Error(`unknown spec ${JSON.stringify(unknown)}`)
    }
  }
}

/** Combines two verdicts: refused if either part is, kept if both are. */
function both(a: Expected, b: Expected): Expected {
  if (a === 'refused' || b === 'refused') return 'refused'
  return a === 'kept' && b === 'kept' ? 'kept' : 'either'
}

// --- Crafted items.

/** A client id no honest Yjs doc on the board uses (they pick theirs at random below 2^32). */
function freshClient(view: BoardView, serial: number): number {
  let client = 0x7f00_0000 + serial * 7
  while (view.doc.store.clients.has(client)) client++
  return client
}

/** The structs of one update, per client, each client's clocks without gaps. */
class UpdateDraft {
  private readonly clients = new Map<number, CraftedItem[]>()
  private readonly clocks = new Map<number, number>()

  /** Starts a client at `clock` (0 unless it continues clocks the board has). */
  startAt(client: number, clock: number): void {
    this.clocks.set(client, clock)
  }

  /** Appends an item (or a GC or Skip) to a client; returns the id of its last clock. */
  add(client: number, item: Omit<CraftedItem, 'clock'>): CraftedId {
    const clock = this.clocks.get(client) ?? 0
    const items = this.clients.get(client) ?? []
    items.push({ ...item, clock })
    this.clients.set(client, items)
    const length = contentLength(item.content)
    this.clocks.set(client, clock + length)
    return { client, clock: clock + length - 1 }
  }

  /** The id the next item of `client` gets. */
  next(client: number): CraftedId {
    return { client, clock: this.clocks.get(client) ?? 0 }
  }

  build(deletions: readonly CraftedDeletion[] = []): Uint8Array {
    return craftClientsUpdate(
      [...this.clients].map(([client, items]) => ({ client, items })),
      deletions,
    )
  }
}

function craftedAttack(
  contentSpec: ContentSpec,
  place: PlaceSpec,
  deletionSpec: DeletionSpec | null,
  view: BoardView,
  serial: number,
): Attack[] {
  const built = buildContent(contentSpec, view, `${serial}`)
  const draft = new UpdateDraft()
  const placed = placeItem(place, view, serial, draft)
  const holder = draft.next(placed.client)
  draft.add(placed.client, { ...placed.position, content: built.content })
  // Items inside a nested type, which name the type's item as their parent.
  built.children.forEach((child, index) => {
    const inner = buildContent(child, view, `${serial}-${index}`)
    draft.add(placed.client, { parent: holder, content: inner.content })
  })
  const nested = built.children.length > 0 || contentSpec.kind === 'type'
  let expected: Expected = built.valid && placed.inRecords && !nested ? 'kept' : 'refused'
  if (placed.verdict !== null) expected = placed.verdict
  // A type the board holds already is skipped, and its children continue a client's entries.
  if (nested && placed.known > 0) expected = 'either'
  // Of a continued client, Yjs takes only the values past the board's clocks.
  let adds = placed.visible ? [...placed.writes, ...built.adds.slice(placed.known)] : []
  if (placed.known >= contentLength(built.content) && built.children.length === 0) {
    // Nothing new at all: the server ignores the update, whatever it says.
    expected = 'kept'
    adds = []
  }
  let deletes: string[] = []
  const ranges: CraftedDeletion[] = []
  if (deletionSpec !== null) {
    const deletion = deletionOf(deletionSpec, view)
    if (deletionSpec.of === 'beyond-state' && placed.client === serverClient(view.doc)) {
      // The update carries the server's next clocks itself (`foreign-client`),
      // and the range starts at the first of them, in records: the gate may
      // take it. Yjs then deletes the attack's own values in the range and
      // keeps the rest of it pending, for clocks the server (which takes a
      // new client id once another uses its own) never writes.
      expected = both(expected, 'either')
      adds = adds.slice(deletionSpec.len)
    } else {
      expected = both(expected, deletion.expected)
    }
    ranges.push(...deletion.ranges)
    deletes = deletion.deletes
  }
  const names = [...placed.writes, ...built.names]
  const main: Attack = { update: draft.build(ranges), expected, adds, names, deletes }
  return [...placed.prelude, main]
}

interface Placement {
  /** The client the attack's item belongs to. */
  client: number
  /** Neighbours or parent of the attack's item. */
  position: Pick<CraftedItem, 'origin' | 'rightOrigin' | 'parent' | 'parentSub'>
  /** Whether the gate must see it as landing in `records`. */
  inRecords: boolean
  /** Whether it would show on the board (not pending, not dropped). */
  visible: boolean
  /** Clocks of the item the board holds already (a continued client). */
  known: number
  /** Updates to send first. */
  prelude: Attack[]
  /** What the socket must see regardless of the content, or null to judge by content and place. */
  verdict: Expected | null
  /** Records the placement itself writes (a first item the attack's item follows). */
  writes: string[]
}

/** Where the item goes; may add structs ahead of it (a GC, a Skip, a first item) or send some first. */
function placeItem(
  place: PlaceSpec,
  view: BoardView,
  serial: number,
  draft: UpdateDraft,
): Placement {
  const client = freshClient(view, serial)
  const records = view.doc.getArray(BOARD_DOC.records)
  const metaItem = liveMetaItems(view.doc)[0]
  const at = (
    position: Placement['position'],
    inRecords: boolean,
    visible = inRecords,
  ): Placement => ({
    client,
    position,
    inRecords,
    visible,
    known: 0,
    prelude: [],
    verdict: null,
    writes: [],
  })
  switch (place.at) {
    case 'records':
      return at({ parent: BOARD_DOC.records }, true)
    case 'after-last': {
      const last = lastRecordsItem(view.doc)
      return at(last ? { origin: last } : { parent: BOARD_DOC.records }, true)
    }
    case 'before-first': {
      const first = records._start
      if (!first) return at({ parent: BOARD_DOC.records }, true)
      return at({ rightOrigin: { client: first.id.client, clock: first.id.clock } }, true)
    }
    case 'after-meta':
      return at(metaItem ? { origin: metaItem.id } : { parent: BOARD_DOC.meta }, false)
    case 'meta-key':
      return at({ parent: BOARD_DOC.meta, parentSub: place.key }, false)
    case 'meta-list':
      return at({ parent: BOARD_DOC.meta }, false)
    case 'records-key':
      return at({ parent: BOARD_DOC.records, parentSub: place.key }, false)
    case 'root':
      return at({ parent: place.name }, false)
    case 'unknown-origin':
      return at({ origin: { client: client + 1, clock: place.clock } }, false)
    case 'inside-entry': {
      // An item of `records` holds values, not a type: nothing can live inside it.
      const entry = lastRecordsItem(view.doc)
      return at({ parent: entry ?? BOARD_DOC.records }, entry === undefined, false)
    }
    case 'after-gc': {
      // A GC struct at clocks the board does not hold refuses the update it is in.
      const gc = draft.add(client, { content: { ref: ContentRef.GC, length: place.length } })
      return { ...at({ origin: gc }, true, false), verdict: 'refused' }
    }
    case 'after-skip':
      draft.add(client, { content: { ref: ContentRef.Skip, length: place.length } })
      return at({ parent: BOARD_DOC.records }, true, false)
    case 'gap':
      draft.startAt(client, place.clock)
      return at({ parent: BOARD_DOC.records }, true, false)
    case 'after-own': {
      // The first item: a board record, wherever `first` says.
      const owner = place.otherClient ? client + 3 : client
      const id = `${ATTACK_ID_PREFIX}${serial}-first`
      const first = draft.add(owner, {
        ...namedPosition(
          place.first === 'records' ? 'records' : place.first === 'meta-key' ? 'meta-key' : 'root',
        ),
        content: { ref: ContentRef.Any, values: [{ key: id, val: note(view, id, 'Erster') }] },
      })
      return { ...at({ origin: first }, place.first === 'records'), writes: [id] }
    }
    case 'right-unknown': {
      // A known left neighbour in records, but Yjs would wait for the right one for good.
      const last = lastRecordsItem(view.doc)
      const nobody = { client: client + 1, clock: 0 }
      const position = last
        ? { origin: last, rightOrigin: nobody }
        : { parent: BOARD_DOC.records, rightOrigin: nobody }
      return at(position, false)
    }
    case 'continue-own':
      return continueOwn(place, view, client, serial, draft)
    case 'foreign-client': {
      const owner =
        place.whose === 'server' ? serverClient(view.doc) : (view.honestClients[0] ?? client)
      draft.startAt(owner, Y.getState(view.doc.store, owner))
      const verdict = place.whose === 'honest' ? 'either' : null
      return { ...at({ parent: BOARD_DOC.records }, true), client: owner, verdict }
    }
    default: {
      const unknown: never = place
      throw new Error(`unknown place ${JSON.stringify(unknown)}`)
    }
  }
}

/** An item's own parent as the update names it: a root, or a key of one. */
function namedPosition(named: NamedParent): Placement['position'] {
  switch (named) {
    case 'records':
      return { parent: BOARD_DOC.records }
    case 'records-key':
      return { parent: BOARD_DOC.records, parentSub: 'x' }
    case 'meta-key':
      return { parent: BOARD_DOC.meta, parentSub: BOARD_META.day }
    case 'root':
      return { parent: 'elsewhere' }
  }
}

/**
 * A client's first clocks go to the board in a prelude (entries of records,
 * or a collected range); the attack then starts `back` clocks before their
 * end, so the board holds the head of its item and Yjs integrates the tail.
 * The gate refuses a collected prelude (a GC struct at new clocks), so then
 * the board holds no head, and the attack is a new client's item, waiting
 * for clocks that never come unless it starts at 0.
 */
function continueOwn(
  place: Extract<PlaceSpec, { at: 'continue-own' }>,
  view: BoardView,
  client: number,
  serial: number,
  draft: UpdateDraft,
): Placement {
  const first = new UpdateDraft()
  const ids = Array.from(
    { length: place.length },
    (_, index) => `${ATTACK_ID_PREFIX}${serial}-pre-${index}`,
  )
  first.add(client, {
    parent: BOARD_DOC.records,
    content:
      place.prelude === 'entries'
        ? {
            ref: ContentRef.Any,
            values: ids.map((id) => ({ key: id, val: note(view, id, 'Vorspann') })),
          }
        : { ref: ContentRef.GC, length: place.length },
  })
  const collected = place.prelude === 'collected'
  const prelude: Attack = {
    update: first.build(),
    expected: collected ? 'refused' : 'kept',
    adds: place.prelude === 'entries' ? ids : [],
    names: place.prelude === 'entries' ? ids : [],
    deletes: [],
  }
  const back = Math.min(place.back, place.length)
  const start = place.length - back
  draft.startAt(client, start)
  if (collected) {
    // Refused, the head never reaches the board: the item is judged by the
    // parent it names, and shows only if nothing comes before it.
    const inRecords = place.named === 'records'
    return {
      client,
      position: namedPosition(place.named),
      inRecords,
      visible: inRecords && start === 0,
      known: 0,
      prelude: [prelude],
      verdict: null,
      writes: [],
    }
  }
  // Yjs puts the tail after the client's last known clock but keeps the
  // parent the item names: both must be records.
  const sound = place.named === 'records'
  return {
    client,
    position: namedPosition(place.named),
    inRecords: sound,
    visible: sound,
    known: back,
    prelude: [prelude],
    verdict: null,
    writes: [],
  }
}

interface BuiltContent {
  content: CraftedContent
  /** Whether the gate must take it as content (it may still land in the wrong place). */
  valid: boolean
  /** Ids of the records it holds under their own key, and every id it names. */
  adds: string[]
  names: string[]
  /** Items nested inside it, when it is a type. */
  children: ContentSpec[]
}

function buildContent(spec: ContentSpec, view: BoardView, tag: string): BuiltContent {
  const none = { adds: [], names: [], children: [] }
  const refused = (content: CraftedContent): BuiltContent => ({ content, valid: false, ...none })
  switch (spec.kind) {
    case 'any': {
      const values = spec.values.map((value, index) => anyValue(value, view, `${tag}-${index}`))
      return {
        content: { ref: ContentRef.Any, values: values.map((value) => value.value) },
        valid: values.every((value) => value.valid),
        adds: values.flatMap((value) => value.adds),
        names: values.flatMap((value) => value.names),
        children: [],
      }
    }
    case 'json':
      return refused({
        ref: ContentRef.Json,
        texts: spec.texts.map((text) => jsonText(text, view, tag)),
      })
    case 'string':
      return refused({ ref: ContentRef.String, text: filler(spec.chars) })
    case 'binary':
      return refused({ ref: ContentRef.Binary, bytes: new Uint8Array(spec.length).fill(0xa5) })
    case 'embed':
      return refused({ ref: ContentRef.Embed, value: null, json: jsonText(spec.json, view, tag) })
    case 'format':
      return refused({
        ref: ContentRef.Format,
        key: spec.key,
        value: null,
        json: jsonText(spec.json, view, tag),
      })
    case 'type':
      return {
        content: { ref: ContentRef.Type, typeRef: spec.typeRef, name: 'p' },
        valid: false,
        adds: [],
        names: [],
        children: spec.children,
      }
    case 'doc':
      return refused({ ref: ContentRef.Doc, guid: spec.guid })
    case 'deleted':
      return { content: { ref: ContentRef.Deleted, length: spec.length }, valid: true, ...none }
    default: {
      const unknown: never = spec
      throw new Error(`unknown content ${JSON.stringify(unknown)}`)
    }
  }
}

function jsonText(spec: JsonSpec, view: BoardView, tag: string): string {
  switch (spec.json) {
    case 'value':
      return JSON.stringify(spec.value)
    case 'deep':
      return deepJsonText(spec.depth)
    case 'entry': {
      const id = `${ATTACK_ID_PREFIX}${tag}-json`
      return JSON.stringify({ key: id, val: note(view, id, 'JSON') })
    }
    case 'undefined':
      return 'undefined'
  }
}

interface BuiltValue {
  value: unknown
  valid: boolean
  adds: string[]
  names: string[]
}

function anyValue(spec: ValueSpec, view: BoardView, tag: string): BuiltValue {
  const id = `${ATTACK_ID_PREFIX}${tag}`
  const record = note(view, id, `Angriff ${tag}`)
  const refused = (value: unknown, names: string[] = [id]): BuiltValue => ({
    value,
    valid: false,
    adds: [],
    names,
  })
  const kept = (value: unknown, key: string): BuiltValue => ({
    value,
    valid: true,
    adds: [key],
    names: [key],
  })
  switch (spec.value) {
    case 'entry':
      return kept({ key: id, val: record }, id)
    case 'wrong-id': {
      const other = `${id}-other`
      return refused({ key: id, val: { ...record, id: other } }, [id, other])
    }
    case 'bad-props':
      return refused({ key: id, val: { ...record, props: { ...record.props, w: 'breit' } } })
    case 'extra-key':
      return refused({ key: id, val: record, extra: true })
    case 'only-key':
      return refused({ key: id })
    case 'deep': {
      // `meta` is one level below the record, so `depth` levels of it reach RECORD_LIMITS.maxDepth at 32.
      const value = { key: id, val: { ...record, meta: nested(spec.depth) } }
      return spec.depth <= RECORD_LIMITS.maxDepth ? kept(value, id) : refused(value)
    }
    case 'large': {
      // The limit counts the record's JSON size; a note takes well under 2,000 characters besides the filler.
      const value = { key: id, val: { ...record, meta: { filler: filler(spec.chars) } } }
      return spec.chars < RECORD_LIMITS.maxBytes - 2_000 ? kept(value, id) : refused(value)
    }
    case 'not-json':
      return refused({ key: id, val: { ...record, meta: { bad: notJson(spec.what) } } })
    case 'local-record':
      return refused({ key: spec.key, val: { ...record, id: spec.key } }, [])
    case 'scalar':
      return refused(spec.scalar, [])
  }
}

function notJson(what: 'binary' | 'bigint' | 'undefined' | 'nan' | 'infinity'): unknown {
  switch (what) {
    case 'binary':
      return new Uint8Array([1, 2, 3])
    case 'bigint':
      return 12345678901234567890n
    case 'undefined':
      return undefined
    case 'nan':
      return Number.NaN
    case 'infinity':
      return Number.POSITIVE_INFINITY
  }
}

// --- Deletions.

interface BuiltDeletion {
  ranges: CraftedDeletion[]
  expected: Expected
  deletes: string[]
}

function deletionOf(spec: DeletionSpec, view: BoardView): BuiltDeletion {
  const doc = view.doc
  switch (spec.of) {
    case 'meta': {
      const items = liveMetaItems(doc)
      const item = items[spec.pick % items.length]!
      return {
        ranges: [{ ...item.id, len: item.length + spec.extend }],
        expected: 'refused',
        deletes: [],
      }
    }
    case 'own': {
      const own = attackItems(doc)
      if (own.length === 0) return { ranges: [], expected: 'kept', deletes: [] }
      const { item, keys } = own[spec.pick % own.length]!
      return { ranges: [{ ...item.id, len: item.length }], expected: 'kept', deletes: keys }
    }
    case 'own-and-meta': {
      const own = attackItems(doc)
      const meta = liveMetaItems(doc)[0]!
      const ranges = [{ ...meta.id, len: 1 }]
      const picked = own[spec.pick % Math.max(own.length, 1)]
      if (picked) ranges.push({ ...picked.item.id, len: picked.item.length })
      return { ranges, expected: 'refused', deletes: [] }
    }
    case 'already-deleted': {
      const gone = deletedStructs(doc)
      if (gone.length === 0) return { ranges: [], expected: 'kept', deletes: [] }
      const struct = gone[spec.pick % gone.length]!
      return { ranges: [{ ...struct.id, len: struct.length }], expected: 'kept', deletes: [] }
    }
    case 'unknown-client': {
      let client = 0x6f00_0000
      while (doc.store.clients.has(client)) client++
      return {
        ranges: [{ client, clock: spec.clock, len: spec.len }],
        expected: 'refused',
        deletes: [],
      }
    }
    case 'beyond-state': {
      const client = serverClient(doc)
      const clock = Y.getState(doc.store, client)
      return { ranges: [{ client, clock, len: spec.len }], expected: 'refused', deletes: [] }
    }
    case 'server-everything': {
      const client = serverClient(doc)
      return {
        ranges: [{ client, clock: 0, len: Y.getState(doc.store, client) }],
        expected: 'refused',
        deletes: [],
      }
    }
  }
}

/** The items of the server-owned `meta` map that hold its current values. */
function liveMetaItems(doc: Y.Doc): Y.Item[] {
  return [...doc.getMap(BOARD_DOC.meta)._map.values()].filter((item) => !item.deleted)
}

/** The client that wrote `meta`: the server. */
function serverClient(doc: Y.Doc): number {
  return liveMetaItems(doc)[0]!.id.client
}

/** Live items of `records` holding only attack records, with their keys. */
function attackItems(doc: Y.Doc): Array<{ item: Y.Item; keys: string[] }> {
  const found: Array<{ item: Y.Item; keys: string[] }> = []
  for (let item = doc.getArray(BOARD_DOC.records)._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentAny)) continue
    const keys = item.content.arr.map((entry) => (entry as { key?: unknown } | null)?.key)
    if (
      keys.every(
        (key): key is string => typeof key === 'string' && key.startsWith(ATTACK_ID_PREFIX),
      )
    ) {
      found.push({ item, keys })
    }
  }
  return found
}

/** Structs the board holds deleted (or collected). */
function deletedStructs(doc: Y.Doc): Array<Y.Item | Y.GC> {
  const gone: Array<Y.Item | Y.GC> = []
  for (const structs of doc.store.clients.values()) {
    for (const struct of structs) if (struct.deleted) gone.push(struct)
  }
  return gone
}

// --- Edits by a real Y.Doc.

function docAttack(spec: DocEditSpec, view: BoardView, serial: number): Attack {
  const id = `${ATTACK_ID_PREFIX}${serial}`
  const result: Attack = {
    update: new Uint8Array(),
    expected: 'refused',
    adds: [],
    names: [id],
    deletes: [],
  }
  result.update = editedCopy(view.doc, (doc) => {
    const records = doc.getArray<unknown>(BOARD_DOC.records)
    const keyValue = () => new YKeyValue<unknown>(records as Y.Array<{ key: string; val: unknown }>)
    switch (spec.edit) {
      case 'note': {
        const record = noteRecord({
          id,
          parentId: spec.onPage ? 'page:page' : columnOf(view),
          x: 40,
          y: 300,
          text: spec.text,
          meta: spec.meta,
        })
        if (spec.front) records.insert(0, [{ key: id, val: record }])
        else keyValue().set(id, record)
        keep(result, [id])
        return
      }
      case 'big-note':
        keyValue().set(id, note(view, id, filler(spec.chars)))
        keep(result, [id])
        return
      case 'many-notes': {
        const ids = Array.from({ length: spec.count }, (_, index) => `${id}-${index}`)
        records.push(
          ids.map((each, index) => ({ key: each, val: note(view, each, `Viele ${index}`) })),
        )
        keep(result, ids)
        return
      }
      case 'wrong-props':
        keyValue().set(id, withWrongProp(note(view, id, 'falsch'), spec.prop))
        return
      case 'wrong-id':
        keyValue().set(id, note(view, `${id}-other`, 'andere Id'))
        result.names.push(`${id}-other`)
        return
      case 'deep-meta':
        keyValue().set(id, { ...note(view, id, 'tief'), meta: nested(spec.depth) })
        return
      case 'huge-text':
        keyValue().set(id, note(view, id, filler(spec.chars)))
        return
      case 'meta-set':
        doc.getMap(BOARD_DOC.meta).set(spec.key, spec.value)
        return
      case 'meta-delete':
        doc.getMap(BOARD_DOC.meta).delete(spec.key)
        return
      case 'nested': {
        const type = newType(spec.type)
        records.push([type])
        if (spec.filled) fillType(type, view, id)
        return
      }
      case 'foreign-root':
        fillRoot(doc, spec.type, spec.name, view, id)
        return
      case 'formatted-text': {
        const text = doc.getText('notes')
        text.insert(0, 'fett', { bold: true })
        text.insertEmbed(4, { image: 'x.png' })
        text.format(0, 2, { italic: deepJsonValue(50) })
        return
      }
      case 'subdoc':
        records.push([new Y.Doc({ guid: `sub-${serial}` })])
        return
      case 'delete-own': {
        const own = attackKeys(view.doc)
        if (own.length === 0) {
          result.expected = 'kept'
          return
        }
        const key = own[spec.pick % own.length]!
        keyValue().delete(key)
        result.expected = 'kept'
        result.deletes = [key]
        return
      }
      case 'odd': {
        const records = oddRecords(spec.spec, view, id)
        const map = keyValue()
        for (const record of records) map.set(record.id, record)
        result.expected = 'either'
        result.adds = records.map((record) => record.id)
        result.names = [...result.adds]
        return
      }
      default: {
        const unknown: never = spec
        throw new Error(`unknown edit ${JSON.stringify(unknown)}`)
      }
    }
  })
  return result
}

function keep(attack: Attack, ids: string[]): void {
  attack.expected = 'kept'
  attack.adds = ids
  attack.names = ids
}

/**
 * The update a real client sends for `edit`: a fresh doc that synced the
 * board makes the change, and sends what the board lacks (its whole delete
 * set included, as every Yjs client does).
 */
function editedCopy(board: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(board))
    const before = Y.encodeStateVector(doc)
    doc.transact(() => edit(doc))
    return Y.encodeStateAsUpdate(doc, before)
  } finally {
    doc.destroy()
  }
}

function newType(type: NestedType): Y.AbstractType<any> {
  switch (type) {
    case 'array':
      return new Y.Array()
    case 'map':
      return new Y.Map()
    case 'text':
      return new Y.Text()
    case 'xml-fragment':
      return new Y.XmlFragment()
    case 'xml-element':
      return new Y.XmlElement('p')
    case 'xml-text':
      return new Y.XmlText()
  }
}

/** Puts a board record (and some text) inside a type that is already in the doc. */
function fillType(type: Y.AbstractType<any>, view: BoardView, id: string): void {
  const entry = { key: id, val: note(view, id, 'verschachtelt') }
  if (type instanceof Y.Array) type.push([entry, new Y.Map()])
  else if (type instanceof Y.Map) {
    type.set('key', id)
    type.set('val', entry.val)
  } else if (type instanceof Y.XmlText || type instanceof Y.Text)
    type.insert(0, JSON.stringify(entry))
  else if (type instanceof Y.XmlElement) {
    type.setAttribute('data', id)
    type.insert(0, [new Y.XmlText('innen')])
  } else if (type instanceof Y.XmlFragment) type.insert(0, [new Y.XmlElement('div')])
}

function fillRoot(doc: Y.Doc, type: NestedType, name: string, view: BoardView, id: string): void {
  const entry = { key: id, val: note(view, id, 'fremd') }
  switch (type) {
    case 'array':
      doc.getArray(name).push([entry])
      return
    case 'map':
      doc.getMap(name).set(id, entry)
      return
    case 'text':
      doc.getText(name).insert(0, 'fremder Text')
      return
    case 'xml-fragment':
    case 'xml-element':
      doc.getXmlFragment(name).insert(0, [new Y.XmlElement('div')])
      return
    case 'xml-text':
      doc.getXmlFragment(name).insert(0, [new Y.XmlText('text')])
      return
  }
}

function attackKeys(doc: Y.Doc): string[] {
  return doc
    .getArray<unknown>(BOARD_DOC.records)
    .toArray()
    .flatMap((entry) => {
      const key = (entry as { key?: unknown } | null)?.key
      return typeof key === 'string' && key.startsWith(ATTACK_ID_PREFIX) ? [key] : []
    })
}

/** The note with one field tldraw's schema refuses. */
function withWrongProp(
  shape: Shape,
  prop: Extract<DocEditSpec, { edit: 'wrong-props' }>['prop'],
): unknown {
  switch (prop) {
    case 'x':
      return { ...shape, x: 'links' }
    case 'opacity':
      return { ...shape, opacity: 7 }
    case 'props.color':
      return { ...shape, props: { ...shape.props, color: 'plaid' } }
    case 'props.richText':
      return { ...shape, props: { ...shape.props, richText: { type: 'doc', content: 'nope' } } }
    case 'type':
      return { ...shape, type: 'virus' }
  }
}

// --- Records tldraw accepts but no board page writes.

function oddRecords(spec: OddSpec, view: BoardView, id: string): TLRecord[] {
  switch (spec.odd) {
    case 'self-parent':
      return [record({ ...note(view, id, 'selbst'), parentId: id })]
    case 'parent-cycle':
      return [
        record({ ...note(view, `${id}-a`, 'A'), parentId: `${id}-b` }),
        record({ ...note(view, `${id}-b`, 'B'), parentId: `${id}-a` }),
      ]
    case 'orphan':
      return [record({ ...note(view, id, 'verwaist'), parentId: 'shape:nowhere' })]
    case 'fake-column': {
      const stationId = view.stationIds[spec.station % view.stationIds.length]!
      const meta = {
        tablecloth: 'column',
        stationId,
        stationIndex: spec.station,
        columnIndex: spec.columnIndex,
      }
      return [frame(view, id, spec, meta)]
    }
    case 'frame-override': {
      const stationId = view.stationIds[spec.station % view.stationIds.length]!
      const target = stationFrameId(stationId, spec.column)
      const existing = recordOf(view.doc, target) as
        | (TLRecord & { meta: Record<string, unknown> })
        | undefined
      const meta = existing?.meta ?? {
        tablecloth: 'column',
        stationId,
        stationIndex: spec.station,
        columnIndex: spec.column,
      }
      // A later station's frame goes far right, where it holds no honest note before the station starts.
      const x = spec.station === 0 ? spec.x : 100_000 + Math.abs(spec.x)
      return [frame(view, target, { ...spec, x }, meta)]
    }
    case 'note-meta':
      return [record({ ...note(view, id, 'Meta'), meta: spec.meta })]
    case 'cluster-heading': {
      const heading = recordOf(view.doc, stationHeaderOf(view))
      if (!heading) return []
      return [
        record({
          ...heading,
          id,
          isLocked: false,
          meta: { tablecloth: 'clusterHeading', clusterId: spec.clusterId },
          props: { ...(heading as Shape).props, richText: richText(spec.text) },
        }),
      ]
    }
    case 'page':
      return [
        record({
          id: 'page:attack',
          typeName: 'page',
          name: 'Zweite Seite',
          index: 'a2',
          meta: {},
        }),
      ]
    case 'document':
      return [
        record({
          id: 'document:document',
          typeName: 'document',
          gridSize: 10,
          name: spec.name,
          meta: {},
        }),
      ]
    case 'dangling-binding':
      return [
        record({
          id: `binding:attack-${id.slice(ATTACK_ID_PREFIX.length)}`,
          typeName: 'binding',
          type: 'arrow',
          fromId: 'shape:nowhere',
          toId: 'shape:nothing',
          meta: {},
          props: {
            terminal: 'end',
            normalizedAnchor: { x: 0.5, y: 0.5 },
            isExact: false,
            isPrecise: false,
            snap: 'none',
          },
        }),
      ]
  }
}

function frame(
  view: BoardView,
  id: string,
  geometry: { x: number; y: number; w: number; h: number },
  meta: Record<string, unknown>,
): TLRecord {
  const template = recordOf(view.doc, columnOf(view)) as Shape
  return record({
    ...template,
    id,
    x: geometry.x,
    y: geometry.y,
    meta,
    props: { ...template.props, w: geometry.w, h: geometry.h },
  })
}

function recordOf(doc: Y.Doc, id: string): TLRecord | undefined {
  let found: TLRecord | undefined
  for (const entry of doc.getArray<unknown>(BOARD_DOC.records).toArray()) {
    const { key, val } = (entry ?? {}) as { key?: unknown; val?: TLRecord }
    if (key === id) found = val
  }
  return found
}

/** The first question of the first station: where honest notes and attack notes go. */
export function columnOf(view: BoardView): string {
  return stationFrameId(view.stationIds[0]!, 0)
}

function stationHeaderOf(view: BoardView): string {
  return stationHeaderId(view.stationIds[0]!)
}

type Shape = TLRecord & { props: Record<string, unknown> }

/** A note in the first question of the first station, where honest notes go. */
function note(view: BoardView, id: string, text: string): Shape {
  return noteRecord({ id, parentId: columnOf(view), x: 40, y: 300, text }) as Shape
}

/** Record JSON that tldraw's types do not describe (its schema judges it at run time). */
function record(json: object): TLRecord {
  return json as unknown as TLRecord
}

function richText(text: string): unknown {
  return (noteRecord({ id: 'shape:x', parentId: 'page:page', x: 0, y: 0, text }) as Shape).props
    .richText
}

/** `{ a: { a: … } }`, `depth` objects deep. */
function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = {}
  for (let level = 1; level < depth; level++) value = { a: value }
  return value
}

function deepJsonValue(depth: number): unknown {
  let value: unknown = []
  for (let level = 1; level < depth; level++) value = [value]
  return value
}

/** Text of `chars` UTF-16 units, with umlauts and an emoji in it, as notes carry. */
function filler(chars: number): string {
  const unit = 'Kita-Plätze „fehlen“ 🚸 '
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars)
}
