import { describe, expect, it } from 'vitest'
import { matchRoute, pathOf, type Route } from './routes'

describe('matchRoute', () => {
  it.each<[string, Route]>([
    ['/', { name: 'home' }],
    ['/e/cafe-1/t/t2', { name: 'board', eventId: 'cafe-1', tableId: 't2' }],
    ['/e/cafe-1/t/t2/', { name: 'board', eventId: 'cafe-1', tableId: 't2' }],
    ['/e/cafe-1/t/t2/projector', { name: 'projector', eventId: 'cafe-1', tableId: 't2' }],
    ['/e/cafe-1/control', { name: 'control', eventId: 'cafe-1' }],
    ['/e/cafe-1/gallery', { name: 'gallery', eventId: 'cafe-1' }],
    ['/e/cafe-1/gallery/', { name: 'gallery', eventId: 'cafe-1' }],
    ['/e/cafe-1/gallery/t1', { name: 'notFound' }],
    ['/e/cafe-1', { name: 'notFound' }],
    ['/e/caf%C3%A9/control', { name: 'notFound' }],
    ['/e/a/t/b/c', { name: 'notFound' }],
  ])('%s', (path, route) => {
    expect(matchRoute(path)).toEqual(route)
  })

  it('builds the paths it matches', () => {
    const routes: Route[] = [
      { name: 'home' },
      { name: 'board', eventId: 'e1', tableId: 't1' },
      { name: 'projector', eventId: 'e1', tableId: 't1' },
      { name: 'control', eventId: 'e1' },
      { name: 'gallery', eventId: 'e1' },
    ]
    for (const route of routes) expect(matchRoute(pathOf(route))).toEqual(route)
  })
})
