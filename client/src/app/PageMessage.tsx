import type { ReactNode } from 'react'

/** A full-page notice: loading, an error, or a page that is not there. */
export function PageMessage({
  heading,
  children,
  tone = 'info',
  actions,
  embedded = false,
}: {
  heading: string
  children?: ReactNode
  tone?: 'info' | 'error'
  actions?: ReactNode
  /** Inside another page's main area rather than a page of its own. */
  embedded?: boolean
}) {
  const Container = embedded ? 'div' : 'main'
  return (
    <Container className="page-message" data-tone={tone}>
      <div className="page-message__card" role={tone === 'error' ? 'alert' : 'status'}>
        <h1 className="page-message__heading">{heading}</h1>
        {children ? <div className="page-message__body">{children}</div> : null}
        {actions ? <div className="page-message__actions">{actions}</div> : null}
      </div>
    </Container>
  )
}
