import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import {
  applyAwarenessUpdate,
  Awareness,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import {
  atom,
  createShapeId,
  createTLCurrentUser,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  Editor,
  InstancePresenceRecordType,
  UserRecordType,
  type TLInstancePresence,
  type TLScribble,
  type TLUserPreferences,
} from 'tldraw'
import { PRESENCE_STATE_MAX_BYTES } from '@tablecloth/shared'
import { bindPresence } from './presence'
import { fitPresence, PRESENCE_CAPS, stateBytes } from './presenceBudget'

const cleanups: Array<() => void> = []
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.()
  vi.useRealTimers()
})

function newPeer(name: string) {
  const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
  const preferences = atom<TLUserPreferences>('user', { id: `id-${name}`, name, color: '#1971c2' })
  const editor = new Editor({
    store,
    shapeUtils: defaultShapeUtils,
    bindingUtils: defaultBindingUtils,
    tools: [],
    getContainer: () => document.body,
    user: createTLCurrentUser({
      userPreferences: preferences,
      setUserPreferences: (next) => preferences.set(next),
    }),
  })
  const awareness = new Awareness(new Y.Doc())
  cleanups.push(() => {
    editor.dispose()
    awareness.destroy()
  })
  return { editor, awareness, preferences }
}

/** Carries one peer's awareness to another, as the server relays it. */
function relay(from: Awareness, to: Awareness) {
  applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'peer')
}

function presences(editor: Editor): TLInstancePresence[] {
  return editor.store.query.records('instance_presence').get()
}

