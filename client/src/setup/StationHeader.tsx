import { useT } from '../i18n/useT'

/** A station as a column heading: its number, and its title where that says more. */
export function StationHeader({
  title,
  index,
  labelId,
}: {
  title: string
  index: number
  labelId?: string
}) {
  const t = useT()
  const number = t('setup.stations.item', { number: index + 1 })
  const shown = title.trim()
  return (
    <>
      <span className="setup-grid__station" id={labelId}>
        {number}
      </span>
      {shown && shown !== number ? <span className="setup-grid__subtitle">{shown}</span> : null}
    </>
  )
}
