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
  createTLCurrentUser,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  Editor,
  type TLInstancePresence,
  type TLUserPreferences,
} from 'tldraw'
import { bindPresence } from './presence'

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
})
