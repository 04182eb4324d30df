// Hits on the bureau's records: another bureau looked at an identifier one of this bureau's cases
// holds, without being able to see the case. The holder sees who looked, and the request they sent.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HitReceivedT } from '../../../../src/modules/entities/schema.ts';
import { api } from '../../api.ts';
import { Empty, Failed, Loading } from '../../components/States.tsx';
import { useFormat } from '../../format.ts';

/**
 * The hits on an operation's records held by the reader's bureau, latest first.
 * @example <HitsReceived operationId={operation.id} />
 */
export function HitsReceived({ operationId }: { operationId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const hits = useQuery({ queryKey: ['hits', operationId], queryFn: () => api<HitReceivedT[]>(`/api/operations/${operationId}/hits`) });
  if (hits.isPending) return <Loading />;
  if (hits.isError) return <Failed error={hits.error} retry={() => void hits.refetch()} />;
  if (hits.data.length === 0) return <Empty>{t('cooperation.hits.empty')}</Empty>;
  const latest = [...hits.data].sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt));
  return (
    <ul className="coop-hits">
      {latest.map((h) => (
        <li key={h.hit} className="coop-hit" data-hit={h.hit}>
          <p>
            <span className="badge badge-quiet">{t(`entities.kinds.${h.kind}`, h.kind)}</span>{' '}
            <bdi className="coop-hit-value" translate="no">
              {h.value}
            </bdi>
          </p>
          <p>
            {t('cooperation.hits.lookedAt', { bureau: h.seeker.name, country: format.country(h.seeker.country) })}{' '}
            <Link to={`/cases/${h.caseId}`}>{h.caseTitle}</Link>
          </p>
          <ul className="coop-meta">
            <li>{t('cooperation.hits.firstSeen', { date: format.dateTime(h.firstSeenAt) })}</li>
            {format.dateTime(h.lastSeenAt) !== format.dateTime(h.firstSeenAt) && <li>{t('cooperation.hits.lastSeen', { date: format.dateTime(h.lastSeenAt) })}</li>}
            <li>
              {h.requestId ? (
                <Link to={`/cooperation?open=${h.requestId}`}>{t('cooperation.hits.openRequest')}</Link>
              ) : (
                t('cooperation.hits.noRequest')
              )}
            </li>
          </ul>
        </li>
      ))}
    </ul>
  );
}
