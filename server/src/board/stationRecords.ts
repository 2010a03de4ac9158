import {
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  toRichText,
  type TLFrameShape,
  type TLPageId,
  type TLRecord,
  type TLShapeId,
  type TLTextShape,
} from '@tldraw/tlschema'
import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import {
  BOARD_PAGE_ID as SHARED_BOARD_PAGE_ID,
  stationFrameId,
  stationHeaderId,
  stationLayout,
  type ColumnFrameMeta,
  type Station,
} from '@tablecloth/shared'

/** Every board has exactly one page; its id is the one tldraw's default store uses. */
export const BOARD_PAGE_ID = SHARED_BOARD_PAGE_ID as TLPageId

/** The document and page records a fresh board needs. */
export function baseRecords(): TLRecord[] {
  return [
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({ id: BOARD_PAGE_ID, name: 'Board', index: 'a1' as IndexKey }),
  ]
}

/** Opacity of earlier stations: readable on a projector, clearly not the current round. */
export const EARLIER_STATION_OPACITY = 0.45

/**
 * The frames (one per guiding question) and the heading of one station, laid
 * out by the shared board layout. `current` decides whether the station is
 * shown as the active round or dimmed as an earlier one.
 */
export function stationRecords(
  station: Station,
  stationIndex: number,
  current: boolean,
): TLRecord[] {
  const layout = stationLayout(stationIndex, station.columns.length)
  const opacity = current ? 1 : EARLIER_STATION_OPACITY
  let index = `a${stationIndex + 1}` as IndexKey
  const header: TLTextShape = {
    id: stationHeaderId(station.id) as TLShapeId,
    typeName: 'shape',
    type: 'text',
    x: layout.header.x,
    y: layout.header.y,
    rotation: 0,
    index,
    parentId: BOARD_PAGE_ID,
    isLocked: true,
    opacity,
    meta: { tablecloth: 'station-title', stationId: station.id, stationIndex },
    props: {
      color: current ? 'black' : 'grey',
      size: 'xl',
      font: 'sans',
      textAlign: 'start',
      w: layout.header.w,
      richText: toRichText(station.title),
      scale: 1,
      autoSize: false,
    },
  }
  const frames = station.columns.map((question, columnIndex): TLFrameShape => {
    index = getIndexAbove(index)
    const rect = layout.columns[columnIndex]!
    const meta: ColumnFrameMeta = {
      tablecloth: 'column',
      stationId: station.id,
      stationIndex,
      columnIndex,
    }
    return {
      id: stationFrameId(station.id, columnIndex) as TLShapeId,
      typeName: 'shape',
      type: 'frame',
      x: rect.x,
      y: rect.y,
      rotation: 0,
      index,
      parentId: BOARD_PAGE_ID,
      isLocked: false,
      opacity,
      meta: { ...meta },
      props: { w: rect.w, h: rect.h, name: question, color: current ? 'blue' : 'grey' },
    }
  })
  return [header, ...frames]
}
