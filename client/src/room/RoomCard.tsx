import type { StationCard } from '@tablecloth/shared'
import { useT } from '../i18n/useT'
import type { PlacedCard, PlacedCluster } from './roomFit'
import { ROOM_CLASSES, dotsText } from './roomMarkup'
import { noteFill } from './noteFill'

/**
 * One note as the room draws it, where the fit placed it. Its markup is the
 * markup `roomMeasure.ts` measured (`roomMarkup.ts`), at the same width and
 * size, so the card is exactly as tall as its text.
 */
export function RoomCard({
  placed,
  note,
  fontPx,
}: {
  placed: PlacedCard
  /** The note as the board holds it (colour, origin); its drawn text is `placed.card.text`. */
  note: StationCard | undefined
  fontPx: number
}) {
  const t = useT()
  const { card } = placed
  const className =
    ROOM_CLASSES.card + (card.breakAnywhere ? ` ${ROOM_CLASSES.cardBreakAnywhere}` : '')
  return (
    <li
      className={className}
      data-testid="room-note"
      data-note-id={card.id}
      data-via={note?.via}
      style={{
        left: placed.x,
        top: placed.y,
        width: placed.w,
        height: placed.h,
        fontSize: fontPx,
        background: noteFill(note?.colour ?? ''),
      }}
    >
      {card.votes > 0 && (
        <span
          className={ROOM_CLASSES.dots}
          data-testid="room-dots"
          role="img"
          aria-label={
            card.votes === 1 ? t('room.dots.one') : t('room.dots.other', { count: card.votes })
          }
        >
          {dotsText(card.votes)}
        </span>
      )}
      <p className={ROOM_CLASSES.cardText} dir="auto" lang={card.lang}>
        {card.text}
      </p>
    </li>
  )
}

/** A cluster: its heading and its notes in a box across the column, always on one page together. */
export function RoomCluster({
  placed,
  notes,
  fontPx,
  pad,
}: {
  placed: PlacedCluster
  notes: ReadonlyMap<string, StationCard>
  fontPx: number
  pad: number
}) {
  const t = useT()
  return (
    <li
      className="room-cluster"
      data-testid="room-cluster"
      data-cluster-id={placed.id}
      style={{ left: placed.x, top: placed.y, width: placed.w, height: placed.h }}
    >
      {placed.heading !== undefined && (
        <h3
          className={ROOM_CLASSES.clusterHeading}
          data-testid="room-cluster-heading"
          style={{ left: pad, top: pad, width: placed.w - 2 * pad, fontSize: fontPx }}
        >
          {placed.heading}
        </h3>
      )}
      <ul
        className="room-cluster__notes"
        // biome-ignore lint/a11y/noRedundantRoles: Safari drops the list role of a list drawn without bullets, and with it the count of notes read out.
        role="list"
        aria-label={placed.heading ?? t('room.clusterUnnamed')}
      >
        {placed.cards.map((card) => (
          <RoomCard
            key={card.card.id}
            placed={card}
            note={notes.get(card.card.id)}
            fontPx={fontPx}
          />
        ))}
      </ul>
    </li>
  )
}
