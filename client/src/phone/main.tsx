import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { takeLinkToken } from '../app/linkToken'
import { localDraftStorage } from './draftStorage'
import { phoneApi } from './phoneApi'
import { InvalidLinkNotice, PhonePage } from './PhonePage'
import { parseGroupPhonePath, parsePhonePath } from './phoneRoute'
import { createPhoneStore, type PhoneStore } from './phoneStore'
import { localTableChoiceStorage } from './tableChoiceStorage'
import '../app/app.css'
import './phone.css'

/*
 * The phone page is an entry of its own (phone.html): participants' phones
 * load React, the translations and this form, never tldraw or Yjs. It
 * registers no service worker either, which would fetch the whole board app
 * onto every phone.
 */

const root = document.getElementById('root')
if (!root) throw new Error('phone.html has no #root element')

const tableLink = parsePhonePath(window.location.pathname)
const groupLink = tableLink ? null : parseGroupPhonePath(window.location.pathname)
const token = tableLink || groupLink ? takeLinkToken() : null

/** The page's store: a table's phone writes to its table, a group's phone follows its group. */
function phoneStore(linkToken: string): PhoneStore | null {
  if (tableLink) {
    return createPhoneStore({
      tableId: tableLink.tableId,
      api: phoneApi(tableLink.eventId, linkToken),
      draft: localDraftStorage(tableLink),
    })
  }
  if (groupLink) {
    return createPhoneStore({
      group: { groupId: groupLink.groupId, choices: localTableChoiceStorage(groupLink) },
      api: phoneApi(groupLink.eventId, linkToken),
      draft: localDraftStorage(groupLink),
    })
  }
  return null
}

const store = token ? phoneStore(token) : null

createRoot(root).render(
  <StrictMode>
    {store && token ? (
      <PhonePage store={store} token={token} groupId={groupLink?.groupId} />
    ) : (
      <InvalidLinkNotice />
    )}
  </StrictMode>,
)
