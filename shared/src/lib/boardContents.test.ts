import { describe, expect, it } from 'vitest'
import { readBoardContents } from './boardContents'
import { classifyNotes } from './noteClassification'
import { plainToRichText } from './richText'

const frame = (id: string, x: number, columnIndex: number) => ({
  id,
  typeName: 'shape',
  type: 'frame',
  x,
  y: 100,
  parentId: 'page:page',
  meta: { tablecloth: 'column', stationId: 's1', stationIndex: 0, columnIndex },
  props: { w: 500, h: 800, name: `Frage ${columnIndex}` },
})

const note = (id: string, parentId: string, x: number, y: number, text: string, meta = {}) => ({
  id,
  typeName: 'shape',
  type: 'note',
  x,
  y,
  parentId,
  meta,
  props: { richText: plainToRichText(text), scale: 1, growY: 0 },
})

describe('readBoardContents', () => {
  it('places notes inside frames at their page position and keeps their text intact', () => {
    const contents = readBoardContents([
      { id: 'page:page', typeName: 'page' },
      frame('shape:c0', 0, 0),
      frame('shape:c1', 600, 1),
      note('shape:n1', 'shape:c1', 20, 40, 'Wo hakt es? „KiTa“ 🚸\nمرحبا', {
        stationId: 's1',
        votes: 3,
      }),
      note('shape:n2', 'page:page', 3000, 3000, 'Irgendwo'),
    ])
    expect(contents.columns.map((column) => column.columnIndex)).toEqual([0, 1])
    const inFrame = contents.notes.find((n) => n.id === 'shape:n1')!
    expect(inFrame.bounds).toEqual({ x: 620, y: 140, w: 200, h: 200 })
    expect(inFrame.text).toBe('Wo hakt es? „KiTa“ 🚸\nمرحبا')
    expect(inFrame.votes).toBe(3)
    const classified = classifyNotes(contents.notes, contents.columns)
    const station = classified.stations.find((s) => s.stationId === 's1')!
    expect(station.columns[1]!.notes.map((n) => n.id)).toEqual(['shape:n1'])
    expect(station.unsorted.map((n) => n.id)).toEqual(['shape:n2'])
  })

  it('reads the cluster a note was grouped into, ignoring blank ones', () => {
    const contents = readBoardContents([
      note('shape:n1', 'page:page', 0, 0, 'Kochabende', { clusterId: ' Kulturprogramme ' }),
      note('shape:n2', 'page:page', 0, 300, 'Altkunden', { clusterId: '  ' }),
      note('shape:n3', 'page:page', 0, 600, 'Deutschkurse', { clusterId: 7 }),
    ])
    expect(contents.notes.map((n) => n.clusterId)).toEqual([
      'Kulturprogramme',
      undefined,
      undefined,
    ])
  })

  it('ignores records that are not shapes and survives malformed ones', () => {
    const contents = readBoardContents([
      null,
      42,
      { typeName: 'shape' },
      { id: 'x', typeName: 'page' },
    ])
    expect(contents).toEqual({ notes: [], columns: [], clusterHeadings: [] })
  })
})
