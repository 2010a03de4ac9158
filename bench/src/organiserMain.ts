import type { OrganiserReply, OrganiserRequest } from './organiserProcess'

/**
 * The organiser process (see `organiserProcess.ts`): answers each request from
 * the bench with one timed `POST`. It does nothing else, so its event loop is
 * idle when the response arrives and the round trip is the server's.
 */
function reply(message: OrganiserReply): void {
  process.send?.(message)
}

process.on('message', (request: OrganiserRequest) => {
  const startedAt = performance.now()
  fetch(request.url, {
    method: 'POST',
    headers: { authorization: `Bearer ${request.organiserToken}` },
  })
    .then(async (response) => {
      const body = await response.text()
      const roundTripMs = performance.now() - startedAt
      reply({ kind: 'response', id: request.id, status: response.status, body, roundTripMs })
    })
    .catch((error: unknown) => reply({ kind: 'failed', id: request.id, error: String(error) }))
})
reply({ kind: 'ready' })

// Without the bench there is nobody to answer; the keep-alive socket must not keep the process up.
process.on('disconnect', () => process.exit(0))
