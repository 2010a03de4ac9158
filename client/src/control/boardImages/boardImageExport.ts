import type { EventView, LiveBoardResponse, SnapshotSummary } from '@tablecloth/shared'
import { ApiError, apiCall } from '../../api/apiClient'
import { useServerConfig } from '../../app/serverConfigStore'
import type { Language, Translate } from '../../i18n/translate'
import { zipFileName } from './fileNames'
import { planBoardImages } from './imagePlan'
import { buildZip, type ZipEntry } from './imageZip'
import { readmeText, type ImageOutcome } from './readmeText'
import { StationImageRenderer } from './stationImageRenderer'

/**
 * The board images of an event as one ZIP, made in this browser. Loaded only
 * when the organiser asks for them: it brings tldraw along. Ended stations are
 * drawn from their station-change snapshots, the running station from the
 * live board, which the server answers the organiser with
 * (`GET /api/events/:id/tables/:tableId/board`), every table's read at once
 * when the organiser presses the button.
 */

/** Where the export stands, for the button to show. */
export type BoardImagesProgress =
  | { step: 'preparing' }
  | { step: 'drawing'; current: number; total: number }
  | { step: 'zipping' }

export interface BoardImagesResult {
  blob: Blob
  fileName: string
  images: number
  failed: number
}

/** Errors after which no image can be made: no server, or the link no longer admits. */
function isFatal(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === 'network' || error.status === 401 || error.status === 403)
  )
}

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

  const serverConfig = useServerConfig.getState()
  if (!serverConfig.config) await serverConfig.load()
  const licenseKey = useServerConfig.getState().config?.tldrawLicenseKey ?? undefined

  const entries: ZipEntry[] = []
  const outcomes = new Map<string, ImageOutcome>()
  const liveReadAt = new Map<string, string>()
  // Every live board is asked for at once, so the running station shows each
  // table as it was when the organiser pressed the button.
  const liveBoards = new Map<string, Promise<LiveBoardResponse>>()
  for (const image of plan) {
    if (image.source.kind !== 'live' || liveBoards.has(image.table.id)) continue
    const board = apiCall<LiveBoardResponse>(
      'GET',
      `${base}/tables/${encodeURIComponent(image.table.id)}/board`,
      { token, signal },
    )
    // Awaited when the table's turn comes; until then a failure must not go unhandled.
    board.catch(() => {})
    liveBoards.set(image.table.id, board)
  }
  const renderer = new StationImageRenderer(licenseKey)
  try {
    for (const [index, image] of plan.entries()) {
      signal?.throwIfAborted()
      onProgress({ step: 'drawing', current: index + 1, total: plan.length })
      await nextFrame()
      const key = `${image.folder}/${image.stem}`
      const { source } = image
      try {
        let records: unknown[]
        let modified: Date
        if (source.kind === 'snapshot') {
          records = (
            await apiCall<{ records: unknown[] }>(
              'GET',
              `${base}/snapshots/${encodeURIComponent(source.snapshot.id)}`,
              { token, signal },
            )
          ).records
          modified = new Date(source.snapshot.createdAt)
        } else {
          const live = await liveBoards.get(image.table.id)!
          liveReadAt.set(image.table.id, live.at)
          records = live.records
          modified = new Date(live.at)
        }
        const drawn = await renderer.render(
          records,
          {
            id: image.station.id,
            index: image.stationIndex,
            columnCount: image.station.columns.length,
          },
          view.config.language,
        )
        if (!drawn) throw new Error(`the board has no columns for station ${image.station.id}`)
        entries.push(
          { path: `${key}.svg`, data: drawn.svg, modified },
          { path: `${key}.png`, data: new Uint8Array(await drawn.png.arrayBuffer()), modified },
        )
        outcomes.set(key, 'drawn')
      } catch (error) {
        // No server, or no access any more: no image could be made; say that instead.
        if (signal?.aborted || isFatal(error)) throw error
        // One board that cannot be read or drawn must not cost the organiser all the others.
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
  const readme = readmeText({
    event: view.config,
    plan,
    outcomes,
    liveReadAt,
    createdAt: new Date(),
    t,
    language,
  })
  const zip = buildZip([{ path: 'README.txt', data: readme }, ...entries])
  const failed = [...outcomes.values()].filter((outcome) => outcome === 'failed').length
  return {
    blob: new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
    fileName: zipFileName(view.config.title),
    images: plan.length - failed,
    failed,
  }
}
