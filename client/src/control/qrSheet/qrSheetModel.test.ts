import { describe, expect, it } from 'vitest'
import type { TableLinks } from '@tablecloth/shared'
import { groupCardPages, qrSheetPages } from './qrSheetModel'

const linksOf = (id: string): TableLinks => ({
  id,
  title: id,
  board: `https://cafe.example/e/ev/t/${id}#token=m-${id}`,
  projector: `https://cafe.example/e/ev/t/${id}/projector#token=v-${id}&join=p-${id}`,
  participant: `https://cafe.example/p/ev/${id}#token=p-${id}`,
  tokens: { moderator: `m-${id}`, participant: `p-${id}`, viewer: `v-${id}` },
})

describe('qrSheetPages', () => {
  const config = {
    tables: [
      { id: 't1', topic: 'Sprache', moderator: 'Cora' },
      { id: 't2', topic: 'Arbeit', moderator: '' },
      { id: 't3', topic: 'Gesundheit', moderator: 'Ümit' },
    ],
  }

  it('gives every table one page, numbered in the event’s order, with board, projector and phone', () => {
    // Links come back in any order; the pages follow the config.
    const pages = qrSheetPages(config, { tables: [linksOf('t3'), linksOf('t1'), linksOf('t2')] })
    expect(pages.map((page) => [page.number, page.topic, page.moderator])).toEqual([
      [1, 'Sprache', 'Cora'],
      [2, 'Arbeit', ''],
      [3, 'Gesundheit', 'Ümit'],
    ])
    expect(pages[2]!.codes).toEqual([
      { kind: 'board', link: 'https://cafe.example/e/ev/t/t3#token=m-t3' },
      { kind: 'projector', link: 'https://cafe.example/e/ev/t/t3/projector#token=v-t3&join=p-t3' },
      { kind: 'phone', link: 'https://cafe.example/p/ev/t3#token=p-t3' },
    ])
  })

  it('leaves out a table without links and keeps the others’ numbers', () => {
    const pages = qrSheetPages(config, { tables: [linksOf('t1'), linksOf('t3')] })
    expect(pages.map((page) => [page.tableId, page.number])).toEqual([
      ['t1', 1],
      ['t3', 3],
    ])
  })
})

describe('groupCardPages', () => {
  const groups = ['Gelb', 'Blau', 'Grün', 'Rot', 'Lila'].map((name, index) => ({
    id: `g${index + 1}`,
    name,
    colour: 'yellow',
  }))
  const linkOf = (id: string) => ({
    id,
    name: id,
    participant: `https://cafe.example/p/ev/g/${id}#token=p-${id}`,
    tokens: { participant: `p-${id}` },
  })

  it("gives every group a card with its phone link, four to a page, in the event's order", () => {
    const pages = groupCardPages({ groups }, { groups: groups.map((g) => linkOf(g.id)).reverse() })
    expect(pages.map((page) => page.map((card) => card.name))).toEqual([
      ['Gelb', 'Blau', 'Grün', 'Rot'],
      ['Lila'],
    ])
    expect(pages[0]![1]).toEqual({
      groupId: 'g2',
      name: 'Blau',
      colour: 'yellow',
      link: 'https://cafe.example/p/ev/g/g2#token=p-g2',
    })
  })

  it('prints no card for a group without a link, and no page without groups', () => {
    expect(groupCardPages({ groups }, { groups: [linkOf('g3')] })).toEqual([
      [expect.objectContaining({ groupId: 'g3', name: 'Grün' })],
    ])
    expect(groupCardPages({ groups: [] }, { groups: [] })).toEqual([])
  })
})
