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
function sourceLine(image: PlannedImage, outcome: ImageOutcome | undefined, t: Translate, language: Language) {
  const { snapshot } = image
  if (!snapshot) {
    return t(image.stage === 'ended' ? 'boardImages.readme.missingEnded' : 'boardImages.readme.missingRunning')
  }
  const params = { time: formatMoment(snapshot.createdAt, language), id: snapshot.id }
  if (outcome !== 'drawn') return t('boardImages.readme.failed', params)
  if (image.stage === 'ended') return t('boardImages.readme.sourceStationChange', params)
  return t(
    snapshot.reason === 'pre-restore'
      ? 'boardImages.readme.sourceRunningPreRestore'
      : 'boardImages.readme.sourceRunning',
    params,
  )
}

/**
 * The README.txt of the ZIP, in the organiser's language: what the files
 * are, and for every table and station the files and the snapshot (time and
 * id) they were drawn from, or why there is no image. CRLF line ends, so
 * Windows' Notepad shows the lines too.
 */
export function readmeText({
  event,
  plan,
  outcomes,
  createdAt,
  t,
  language,
}: {
  event: Pick<EventConfig, 'title' | 'date' | 'venue'>
  plan: readonly PlannedImage[]
  /** Keyed by `folder/stem`. */
  outcomes: ReadonlyMap<string, ImageOutcome>
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
      lines.push('', `${image.folder}/`, `  ${t('boardImages.readme.table', { number: image.tableIndex + 1, table: image.table.topic })}`)
    }
    const key = `${image.folder}/${image.stem}`
    const outcome = outcomes.get(key)
    lines.push(`  ${t('boardImages.readme.station', { number: image.stationIndex + 1, station: image.station.title })}`)
    if (outcome === 'drawn') {
      lines.push(`    ${t('boardImages.readme.files', { files: `${image.stem}.svg, ${image.stem}.png` })}`)
    }
    lines.push(`    ${sourceLine(image, outcome, t, language)}`)
  }
  return lines.join('\r\n') + '\r\n'
}
