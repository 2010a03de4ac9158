import type { EventConfig } from '@tablecloth/shared'
import { formatDate, LOCALE_TAGS } from '../../i18n/dateTimeFormat'
import type { Language, Translate } from '../../i18n/translate'
import type { PlannedImage } from './imagePlan'

/** What became of one planned image. */
export type ImageOutcome = 'drawn' | 'failed'

/** "25.11.2026, 10:45:12": snapshots of one station change share the minute, so seconds too. */
function formatMoment(value: string | Date, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[language], {
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(typeof value === 'string' ? new Date(value) : value)
}

/** Where one image came from, or why there is none. */
function sourceLine(
  image: PlannedImage,
  outcome: ImageOutcome | undefined,
  liveAt: string | undefined,
  t: Translate,
  language: Language,
): string {
  const { source } = image
  if (source.kind === 'snapshot') {
    const params = {
      time: formatMoment(source.snapshot.createdAt, language),
      id: source.snapshot.id,
    }
    return t(
      outcome === 'drawn' ? 'boardImages.readme.sourceStationChange' : 'boardImages.readme.failed',
      params,
    )
  }
  if (outcome !== 'drawn' || liveAt === undefined) return t('boardImages.readme.failedLive')
  const params = { time: formatMoment(liveAt, language) }
  return t(
    image.stage === 'running'
      ? 'boardImages.readme.sourceLive'
      : 'boardImages.readme.sourceLiveEnded',
    params,
  )
}

/**
 * The README.txt of the ZIP, in the organiser's language: what the files
 * are, and for every table and station the files and what they were drawn
 * from (the snapshot's time and id, or the time the live board was read), or
 * why there is no image. CRLF line ends, so
 * Windows' Notepad shows the lines too.
 */
export function readmeText({
  event,
  plan,
  outcomes,
  liveReadAt,
  createdAt,
  t,
  language,
}: {
  event: Pick<EventConfig, 'title' | 'date' | 'venue'>
  plan: readonly PlannedImage[]
  /** Keyed by `folder/stem`. */
  outcomes: ReadonlyMap<string, ImageOutcome>
  /** When each table's live board was read (server time, ISO 8601), by table id. */
  liveReadAt: ReadonlyMap<string, string>
  createdAt: Date
  t: Translate
  language: Language
}): string {
  const lines: string[] = [
    t('boardImages.readme.title', { event: event.title }),
    [formatDate(event.date, language), event.venue].filter(Boolean).join(' · '),
    t('boardImages.readme.created', { time: formatMoment(createdAt, language) }),
    '',
    t('boardImages.readme.formats'),
    '',
    t('boardImages.readme.sources'),
  ]
  let folder: string | null = null
  for (const image of plan) {
    if (image.folder !== folder) {
      folder = image.folder
      lines.push(
        '',
        `${image.folder}/`,
        `  ${t('boardImages.readme.table', { number: image.tableNumber, table: image.table.topic })}`,
      )
    }
    const key = `${image.folder}/${image.stem}`
    const outcome = outcomes.get(key)
    lines.push(
      `  ${t('boardImages.readme.station', { number: image.stationIndex + 1, station: image.station.title })}`,
    )
    if (outcome === 'drawn') {
      lines.push(
        `    ${t('boardImages.readme.files', { files: `${image.stem}.svg, ${image.stem}.png` })}`,
      )
    }
    lines.push(`    ${sourceLine(image, outcome, liveReadAt.get(image.table.id), t, language)}`)
  }
  return lines.join('\r\n') + '\r\n'
}
