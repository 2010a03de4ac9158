import type { EventView, SnapshotSummary } from '@tablecloth/shared'
import { apiCall } from '../../api/apiClient'
import { useServerConfig } from '../../app/serverConfigStore'
import type { Language, Translate } from '../../i18n/translate'
import { zipFileName } from './fileNames'
import { planBoardImages } from './imagePlan'
import { buildZip, type ZipEntry } from './imageZip'
import { readmeText, type ImageOutcome } from './readmeText'
import { StationImageRenderer } from './stationImageRenderer'

/**
 * The board images of an event as one ZIP, made in this browser. Loaded only
 * when the organiser asks for them: it brings tldraw along.
 */

/** Where the export stands, for the button to show. */
export type BoardImagesProgress =
  | { step: 'preparing' }
  | { step: 'drawing'; current: number; total: number }
  | { step: 'zipping' }

export type BoardImagesResult =
  | { kind: 'zip'; blob: Blob; fileName: string; images: number; failed: number }
  /** No table has a snapshot yet: nothing to draw. */
  | { kind: 'empty' }

/** Lets the page paint the progress between two images. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

export async function exportBoardImages({
  eventId,
  token,
  t,
  language,
  onProgress,
  signal,
}: {
  eventId: string
  token: string
  /** The README.txt is written in the organiser's language at the start. */
  t: Translate
  language: Language
  onProgress: (progress: BoardImagesProgress) => void
  signal?: AbortSignal
}): Promise<BoardImagesResult> {
  onProgress({ step: 'preparing' })
  const base = `/api/events/${encodeURIComponent(eventId)}`
  const [view, { snapshots }] = await Promise.all([
    apiCall<EventView>('GET', base, { token, signal }),
    apiCall<{ snapshots: SnapshotSummary[] }>('GET', `${base}/snapshots`, { token, signal }),
  ])
  const plan = planBoardImages(view.config, view.currentStation, snapshots)
  const drawable = plan.filter((image) => image.snapshot !== null)
  if (drawable.length === 0) return { kind: 'empty' }

  const serverConfig = useServerConfig.getState()
  if (!serverConfig.config) await serverConfig.load()
  const licenseKey = useServerConfig.getState().config?.tldrawLicenseKey ?? undefined

  const entries: ZipEntry[] = []
  const outcomes = new Map<string, ImageOutcome>()
  const renderer = new StationImageRenderer(licenseKey)
  try {
    for (const [index, image] of drawable.entries()) {
      signal?.throwIfAborted()
      onProgress({ step: 'drawing', current: index + 1, total: drawable.length })
      await nextFrame()
      const snapshot = image.snapshot!
      const key = `${image.folder}/${image.stem}`
      const { records } = await apiCall<{ records: unknown[] }>(
        'GET',
        `${base}/snapshots/${encodeURIComponent(snapshot.id)}`,
        { token, signal },
      )
      try {
        const drawn = await renderer.render(records, {
          id: image.station.id,
          index: image.stationIndex,
          columnCount: image.station.columns.length,
        })
        if (!drawn) throw new Error(`the snapshot has no columns for station ${image.station.id}`)
        const modified = new Date(snapshot.createdAt)
        entries.push(
          { path: `${key}.svg`, data: drawn.svg, modified },
          { path: `${key}.png`, data: new Uint8Array(await drawn.png.arrayBuffer()), modified },
        )
        outcomes.set(key, 'drawn')
      } catch (error) {
        // One board that cannot be drawn must not cost the organiser all the others.
        console.warn(`Board image ${key} could not be drawn`, error)
        outcomes.set(key, 'failed')
      }
    }
  } finally {
    renderer.dispose()
  }

  signal?.throwIfAborted()
  onProgress({ step: 'zipping' })
  await nextFrame()
  const readme = readmeText({ event: view.config, plan, outcomes, createdAt: new Date(), t, language })
  const zip = buildZip([{ path: 'README.txt', data: readme }, ...entries])
  const failed = [...outcomes.values()].filter((outcome) => outcome === 'failed').length
  return {
    kind: 'zip',
    blob: new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
    fileName: zipFileName(view.config.title),
    images: drawable.length - failed,
    failed,
  }
}
