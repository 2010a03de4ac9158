/** Sizes handed to the room view (`RoomStation`), in CSS pixels. */
export interface RoomSizes {
  minFontPx?: number
  maxFontPx?: number
  pagingFontPx?: number
}

/**
 * A complete set of room view sizes with its column questions' size: a
 * gallery tile's, and the projector's on a phone.
 */
export interface TileSizes extends Required<RoomSizes> {
  headingFontPx: number
}
