import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { takeLinkToken } from '../app/linkToken'
import { localDraftStorage } from './draftStorage'
import { phoneApi } from './phoneApi'
import { InvalidLinkNotice, PhonePage } from './PhonePage'
import { parsePhoneLink } from './phoneRoute'
import { createPhoneStore } from './phoneStore'
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

const link = parsePhoneLink(window.location.pathname)
const token = link ? takeLinkToken() : null

/** A table's phone writes to its table; a group's phone follows its group. */
const store =
  link && token
    ? createPhoneStore({
        ...('tableId' in link
          ? { tableId: link.tableId }
          : { group: { groupId: link.groupId, choices: localTableChoiceStorage(link) } }),
        api: phoneApi(link.eventId, token),
        draft: localDraftStorage(link),
      })
    : null

createRoot(root).render(
  <StrictMode>
    {link && store && token ? (
      <PhonePage
        store={store}
        token={token}
        groupId={'groupId' in link ? link.groupId : undefined}
      />
    ) : (
      <InvalidLinkNotice />
    )}
  </StrictMode>,
)
