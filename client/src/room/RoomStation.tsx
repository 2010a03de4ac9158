import { useEffect, useId, useMemo } from 'react'
import type {
  HyphenationLanguage,
  StationCard,
  StationColumn,
  StationColumnsView,
  StationEntry,
} from '@tablecloth/shared'
import { useT } from '../i18n/useT'
import { RoomCard, RoomCluster } from './RoomCard'
import { DEFAULT_FIT_OPTIONS, type ColumnFit, type FitEntry, type RoomFitOptions } from './roomFit'
import { useRoomHyphenation, type HyphenatedText } from './roomHyphenation'
import { DEFAULT_PAGE_INTERVAL_MS, pageAt, usePageTick } from './roomPaging'
import { useRoomFit } from './useRoomFit'
import './room.css'

/** What a fit came to, per column: for tests, the bench, or a page that wants to know. */
export interface RoomFitReport {
  headingFontPx: number
  columns: Array<{
    question: string
    fontPx: number
    perRow: number
    noteCount: number
    paged: boolean
    /** Notes on each page; one entry unless the column pages. */
    pageNotes: number[]
  }>
}

export interface RoomStationProps {
  station: StationColumnsView
  /** The event's language: notes whose words do not tell are hyphenated by its rules. */
  language: HyphenationLanguage
  minFontPx?: number
  maxFontPx?: number
  pagingFontPx?: number
  headingFontPx?: number
  pageIntervalMs?: number
  onFit?: (report: RoomFitReport) => void
  className?: string
}

/** Between a paged column's cards and its indicator, inside the indicator's height. */
const INDICATOR_SPACE = 8

/** A column as it is fitted: its heading and entries as drawn (hyphenated). */
interface DrawnColumn {
  key: string
  question: string
  heading: string
  headingLang: string
  entries: FitEntry[]
  noteCount: number
}

/**
 * One station of one table for the room: its columns side by side, each
 * under its question, every note whole and readable. See README.md here.
 */
export function RoomStation({
  station,
  language,
  minFontPx = DEFAULT_FIT_OPTIONS.minFontPx,
  maxFontPx = DEFAULT_FIT_OPTIONS.maxFontPx,
  pagingFontPx = DEFAULT_FIT_OPTIONS.pagingFontPx,
  headingFontPx = DEFAULT_FIT_OPTIONS.headingFontPx,
  pageIntervalMs = DEFAULT_PAGE_INTERVAL_MS,
  onFit,
  className,
}: RoomStationProps) {
  const t = useT()
  const unsortedHeading = t('room.unsorted')
  const columns = useMemo(
    () => [
      ...station.columns.map((column, index) => ({
        key: `q${index}`,
        column,
        question: column.question,
      })),
      ...(station.unsorted
        ? [{ key: 'unsorted', column: station.unsorted, question: unsortedHeading }]
        : []),
    ],
    [station, unsortedHeading],
  )
  const texts = useMemo(
    () => columns.flatMap(({ column, question }) => [question, ...textsOf(column)]),
    [columns],
  )
  const hyphenation = useRoomHyphenation(texts, language)
  const drawn = useMemo(
    () =>
      columns.map(({ key, column, question }): DrawnColumn => {
        const heading = hyphenation.hyphenate(question)
        return {
          key,
          question,
          heading: heading.text,
          headingLang: heading.lang,
          entries: column.entries.map((entry) => fitEntryOf(entry, hyphenation.hyphenate)),
          noteCount: column.noteCount,
        }
      }),
    [columns, hyphenation],
  )
  const cards = useMemo(() => {
    const byId = new Map<string, StationCard>()
    for (const { column } of columns) {
      for (const entry of column.entries) {
        for (const card of entry.kind === 'note' ? [entry.note] : entry.notes)
          byId.set(card.id, card)
      }
    }
    return byId
  }, [columns])
  const options = useMemo(
    (): RoomFitOptions => ({
      ...DEFAULT_FIT_OPTIONS,
      minFontPx,
      maxFontPx,
      pagingFontPx,
      headingFontPx,
      // 40 px is the projector's least; a caller that asks for smaller headings (a gallery tile) gets them.
      minHeadingFontPx: Math.min(headingFontPx, DEFAULT_FIT_OPTIONS.minHeadingFontPx),
    }),
    [minFontPx, maxFontPx, pagingFontPx, headingFontPx],
  )
  const { rootRef, hostRef, fitted } = useRoomFit(drawn, options)
  const paging = fitted?.fit.columns.some((column) => column.paged) ?? false
  const tick = usePageTick(pageIntervalMs, paging)

  useEffect(() => {
    if (!fitted || !onFit) return
    onFit({
      headingFontPx: fitted.fit.headingFontPx,
      columns: fitted.fit.columns.map((column, index) => ({
        question: fitted.columns[index]?.question ?? '',
        fontPx: column.fontPx,
        perRow: column.perRow,
        noteCount: column.noteCount,
        paged: column.paged,
        pageNotes: column.pages.map((page) => page.noteCount),
      })),
    })
  }, [fitted, onFit])

  return (
    <div
      ref={rootRef}
      className={className ? `room-station ${className}` : 'room-station'}
      data-testid="room-station"
    >
      <div ref={hostRef} className="room-measure" aria-hidden="true" />
      {fitted?.fit.columns.map((column, index) => {
        const drawnColumn = fitted.columns[index]!
        return (
          <RoomColumn
            key={drawnColumn.key}
            drawn={drawnColumn}
            column={column}
            left={index * (fitted.fit.columnWidth + fitted.fit.columnGap)}
            width={fitted.fit.columnWidth}
            headingFontPx={fitted.fit.headingFontPx}
            headingHeight={fitted.fit.headingHeight}
            bodyTop={fitted.fit.bodyTop}
            indicatorHeight={options.indicatorHeightPx}
            page={pageAt(tick, column.pages.length)}
            cards={cards}
          />
        )
      })}
    </div>
  )
}

