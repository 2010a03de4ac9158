import * as Y from 'yjs'
import type { DecodedUpdate } from './messageCodec'

type StructStore = Y.Doc['store']

/**
 * Whether applying an update would change `doc`: it carries structs the doc
 * does not have yet, or deletes something the doc still holds alive.
 *
 * This is `Y.diffUpdate` against the doc's state vector plus a delete-set
 * check, done on the already decoded update so nothing is parsed twice. A
 * sync step 2 always repeats the sender's whole delete set, so a read-only
 * client answering the server's step 1 sends deletions the doc already has;
 * those count as nothing new.
 */
export function changesDoc(doc: Y.Doc, update: DecodedUpdate): boolean {
  const store = doc.store
  for (const struct of update.structs) {
    if (struct instanceof Y.Skip) continue
    if (struct.id.clock + struct.length > Y.getState(store, struct.id.client)) return true
  }
  for (const [client, deletions] of update.ds.clients) {
    for (const deletion of deletions) {
      if (deletion.len > 0 && !isDeleted(store, client, deletion.clock, deletion.len)) return true
    }
  }
  return false
}

/** Whether every item of `client` in [clock, clock + len) exists in the doc and is deleted. */
function isDeleted(store: StructStore, client: number, clock: number, len: number): boolean {
  const structs = store.clients.get(client)
  const end = clock + len
  // Deleting items the doc has never seen is news: Yjs would keep it pending.
  if (structs === undefined || end > Y.getState(store, client)) return false
  // A client's structs cover its clocks from 0 without gaps, so this walk
  // visits exactly the structs overlapping the range.
  let index = Y.findIndexSS(structs, clock)
  let at = clock
  while (at < end) {
    const struct = structs[index++]
    if (struct === undefined || !struct.deleted) return false
    at = struct.id.clock + struct.length
  }
  return true
}