describe('bindPresence', () => {
  it('publishes my name and cursor, throttled', () => {
    vi.useFakeTimers()
    const ana = newPeer('Ana')
    cleanups.push(bindPresence(ana.editor, ana.awareness, { publish: true }))
    vi.runOnlyPendingTimers()
    expect(ana.awareness.getLocalState()?.presence).toMatchObject({
      userName: 'Ana',
      userId: 'user:id-Ana',
      color: '#1971c2',
    })

    ana.preferences.set({ ...ana.preferences.get(), name: 'Ana B.' })
    expect(ana.awareness.getLocalState()?.presence.userName).toBe('Ana')
    vi.runOnlyPendingTimers()
    expect(ana.awareness.getLocalState()?.presence.userName).toBe('Ana B.')
  })

  it('shows other people as tldraw collaborators, and forgets them when they leave', () => {
    vi.useFakeTimers()
    const ana = newPeer('Ana')
    const ben = newPeer('Ben')
    cleanups.push(bindPresence(ana.editor, ana.awareness, { publish: true }))
    cleanups.push(bindPresence(ben.editor, ben.awareness, { publish: true }))
    vi.runOnlyPendingTimers()

    relay(ana.awareness, ben.awareness)
    expect(presences(ben.editor).map((presence) => presence.userName)).toEqual(['Ana'])
    expect(ben.editor.getCollaborators().map((presence) => presence.userName)).toEqual(['Ana'])

    removeAwarenessStates(ben.awareness, [ana.awareness.clientID], 'peer')
    expect(presences(ben.editor)).toEqual([])
  })

  it('stamps peers’ activity with this device’s clock', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-03-12T10:00:00Z'))
    const ben = newPeer('Ben')
    cleanups.push(bindPresence(ben.editor, ben.awareness, { publish: false }))
    const ana = newPeer('Ana')
    cleanups.push(bindPresence(ana.editor, ana.awareness, { publish: true }))
    vi.runOnlyPendingTimers()
    // Ana's laptop clock is an hour behind.
    const presence = ana.awareness.getLocalState()?.presence as TLInstancePresence
    ana.awareness.setLocalStateField('presence', {
      ...presence,
      lastActivityTimestamp: Date.now() - 3_600_000,
    })

    relay(ana.awareness, ben.awareness)
    expect(presences(ben.editor)[0]?.lastActivityTimestamp).toBe(Date.now())
  })

  it('ignores unreadable presence and publishes nothing when only watching', () => {
    const projector = newPeer('Projektor')
    cleanups.push(bindPresence(projector.editor, projector.awareness, { publish: false }))
    const stranger = new Awareness(new Y.Doc())
    cleanups.push(() => stranger.destroy())
    stranger.setLocalStateField('presence', { userName: 42 })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})

    relay(stranger, projector.awareness)
    expect(presences(projector.editor)).toEqual([])
    expect(warn).toHaveBeenCalled()
    expect(projector.awareness.getLocalState()?.presence).toBeUndefined()
  })

  it('removes the peers it showed when it stops', () => {
    vi.useFakeTimers()
    const ana = newPeer('Ana')
    const ben = newPeer('Ben')
    cleanups.push(bindPresence(ana.editor, ana.awareness, { publish: true }))
    const stop = bindPresence(ben.editor, ben.awareness, { publish: true })
    vi.runOnlyPendingTimers()
    relay(ana.awareness, ben.awareness)
    expect(presences(ben.editor)).toHaveLength(1)

    stop()
    expect(presences(ben.editor)).toEqual([])
    expect(ben.awareness.getLocalState()?.presence).toBeNull()
  })

  it('keeps a presence with 1,000 selected notes under the server’s limit', () => {
    vi.useFakeTimers()
    const ana = newPeer('Ana')
    const ids = Array.from({ length: 1000 }, () => createShapeId())
    ana.editor.createShapes(ids.map((id, i) => ({ id, type: 'note', x: (i % 40) * 220, y: i * 5 })))
    ana.editor.select(...ids)
    expect(ana.editor.getSelectedShapeIds()).toHaveLength(1000)
    ana.editor.updateInstanceState({ brush: { x: 0, y: 0, w: 9000, h: 5000 } })
    expect(stateBytes({ presence: { selectedShapeIds: ids } })).toBeGreaterThan(
      PRESENCE_STATE_MAX_BYTES,
    )

    cleanups.push(bindPresence(ana.editor, ana.awareness, { publish: true }))
    vi.runOnlyPendingTimers()

    const state = ana.awareness.getLocalState()
    expect(stateBytes(state)).toBeLessThanOrEqual(PRESENCE_STATE_MAX_BYTES)
    const presence = state?.presence as TLInstancePresence
    expect(presence).toMatchObject({ userName: 'Ana', color: '#1971c2' })
    expect(presence.cursor).toMatchObject({ x: expect.any(Number), y: expect.any(Number) })
    expect(presence.selectedShapeIds.length).toBeGreaterThan(0)
    expect(presence.selectedShapeIds.length).toBeLessThanOrEqual(PRESENCE_CAPS.selectedShapeIds)
    expect(ids).toEqual(expect.arrayContaining(presence.selectedShapeIds))

    // Others still see Ana, with her trimmed selection.
    const ben = newPeer('Ben')
    cleanups.push(bindPresence(ben.editor, ben.awareness, { publish: false }))
    relay(ana.awareness, ben.awareness)
    expect(presences(ben.editor).map((peer) => peer.userName)).toEqual(['Ana'])
  })

  it('drops selection and scribbles rather than the cursor when a presence is still too large', () => {
    const ana = newPeer('Ana')
    const scribble = (id: string): TLScribble => ({
      id,
      points: Array.from({ length: 500 }, (_, i) => ({ x: i + 0.123456789, y: i / 3, z: 0.5 })),
      size: 4,
      color: 'laser',
      opacity: 1,
      state: 'active',
      delay: 0,
      shrink: 0.1,
      taper: true,
    })
    const presence = {
      ...InstancePresenceRecordType.create({
        id: InstancePresenceRecordType.createId('ana'),
        userId: UserRecordType.createId('ana'),
        userName: 'Ana '.repeat(100),
        currentPageId: ana.editor.getCurrentPageId(),
        color: '#1971c2',
        cursor: { x: 12, y: 34, type: 'default', rotation: 0 },
      }),
      selectedShapeIds: Array.from({ length: 200 }, () => createShapeId()),
      scribbles: ['a', 'b', 'c', 'd'].map(scribble),
    }

    const capped = fitPresence(presence, (candidate) => ({ presence: candidate }))
    expect(capped.scribbles.map((each) => each.id)).toEqual(['c', 'd'])
    expect(capped.scribbles[1]?.points).toHaveLength(PRESENCE_CAPS.scribblePoints)
    expect(capped.scribbles[1]?.points.at(-1)).toEqual(presence.scribbles[3]?.points.at(-1))
    expect(capped.userName).toHaveLength(PRESENCE_CAPS.userName)

    const small = fitPresence(presence, (candidate) => ({ presence: candidate }), 2000)
    expect(stateBytes({ presence: small })).toBeLessThanOrEqual(2000)
    expect(small).toMatchObject({
      cursor: { x: 12, y: 34 },
      color: '#1971c2',
      selectedShapeIds: [],
      scribbles: [],
    })
    expect(small.userName).toBe(capped.userName)
  })
})
