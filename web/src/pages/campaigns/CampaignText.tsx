// How a campaign's places, dates and reach read, in the list and on its own page alike.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format.ts';

/** Place names as written, each in its own script: no language of the interface is claimed for them. */
export function Places({ places }: { places: readonly string[] }) {
  const { t } = useTranslation();
  if (places.length === 0) return <span className="muted">{t('campaigns.noPlaces')}</span>;
  return (
    <>
      {places.map((p, i) => (
        // Places may repeat in a list; their position tells them apart.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is shown as given, never reordered
        <span key={i}>
          {i > 0 && ', '}
          <bdi lang="" translate="no">
            {p}
          </bdi>
        </span>
      ))}
    </>
  );
}

export function Dates({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <span className="campaign-dates">
      {t('campaigns.dates', { from: format.day(from), to: format.day(to) })}
    </span>
  );
}

export function Reach({ reach }: { reach: number | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  return reach === null ? <span className="muted">{t('campaigns.notEstimated')}</span> : <span>{format.number(reach)}</span>;
}
