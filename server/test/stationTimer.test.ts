import { afterEach, beforeEach, expect, it } from 'vitest'
import {
  remainingSeconds,
  winnendenTemplate,
  type CreateEventResponse,
  type EventView,
} from '@tablecloth/shared'
import { api, startTestServer, type TestServer } from './helpers/testServer'

let server: TestServer
let event: CreateEventResponse
beforeEach(async () => {
  server = await startTestServer()
  event = (await api(server, 'POST', '/api/events', { body: winnendenTemplate() })).body
})
afterEach(async () => {
  await server.close()
})

const timer = async (body: unknown, token = event.organiserToken) =>
  api(server, 'POST', `/api/events/${event.id}/timer`, { token, body })

it('starts from the station duration and can be paused, extended and reset', async () => {
  const initial: EventView = (
    await api(server, 'GET', `/api/events/${event.id}`, { token: event.organiserToken })
  ).body
  expect(initial.timer).toEqual({
    durationSeconds: 60 * 60,
    runningSince: null,
    elapsedBeforeSeconds: 0,
  })

  const started: EventView = (await timer({ action: 'start' })).body
  expect(started.timer.runningSince).not.toBeNull()
  const paused: EventView = (await timer({ action: 'pause' })).body
  expect(paused.timer.runningSince).toBeNull()
  const left = remainingSeconds(paused.timer, paused.serverTime)
  const extended: EventView = (await timer({ action: 'extend', seconds: 300 })).body
  expect(remainingSeconds(extended.timer, extended.serverTime)).toBe(left + 300)
  const reset: EventView = (await timer({ action: 'reset' })).body
  expect(reset.timer).toEqual(initial.timer)
})

it('refuses unknown actions and out-of-range extensions with the field named', async () => {
  expect((await timer({ action: 'explode' })).body.error).toMatchObject({
    code: 'validation_failed',
    field: 'action',
  })
  expect((await timer({ action: 'extend', seconds: '5' })).body.error.field).toBe('seconds')
  expect((await timer({ action: 'extend', seconds: 99999 })).status).toBe(400)
})

it('lets only the organiser run the timer', async () => {
  const response = await timer({ action: 'start' }, event.links.tables[0]!.tokens.moderator)
  expect(response.status).toBe(403)
})

it('sets the next station’s duration at a station change and leaves the start to the organiser', async () => {
  await timer({ action: 'start' })
  const { body } = await api(server, 'POST', `/api/events/${event.id}/stations/next`, {
    token: event.organiserToken,
  })
  expect(body.view.timer).toEqual({
    durationSeconds: 75 * 60,
    runningSince: null,
    elapsedBeforeSeconds: 0,
  })
})

it('starts the next station’s timer at a station change when the event asks for it', async () => {
  const eager = (
    await api(server, 'POST', '/api/events', {
      body: { ...winnendenTemplate(), startTimerOnStationChange: true },
    })
  ).body as CreateEventResponse
  const { body } = await api(server, 'POST', `/api/events/${eager.id}/stations/next`, {
    token: eager.organiserToken,
  })
  expect(body.view.timer.durationSeconds).toBe(75 * 60)
  expect(body.view.timer.runningSince).toBeGreaterThan(0)
  expect(body.view.timer.runningSince).toBeLessThanOrEqual(body.view.serverTime)
  expect(body.view.config.startTimerOnStationChange).toBe(true)
})
