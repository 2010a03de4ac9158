import {
  computed,
  createPresenceStateDerivation,
  InstancePresenceRecordType,
  react,
  UserRecordType,
  type Editor,
  type TLInstancePresence,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { fitPresence } from './presenceBudget'

/** The awareness field holding a peer's tldraw presence record. */
const PRESENCE_FIELD = 'presence'

/**
 * Presence goes out at most this often (25 per second): cursors stay smooth,
 * and the server's per-socket message budget keeps room for edits.
 */
const PUBLISH_INTERVAL_MS = 40

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/** Each peer gets one presence record, named after its awareness client id. */
function presenceIdOf(clientId: number): TLInstancePresence['id'] {
  return InstancePresenceRecordType.createId(`peer-${clientId}`)
}

/**
 * Shares who is on the board, and where, through y-websocket awareness:
 * - publishes this user's tldraw presence (name, colour, cursor, selection),
 *   throttled and trimmed below the server's size limit (`fitPresence`),
 *   unless `publish` is false: a read-only view (projector, gallery) only
 *   watches and announces nothing;
 * - turns every other peer's presence into an `instance_presence` record in
 *   the store, which tldraw renders as named cursors. These records are
 *   presence-scoped, so the board binding never writes them to the doc.
 *
 * Returns a function that stops sharing and removes the peers' records.
 */
export function bindPresence(
  editor: Editor,
  awareness: Awareness,
  { publish }: { publish: boolean },
): () => void {
  const stops: Array<() => void> = []

  if (publish) {
    const $user = computed('tablecloth presence user', () =>
      UserRecordType.create({
        id: editor.user.getRecordId(),
        name: editor.user.getName(),
        color: editor.user.getColor(),
      }),
    )
    const $presence = createPresenceStateDerivation($user)(editor.store)
    let timer: ReturnType<typeof setTimeout> | null = null
    let lastSentAt = 0
    const send = () => {
      timer = null
      lastSentAt = Date.now()
      const presence = $presence.get()
      const fitted =
        presence &&
        fitPresence(presence, (candidate) => ({
          ...awareness.getLocalState(),
          [PRESENCE_FIELD]: candidate,
        }))
      awareness.setLocalStateField(PRESENCE_FIELD, fitted)
    }
    stops.push(
      react('publish tablecloth presence', () => {
        $presence.get()
        if (timer !== null) return
        timer = setTimeout(send, Math.max(0, lastSentAt + PUBLISH_INTERVAL_MS - Date.now()))
      }),
    )
    stops.push(() => {
      if (timer !== null) clearTimeout(timer)
      awareness.setLocalStateField(PRESENCE_FIELD, null)
    })
  }

  // Peers' clocks differ from ours, and tldraw hides cursors by their age; so
  // a peer's activity is stamped with our clock when we see it change.
  const activity = new Map<number, { remote: number | null; local: number }>()
  const shown = new Set<number>()

  const toRecord = (clientId: number, state: unknown): TLInstancePresence | null => {
    const presence = (state as Record<string, unknown> | undefined)?.[PRESENCE_FIELD]
    if (typeof presence !== 'object' || presence === null) return null
    const remote = (presence as { lastActivityTimestamp?: unknown }).lastActivityTimestamp
    const remoteActivity = typeof remote === 'number' ? remote : null
    const seen = activity.get(clientId)
    const local = seen && seen.remote === remoteActivity ? seen.local : Date.now()
    activity.set(clientId, { remote: remoteActivity, local })
    try {
      return InstancePresenceRecordType.validate({
        ...presence,
        id: presenceIdOf(clientId),
        typeName: 'instance_presence',
        lastActivityTimestamp: local,
      })
    } catch (error) {
      console.warn(`Ignoring unreadable presence from peer ${clientId}`, error)
      return null
    }
  }

  const apply = ({ added, updated, removed }: AwarenessChange) => {
    const states = awareness.getStates()
    const arrived: Array<[number, TLInstancePresence]> = []
    const gone: number[] = [...removed]
    for (const clientId of [...added, ...updated]) {
      if (clientId === awareness.clientID) continue
      const record = toRecord(clientId, states.get(clientId))
      if (record) arrived.push([clientId, record])
      else gone.push(clientId)
    }
    const removals = gone
      .filter((clientId) => shown.has(clientId))
      .map((clientId) => {
        shown.delete(clientId)
        activity.delete(clientId)
        return presenceIdOf(clientId)
      })
    for (const [clientId] of arrived) shown.add(clientId)
    const puts = arrived.map(([, record]) => record)
    if (puts.length === 0 && removals.length === 0) return
    editor.store.mergeRemoteChanges(() => {
      if (removals.length > 0) editor.store.remove(removals)
      if (puts.length > 0) editor.store.put(puts)
    })
  }

  awareness.on('change', apply)
  apply({ added: [...awareness.getStates().keys()], updated: [], removed: [] })
  stops.push(() => {
    awareness.off('change', apply)
    apply({ added: [], updated: [], removed: [...shown] })
  })

  return () => {
    for (const stop of stops.splice(0).reverse()) stop()
  }
}
