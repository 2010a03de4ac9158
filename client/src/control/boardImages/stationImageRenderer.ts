import {
  Box,
  createTLStore,
  defaultBindingUtils,
  type Editor,
  getSvgAsImage,
  type TLShapeId,
} from 'tldraw'
import 'tldraw/tldraw.css'
import type { HyphenationLanguage } from '@tablecloth/shared'
import { BOARD_SHAPE_UTILS, headlessEditor } from '../../canvas/headlessEditor'
import { loadNoteHyphenation, setNoteLanguage } from '../../canvas/notes/noteHyphenation'
import { acceptedRecords } from '../../canvas/recordValidation'
import { votesOf } from '../../canvas/noteVotes'
import { stationBand, type BandShape } from './stationBand'
import { voteBadgesOf, withVoteBadges } from './voteBadges'

/** The font tldraw embeds for notes (`NOTE_FONT`), used for the dot counts too. */
const BADGE_FONT = "'tldraw_sans', sans-serif"

/** A PNG has twice the SVG's pixels: sharp when printed at the SVG's size. */
export const PNG_PIXEL_RATIO = 2

/** One station of one board as images. */
export interface StationImages {
  svg: string
  png: Blob
  /** Size of the SVG in CSS pixels; the PNG is {@link PNG_PIXEL_RATIO} times as large. */
  width: number
  height: number
}

/**
 * Draws stations of boards with tldraw itself, in this browser, the way
 * tldraw's own `TldrawImage` does: a tldraw Editor without UI on a store
 * holding the snapshot's records, in an element no one sees, exported with
 * `getSvgString` (fonts embedded as data URLs, fetched from our own server
 * through the board's asset URLs) and rasterised with `getSvgAsImage`.
 *
 * One renderer serves many images; `dispose` removes its element.
 */
export class StationImageRenderer {
  private readonly host: HTMLDivElement
  private readonly mount: HTMLDivElement

  constructor(private readonly licenseKey: string | undefined) {
    this.host = document.createElement('div')
    this.host.className = 'tl-container tl-theme__light'
    this.host.setAttribute('aria-hidden', 'true')
    this.host.inert = true
    // Laid out (tldraw reads computed styles to inline them into the SVG) but never seen:
    // not `display: none` or `visibility: hidden`, which would end up in the export too.
    Object.assign(this.host.style, {
      position: 'fixed',
      left: '-20000px',
      top: '0',
      width: '1000px',
      height: '1000px',
      overflow: 'hidden',
      opacity: '0',
      pointerEvents: 'none',
    })
    this.mount = document.createElement('div')
    this.mount.style.position = 'relative'
    this.mount.style.width = '100%'
    this.mount.style.height = '100%'
    this.host.append(this.mount)
    document.body.append(this.host)
  }

  /**
   * The station's band of the board as SVG and PNG, or null when the board
   * has no columns for the station. Values that are not records tldraw
   * accepts are left out; throws when tldraw cannot draw the rest.
   */
  async render(
    records: readonly unknown[],
    station: { id: string; index: number; columnCount: number },
    /** The event's language: notes whose words do not tell are hyphenated by its rules. */
    language: HyphenationLanguage,
  ): Promise<StationImages | null> {
    // Notes are drawn hyphenated as on the board; the patterns must be there before the export.
    await loadNoteHyphenation()
    const store = createTLStore({
      shapeUtils: BOARD_SHAPE_UTILS,
      bindingUtils: defaultBindingUtils,
    })
    let editor: Editor | null = null
    try {
      // Snapshots hold the records as the server keeps them, in this build's
      // schema. One the schema refuses (or something that is no record at
      // all) is left out rather than cost the whole image.
      // Earlier stations are dimmed on the live board; an image shows its station at full strength.
      const usable = acceptedRecords(store, records).map((record) =>
        record.typeName === 'shape' && record.opacity < 1 ? { ...record, opacity: 1 } : record,
      )
      store.loadStoreSnapshot({
        schema: store.schema.serialize(),
        store: Object.fromEntries(usable.map((record) => [record.id, record])),
      })
      editor = headlessEditor(store, this.mount, this.licenseKey)
      setNoteLanguage(editor, language)
      const page = editor.getCurrentPageId()
      const shapes: BandShape[] = editor.getSortedChildIdsForParent(page).map((id) => {
        const bounds = editor!.getShapePageBounds(id)
        return {
          id,
          meta: editor!.getShape(id)?.meta ?? {},
          bounds: bounds && { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h },
        }
      })
      const band = stationBand(shapes, station)
      if (!band) return null

      const { x, y, w, h } = band.bounds
      const svg = await editor.getSvgString(band.shapeIds as TLShapeId[], {
        bounds: new Box(x, y, w, h),
        padding: 0,
        scale: 1,
        background: true,
        darkMode: false,
      })
      if (!svg) return null
      // Dots are drawn in front of the canvas on the board, so tldraw's export leaves them out.
      const notes = [...editor.getShapeAndDescendantIds(band.shapeIds as TLShapeId[])].flatMap(
        (id) => {
          const shape = editor!.getShape(id)
          const bounds = shape?.type === 'note' ? editor!.getShapePageBounds(shape) : undefined
          return shape && bounds ? [{ id: shape.id, votes: votesOf(shape), bounds }] : []
        },
      )
      const drawn = withVoteBadges(svg.svg, voteBadgesOf(notes), BADGE_FONT)
      const png = await getSvgAsImage(drawn, {
        type: 'png',
        width: svg.width,
        height: svg.height,
        pixelRatio: PNG_PIXEL_RATIO,
      })
      if (!png) throw new Error('the browser could not turn the SVG into a PNG')
      return { svg: drawn, png, width: svg.width, height: svg.height }
    } finally {
      editor?.dispose()
      store.dispose()
    }
  }

  dispose(): void {
    this.host.remove()
  }
}
