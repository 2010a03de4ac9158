import { describe, expect, it } from 'vitest'
import type { HiddenNote, ResultNote } from '@tablecloth/shared'
import { oneStationResults } from '@tablecloth/shared/testing'
import { buildReview, columnKey, mergeInOrder, reviewOrder } from './reviewModel'

const note = (id: string, text = id, extra: Partial<ResultNote> = {}): ResultNote => ({
  id,
  text,
  votes: 0,
  ...extra,
})

const results = (columns: ResultNote[][], unsorted: ResultNote[] = []) =>
  oneStationResults(columns, unsorted)

const hidden = (noteId: string, columnIndex: number | null, text = noteId): HiddenNote => ({
  noteId,
  tableId: 't1',
  hiddenAt: '2019-07-02T09:30:00.000Z',
  text,
  stationId: 's1',
  columnIndex,
})

const ids = (tables: ReturnType<typeof buildReview>, column = 0) =>
  tables[0]!.stations[0]!.columns[column]!.notes.map(
    (entry) => `${entry.id}${entry.hidden ? ' (hidden)' : ''}`,
  )

describe('buildReview', () => {
  it('lists the notes of the results per table, station and column, unsorted last when there are any', () => {
    const tables = buildReview(results([[note('a', 'A', { votes: 2, group: 'Rot' })], []]), [])
    expect(tables).toHaveLength(1)
    expect(tables[0]).toMatchObject({ id: 't1', title: 'Sprache' })
    const columns = tables[0]!.stations[0]!.columns
    expect(columns.map((column) => column.title)).toEqual(['Was läuft gut?', 'Wo hakt es?'])
    expect(columns[0]!.notes[0]).toEqual({
      id: 'a',
      tableId: 't1',
      text: 'A',
      votes: 2,
      group: 'Rot',
      hidden: false,
    })

    const withUnsorted = buildReview(results([[], []], [note('u')]), [])
    expect(withUnsorted[0]!.stations[0]!.columns.map((column) => column.title)).toEqual([
      'Was läuft gut?',
      'Wo hakt es?',
      null,
    ])
  })

  it('puts a hidden note back into its column, marked, at the end when it was never shown', () => {
    const tables = buildReview(results([[note('a'), note('b')], []]), [
      hidden('x', 0, 'Hans Müller'),
    ])
    expect(ids(tables)).toEqual(['a', 'b', 'x (hidden)'])
    expect(tables[0]!.stations[0]!.columns[0]!.notes[2]!.text).toBe('Hans Müller')
  })

  it('keeps a note hidden during the session where it stood', () => {
    const before = buildReview(results([[note('a'), note('x'), note('b')], []]), [])
    const after = buildReview(
      results([[note('a'), note('b')], []]),
      [hidden('x', 0)],
      reviewOrder(before),
    )
    expect(ids(after)).toEqual(['a', 'x (hidden)', 'b'])
    // And again on the next reload, from the order the hidden list produced.
    const again = buildReview(
      results([[note('a'), note('b')], []]),
      [hidden('x', 0)],
      reviewOrder(after),
    )
    expect(ids(again)).toEqual(['a', 'x (hidden)', 'b'])
  })

  it('marks a note the results still list while it is hidden, without listing it twice', () => {
    const tables = buildReview(results([[note('a'), note('x')], []]), [hidden('x', 0)])
    expect(ids(tables)).toEqual(['a', 'x (hidden)'])
  })

  it('lists hidden unsorted notes and notes of a column the station no longer has as unsorted', () => {
    const tables = buildReview(results([[], []]), [hidden('u', null), hidden('gone-column', 5)])
    const columns = tables[0]!.stations[0]!.columns
    expect(columns[2]!.key).toBe(columnKey('t1', 's1', null))
    expect(columns[2]!.notes.map((entry) => entry.id)).toEqual(['u', 'gone-column'])
  })

  it('leaves out hidden notes no board holds any more and those of other tables or stations', () => {
    const gone: HiddenNote = { noteId: 'g', tableId: 't1', hiddenAt: '2019-07-02T09:30:00.000Z' }
    const elsewhere = { ...hidden('e', 0), tableId: 't2' }
    const later = { ...hidden('l', 0), stationId: 's2' }
    const tables = buildReview(results([[note('a')], []]), [gone, elsewhere, later])
    expect(ids(tables)).toEqual(['a'])
  })
})

describe('mergeInOrder', () => {
  const n = (id: string) => ({ id })
  const order = (list: Array<{ id: string }>) => list.map((entry) => entry.id)

  it('inserts after the nearest note that stood before, at the start when none did', () => {
    expect(order(mergeInOrder([n('b'), n('d')], [n('a'), n('c')], ['a', 'b', 'c', 'd']))).toEqual([
      'a',
      'b',
      'c',
      'd',
    ])
  })

  it('skips notes that are gone when looking for the neighbour', () => {
    expect(order(mergeInOrder([n('a'), n('d')], [n('c')], ['a', 'b', 'c', 'd']))).toEqual([
      'a',
      'c',
      'd',
    ])
  })

  it('appends notes the previous order does not know', () => {
    expect(order(mergeInOrder([n('a')], [n('z'), n('y')], ['a']))).toEqual(['a', 'z', 'y'])
  })
})
