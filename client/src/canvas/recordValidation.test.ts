import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { createShapeId, createTLStore, defaultBindingUtils, defaultShapeUtils } from 'tldraw'
import { noteRecordJson } from '@tablecloth/shared'
import { isRecordLike } from '@tablecloth/shared'
import { acceptedRecords } from './recordValidation'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('acceptedRecords', () => {
  it('keeps the records the schema accepts and counts the rest, without their text', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const store = createTLStore({
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
    })
    const note = (text: string) =>
      noteRecordJson({ id: createShapeId(), parentId: 'page:page', x: 0, y: 0, index: 'a1', text })
    const good = note('Bleibt')
    const broken = { ...note('Vertraulich'), props: { richText: 42 } }

    const accepted = acceptedRecords(store, [
      good,
      null,
      'shape:x',
      7,
      [good],
      { id: 'shape:y' },
      new Y.Map(),
      broken,
    ])

    expect(accepted).toEqual([good])
    expect(warn).toHaveBeenCalledOnce()
    expect(warn.mock.calls.flat().join(' ')).toContain('7')
    expect(warn.mock.calls.flat().join(' ')).not.toContain('Vertraulich')
  })

  it('says nothing when every record is fine', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const store = createTLStore({
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
    })
    expect(acceptedRecords(store, [])).toEqual([])
    expect(warn).not.toHaveBeenCalled()
    expect(isRecordLike({ id: 'page:page', typeName: 'page' })).toBe(true)
  })
})
