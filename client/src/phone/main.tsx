import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { takeLinkToken } from '../app/linkToken'
import { localDraftStorage } from './draftStorage'
import { phoneApi } from './phoneApi'
import { InvalidLinkNotice, PhonePage } from './PhonePage'
import { parsePhonePath } from './phoneRoute'
import { createPhoneStore } from './phoneStore'
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

const link = parsePhonePath(window.location.pathname)
const token = link ? takeLinkToken() : null

createRoot(root).render(
  <StrictMode>
    {link && token ? (
      <PhonePage
        store={createPhoneStore({
          tableId: link.tableId,
          api: phoneApi(link, token),
          draft: localDraftStorage(link),
        })}
        tableId={link.tableId}
        token={token}
      />
    ) : (
      <InvalidLinkNotice />
    )}
  </StrictMode>,
)
