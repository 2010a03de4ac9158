/**
 * The class names of what the room draws. The measuring copies
 * (`roomMeasure.ts`) and the drawn cards (`RoomCard.tsx`) both use these,
 * with the same structure, so what was measured is what is drawn.
 */
export const ROOM_CLASSES = {
  card: 'room-card',
  cardBreakAnywhere: 'room-card--break-anywhere',
  cardText: 'room-card__text',
  dots: 'room-card__dots',
  clusterHeading: 'room-cluster__heading',
  columnHeading: 'room-column__heading',
} as const

/** What a card's dot badge reads: the count. */
export function dotsText(votes: number): string {
  return String(votes)
}
