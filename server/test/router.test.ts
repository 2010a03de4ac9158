import { describe, expect, it } from 'vitest'
import { ApiErrorCode } from '@tablecloth/shared'
import { useEventBoards } from './helpers/eventBoards'

/** How the HTTP server matches paths and methods, asked over HTTP. */
describe('routing', () => {
  const boards = useEventBoards()

  it('matches literal dots literally and decodes parameters', async () => {
    const event = await boards.createEvent()
    const escaped = [...event.id]
      .map((char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`)
      .join('')
    const decoded = await boards.api('GET', `/api/events/${escaped}/results.json`, {
      token: event.organiserToken,
    })
    expect(decoded.status).toBe(200)
    expect(decoded.body.version).toBe(1)
    const undotted = await boards.api('GET', `/api/events/${event.id}/resultsXjson`, {
      token: event.organiserToken,
    })
    expect(undotted.status).toBe(404)
    expect(undotted.body.error.code).toBe(ApiErrorCode.NotFound)
  })

  it('answers a known path with the wrong method with 405', async () => {
    const answer = await boards.api('GET', '/api/events')
    expect(answer.status).toBe(405)
    expect(answer.body.error.code).toBe(ApiErrorCode.MethodNotAllowed)
    const head = await fetch(`${boards.server().origin}/api/time`, { method: 'HEAD' })
    expect(head.status).toBe(405)
  })

  it('answers a malformed %-escape in a parameter with 400', async () => {
    const answer = await boards.api('GET', '/api/events/a%zz')
    expect(answer.status).toBe(400)
    expect(answer.body.error.code).toBe(ApiErrorCode.ValidationFailed)
  })
})
