import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import type { CreateEventResponse, EventView } from '@tablecloth/shared'
import { QrCode } from '../../app/QrCode'
import { useDateTimeFormat } from '../../i18n/dateTimeFormat'
import { useT } from '../../i18n/useT'
import { noteFill } from '../../room/noteFill'
import { groupCardPages, qrSheetPages, type GroupCard, type QrSheetPage } from './qrSheetModel'
import './qrSheet.css'

/** Pixels each code is drawn with: sharp at 9 cm on paper (about 140 dpi, where a module is 1.5 mm). */
const CODE_PIXELS = 512

/** „Alle QR-Codes drucken“: opens the printable sheet of every table's codes. */
export function QrSheetButton({
  view,
  links,
}: {
  view: EventView
  links: CreateEventResponse['links'] | null
}) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  return (
    <>
      <button
        ref={opener}
        type="button"
        disabled={!links}
        onClick={() => setOpen(true)}
        data-testid="qr-sheet-open"
      >
        {t('qrSheet.open')}
      </button>
      {open && links && (
        <QrSheet
          view={view}
          links={links}
          onClose={() => {
            setOpen(false)
            opener.current?.focus()
          }}
        />
      )}
    </>
  )
}

/**
 * One A4 page per table with its number, topic and large codes for the board,
 * the projector and phones, shown over the control room as a preview. In
 * print only the sheet appears, page by page (qrSheet.css).
 */
function QrSheet({
  view,
  links,
  onClose,
}: {
  view: EventView
  links: CreateEventResponse['links']
  onClose: () => void
}) {
  const t = useT()
  const format = useDateTimeFormat()
  const printButton = useRef<HTMLButtonElement>(null)
  const pages = qrSheetPages(view.config, links)
  const cardPages = groupCardPages(view.config, links)
  const free = view.config.rotation.mode === 'free'
  const event = [view.config.title, format.date(view.config.date), view.config.venue]
    .filter(Boolean)
    .join(' · ')

  useEffect(() => {
    printButton.current?.focus()
    const onKey = (keyEvent: KeyboardEvent) => {
      if (keyEvent.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])

  return createPortal(
    <div
      className="qr-sheet"
      role="dialog"
      aria-modal="true"
      aria-labelledby="qr-sheet-heading"
      data-testid="qr-sheet"
    >
      <div className="qr-sheet__toolbar">
        <div>
          <h2 id="qr-sheet-heading">{t('qrSheet.heading')}</h2>
          <p>
            {t('qrSheet.hint')}
            {cardPages.length > 0 && ` ${t('qrSheet.hint.groups')}`}
          </p>
        </div>
        <div className="qr-sheet__actions">
          <button
            ref={printButton}
            type="button"
            className="qr-sheet__print"
            onClick={() => window.print()}
          >
            {t('qrSheet.print')}
          </button>
          <button type="button" onClick={onClose}>
            {t('qrSheet.close')}
          </button>
        </div>
      </div>
      <div className="qr-sheet__pages">
        {pages.map((page) => (
          <SheetPage key={page.tableId} page={page} event={event} />
        ))}
        {cardPages.map((cards) => (
          <GroupCardPage key={cards[0]!.groupId} cards={cards} event={event} free={free} />
        ))}
      </div>
    </div>,
    document.body,
  )
}

function SheetPage({ page, event }: { page: QrSheetPage; event: string }) {
  const t = useT()
  const table = t('table.numbered', { number: page.number, topic: page.topic })
  return (
    <section
      className="qr-sheet__page"
      aria-label={t('qrSheet.pageLabel', { table })}
      data-testid="qr-sheet-page"
      data-table-id={page.tableId}
    >
      <header className="qr-sheet__head">
        <p className="qr-sheet__event">{event}</p>
        <p className="qr-sheet__number" data-testid="qr-sheet-number">
          {t('qrSheet.number', { number: page.number })}
        </p>
        <h3 className="qr-sheet__topic" dir="auto" data-testid="qr-sheet-topic">
          {page.topic}
        </h3>
        {page.moderator && (
          <p className="qr-sheet__moderator">{t('qrSheet.moderator', { name: page.moderator })}</p>
        )}
      </header>
      <div className="qr-sheet__codes">
        {page.codes.map((code) => (
          <figure
            key={code.kind}
            className={`qr-sheet__code qr-sheet__code--${code.kind}`}
            data-kind={code.kind}
          >
            <QrCode
              value={code.link}
              size={CODE_PIXELS}
              label={t('qrSheet.codeLabel', { kind: t(`qrSheet.${code.kind}`), table })}
            />
            <figcaption>
              <strong>{t(`qrSheet.${code.kind}`)}</strong>
              <span>{t(`qrSheet.${code.kind}.hint`)}</span>
            </figcaption>
          </figure>
        ))}
      </div>
    </section>
  )
}

/**
 * Four group cards on an A4 page (A6 each, cut along the dashed lines): the
 * group's name on its colour, and one large code for the group's phones.
 */
function GroupCardPage({
  cards,
  event,
  free,
}: {
  cards: GroupCard[]
  event: string
  /** Free rotation: the phone asks the table rather than leading the group. */
  free: boolean
}) {
  const t = useT()
  return (
    <section
      className="qr-sheet__page qr-sheet__page--groups"
      aria-label={t('qrSheet.groupPageLabel', {
        groups: cards.map((card) => card.name).join(', '),
      })}
      data-testid="qr-sheet-group-page"
    >
      {cards.map((card) => {
        const name = t('qrSheet.group.name', { name: card.name })
        return (
          <article
            key={card.groupId}
            className="qr-sheet__group-card"
            data-testid="qr-sheet-group-card"
            data-group-id={card.groupId}
          >
            <header className="qr-sheet__group-head" style={{ background: noteFill(card.colour) }}>
              <h3 className="qr-sheet__group-name" dir="auto">
                {name}
              </h3>
            </header>
            <QrCode
              value={card.link}
              size={CODE_PIXELS}
              label={t('qrSheet.group.codeLabel', { name: card.name })}
            />
            <p className="qr-sheet__group-line">
              {t(free ? 'qrSheet.group.free' : 'qrSheet.group.follow')}
            </p>
            <p className="qr-sheet__group-event">{event}</p>
          </article>
        )
      })}
    </section>
  )
}
