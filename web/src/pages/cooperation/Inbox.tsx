// The cooperation inbox: the requests the other bureaus of the operation sent this one, or those
// it sent, filtered by status through the address, each answered in place.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { REQUEST_STATUSES, type RequestStatus } from '../../../../src/modules/cooperation/schema.ts';
import type { Operation } from '../../api.ts';
import { WithOperation } from '../../components/WithOperation.tsx';
import { useFilters } from '../../filters.ts';
import { useFormat } from '../../format.ts';
import type { SentNotice } from './cooperation.ts';
import { HitsReceived } from './HitsReceived.tsx';
import { ProbeAlerts } from './ProbeAlerts.tsx';
import { RequestList } from './RequestList.tsx';
import './cooperation.css';
import { Options } from '../../components/Choices.tsx';

type Box = 'inbox' | 'sent' | 'hits';
const BOX_NAMES: readonly Box[] = ['inbox', 'sent', 'hits'];

export function CooperationInbox() {
  return <WithOperation>{(operation) => <Inbox operation={operation} />}</WithOperation>;
}

function Inbox({ operation }: { operation: Operation }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [params, setFilter] = useFilters();
  const asked = params.get('box') as Box | null;
  const box: Box = asked && BOX_NAMES.includes(asked) ? asked : 'inbox';
  const requested = params.get('status') as RequestStatus | null;
  const status = requested && REQUEST_STATUSES.includes(requested) ? requested : '';
  const notice = (location.state as { sent?: SentNotice } | null)?.sent;

  /** The address of a box: the inbox is the default, and the status filter stays. */
  const boxSearch = (next: Box) => {
    const out = new URLSearchParams();
    if (next !== 'inbox') out.set('box', next);
    if (status && next !== 'hits') out.set('status', status);
    return `?${out}`;
  };
  const filter = new URLSearchParams({ box });
  if (status) filter.set('status', status);

  return (
    <section className="page cooperation">
      <div className="page-head">
        <div>
          <h1>{t('cooperation.title')}</h1>
          <p className="operation-name">{operation.name}</p>
        </div>
        {operation.can.sendRequests && (
          <Link className="coop-button" to="/cooperation/new">
            {t('cooperation.new')}
          </Link>
        )}
      </div>
      {notice && <SentBanner notice={notice} />}
      <div className="coop-bar">
        <nav className="coop-tabs" aria-label={t('cooperation.boxes')}>
          {BOX_NAMES.map((b) => (
            <Link
              key={b}
              className="coop-tab"
              to={boxSearch(b)}
              aria-current={b === box ? 'page' : undefined}
              data-box={b}
            >
              {t(`cooperation.tabs.${b}`)}
            </Link>
          ))}
        </nav>
        {box !== 'hits' && (
          <label className="coop-status-filter">
            {t('cooperation.status')}
            <select value={status} onChange={(e) => setFilter('status', e.target.value)}>
              <option value="">{t('cooperation.anyStatus')}</option>
              <Options
                choices={REQUEST_STATUSES.map((s) => ({ value: s, label: t(`cooperation.statuses.${s}`) }))}
              />
            </select>
          </label>
        )}
      </div>
      <section className="panel" aria-labelledby="coop-list">
        <h2 id="coop-list">{t(`cooperation.listTitle.${box}`)}</h2>
        {box === 'hits' ? (
          <>
            <ProbeAlerts operationId={operation.id} />
            <p className="muted">{t('cooperation.hits.intro')}</p>
            <HitsReceived operationId={operation.id} />
          </>
        ) : (
          <RequestList
            operationId={operation.id}
            filter={filter}
            opened={params.get('open')}
            highlighted={notice?.id}
            empty={status ? t('cooperation.empty.filtered') : t(`cooperation.empty.${box}`)}
          />
        )}
      </section>
    </section>
  );
}

function SentBanner({ notice }: { notice: SentNotice }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useRef<HTMLDivElement>(null);
  // The page changed under the person's eyes: take them to what it says.
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} className="coop-notice" role="status" tabIndex={-1} data-raised={notice.raised}>
      <p>
        {t('cooperation.sentNotice', {
          countries: notice.countries.map((c) => format.country(c)).join(', '),
        })}
      </p>
      {notice.raised && (
        <p className="coop-raised">
          <strong>{t('cooperation.raised')}</strong>
        </p>
      )}
    </div>
  );
}
