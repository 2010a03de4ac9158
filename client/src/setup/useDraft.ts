import type { EventDraft } from './eventDraft'
import { useSetupStore } from './setupStore'

/** The draft, for parts of the form, which only appear once there is one. */
export function useDraft(): EventDraft {
  const draft = useSetupStore((state) => state.draft)
  if (!draft) throw new Error('the setup form is shown without a draft')
  return draft
}
