import * as Y from 'yjs'
import {
  createTLStore,
  defaultAssetUtils,
  defaultBindingUtils,
  defaultShapeUtils,
  type TLRecord,
} from 'tldraw'
import { DOCUMENT_RECORD_TYPES } from '@tablecloth/shared'
import { bindStoreToDoc } from '../src/board/yStoreBinding'

/**
 * A stored board as a device opens it, for integration tests of other
 * packages (the server's fuzz tests): the state goes into a fresh Y.Doc, and
 * a tldraw store with the board page's shapes, bindings and assets is bound
 * to it by the client's own `bindStoreToDoc`. Needs no DOM.
 */
export interface OpenedBoard {
  /** 'bound', or why the binding refused the doc. */
  status: 'bound' | 'incompatible'
  reason: string | null
  /** The store's document records (shapes, pages, bindings, assets, the document). */
  records: TLRecord[]
  /** What the binding reported as skipped (its console.error calls), in order. */
  reported: string[]
}

export function openInClient(state: Uint8Array, options: { readOnly?: boolean } = {}): OpenedBoard {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const store = createTLStore({
    shapeUtils: defaultShapeUtils,
    bindingUtils: defaultBindingUtils,
    assetUtils: defaultAssetUtils,
  })
  // The binding reports each entry it skips on the console; the test wants them, not the noise.
  const reported: string[] = []
  const consoleError = console.error
  console.error = (...args: unknown[]) => {
    reported.push(args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' '))
  }
  try {
    const result = bindStoreToDoc(store, doc, { readOnly: options.readOnly ?? false })
    if (result.status !== 'bound') {
      return { status: result.status, reason: result.reason, records: [], reported }
    }
    const records = store
      .allRecords()
      .filter((record) => (DOCUMENT_RECORD_TYPES as readonly string[]).includes(record.typeName))
    result.binding.dispose()
    return { status: 'bound', reason: null, records, reported }
  } finally {
    console.error = consoleError
    doc.destroy()
  }
}