function RoomColumn({
  drawn,
  column,
  left,
  width,
  headingFontPx,
  headingHeight,
  bodyTop,
  indicatorHeight,
  page,
  cards,
}: {
  drawn: DrawnColumn
  column: ColumnFit
  left: number
  width: number
  headingFontPx: number
  headingHeight: number
  bodyTop: number
  indicatorHeight: number
  page: number
  cards: ReadonlyMap<string, StationCard>
}) {
  const t = useT()
  const headingId = useId()
  const shown = column.pages[page] ?? column.pages[0]!
  const elsewhere = column.noteCount - shown.noteCount
  return (
    <section
      className="room-column"
      data-testid="room-column"
      aria-labelledby={headingId}
      data-font-px={column.fontPx}
      data-per-row={column.perRow}
      data-page={page + 1}
      data-pages={column.pages.length}
      data-notes={column.noteCount}
      style={{ left, width }}
    >
      <h2
        id={headingId}
        className="room-column__heading"
        data-testid="room-column-heading"
        lang={drawn.headingLang}
        style={{ fontSize: headingFontPx, height: headingHeight }}
      >
        {drawn.heading}
      </h2>
      <ul
        className="room-column__notes"
        // biome-ignore lint/a11y/noRedundantRoles: Safari drops the list role of a list drawn without bullets, and with it the count of notes read out.
        role="list"
        aria-labelledby={headingId}
        style={{ top: bodyTop, height: column.bodyHeight }}
      >
        {shown.entries.map((entry) =>
          entry.kind === 'note' ? (
            <RoomCard
              key={entry.card.id}
              placed={entry}
              note={cards.get(entry.card.id)}
              fontPx={column.fontPx}
            />
          ) : (
            <RoomCluster
              key={`${entry.id}:${entry.cards[0]?.card.id ?? ''}`}
              placed={entry}
              notes={cards}
              fontPx={column.fontPx}
              pad={column.pad}
            />
          ),
        )}
      </ul>
      {column.paged && (
        <p
          className="room-column__more"
          data-testid="room-more"
          style={{
            top: bodyTop + column.bodyHeight + INDICATOR_SPACE,
            height: indicatorHeight - INDICATOR_SPACE,
          }}
        >
          <span>
            {elsewhere === 1 ? t('room.more.one') : t('room.more.other', { count: elsewhere })}
          </span>{' '}
          {/* "4/4" read as words: as an image of text, the span may carry a label (a plain span may not). */}
          <span
            role="img"
            aria-label={t('room.pageLabel', { page: page + 1, pages: column.pages.length })}
          >
            {page + 1}/{column.pages.length}
          </span>
        </p>
      )}
    </section>
  )
}

function textsOf(column: StationColumn): string[] {
  return column.entries.flatMap((entry) =>
    entry.kind === 'note'
      ? [entry.note.text]
      : [
          ...(entry.heading !== undefined ? [entry.heading] : []),
          ...entry.notes.map((note) => note.text),
        ],
  )
}

function fitEntryOf(entry: StationEntry, hyphenate: (text: string) => HyphenatedText): FitEntry {
  const cardOf = (note: StationCard) => {
    const { text, lang } = hyphenate(note.text)
    return { id: note.id, text, lang, votes: note.votes }
  }
  if (entry.kind === 'note') return { kind: 'note', card: cardOf(entry.note) }
  return {
    kind: 'cluster',
    id: entry.clusterId,
    heading: entry.heading === undefined ? undefined : hyphenate(entry.heading).text,
    cards: entry.notes.map(cardOf),
  }
}
