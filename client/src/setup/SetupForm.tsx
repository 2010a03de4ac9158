import type { FormEvent } from 'react'
import { flushSync } from 'react-dom'
import { BoardOptionField } from './BoardOptionField'
import { EventDetailsFields } from './EventDetailsFields'
import { focusAfterRender, focusById } from './focusField'
import { GroupsEditor } from './GroupsEditor'
import { ISSUE_SUMMARY_ID, IssueSummary } from './IssueSummary'
import { RESULT_HEADING_ID } from './ResultPanel'
import { RotationEditor } from './RotationEditor'
import { SETUP_PIN_ID } from './SetupPinField'
import { useSetupStore } from './setupStore'
import { StationsEditor } from './StationsEditor'
import { SubmitBar } from './SubmitBar'
import { TablesEditor } from './TablesEditor'

/** The event form. It validates itself, so the browser's own bubbles never appear. */
export function SetupForm() {
  const submit = useSetupStore((state) => state.submit)
  const validate = useSetupStore((state) => state.validate)

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (useSetupStore.getState().submission.state === 'sending') return
    let valid = false
    // Rendered at once, so the summary is there to take focus.
    flushSync(() => {
      valid = validate().length === 0
    })
    if (!valid) {
      focusById(ISSUE_SUMMARY_ID)
      return
    }
    const result = await submit()
    if (result === 'invalid') focusAfterRender(ISSUE_SUMMARY_ID)
    if (result === 'created') focusAfterRender(RESULT_HEADING_ID)
    if (result === 'pinRefused') focusAfterRender(SETUP_PIN_ID)
  }

  return (
    <form className="setup-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <IssueSummary />
      <EventDetailsFields />
      <TablesEditor />
      <StationsEditor />
      <GroupsEditor />
      <RotationEditor />
      <BoardOptionField />
      <SubmitBar />
    </form>
  )
}
