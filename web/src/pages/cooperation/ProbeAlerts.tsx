// Alerts about probing: a user of another bureau looked up, within an hour, many identifiers that
// this bureau's records hold and that user may not see. Shown to the holder's officers beside the
// hits; the user who looked is never told.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ProbeAlertT } from '../../../../src/modules/entities/schema.ts';
import { api } from '../../api.ts';
import { Failed } from '../../components/States.tsx';
import { useFormat } from '../../format.ts';

/**
 * The probe alerts on an operation's records held by the reader's bureau, latest first; nothing
 * when there are none.
 * @example <ProbeAlerts operationId={operation.id} />
 */
export function ProbeAlerts({ operationId }: { operationId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const alerts = useQuery({
    queryKey: ['probe-alerts', operationId],
    queryFn: () => api<ProbeAlertT[]>(`/api/operations/${operationId}/probe-alerts`),
  });
  if (alerts.isError) return <Failed error={alerts.error} retry={() => void alerts.refetch()} />;
  if (alerts.isPending || alerts.data.length === 0) return null;
  return (
    <section className="coop-probes" aria-labelledby="coop-probes-title">
      <h3 id="coop-probes-title">{t('cooperation.probes.title')}</h3>
      <p className="muted">{t('cooperation.probes.intro')}</p>
      <ul className="coop-hits">
        {alerts.data.map((a) => (
          <li key={a.id} className="coop-hit coop-probe" data-alert={a.id}>
            <p>
              <strong>
                {t('cooperation.probes.user', {
                  user: a.user.displayName,
                  username: a.user.username,
                  bureau: a.seeker.name,
                  country: format.country(a.seeker.country),
                })}
              </strong>
            </p>
            <p>{t('cooperation.probes.count', { count: a.identifiers })}</p>
            <ul className="coop-meta">
              <li>{t('cooperation.probes.window', { from: format.dateTime(a.windowStart), to: format.dateTime(a.windowEnd) })}</li>
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
