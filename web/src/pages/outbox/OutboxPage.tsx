// The outbox (/outbox): the field records made on this device, oldest first, with their state:
// waiting, sending, sent, or refused with the server's reason. A refused record stays until the
// officer fixes it (it opens in its form), sends it again as it is, or discards it. "Send now"
// tries at once, whatever the back-off.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOnline } from '../../device/network.ts';
import { discardRecord, isUnsent, type OutboxRecord, replaceRecord, sendWaiting, useOutbox } from '../../device/outbox.ts';
import { Empty, Loading } from '../../components/States.tsx';
import { useFormat } from '../../format.ts';
import { useSession } from '../../session.tsx';
import './outbox.css';

export default function OutboxPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const online = useOnline();
  const { records, loaded } = useOutbox(me?.userId);
  const [sending, setSending] = useState(false);
  const unsent = records.filter(isUnsent);
  const sendNow = async () => {
    if (!me) return;
    setSending(true);
    try {
      await sendWaiting(me.userId, { now: true });
    } finally {
      setSending(false);
    }
  };
  return (
    <section className="page outbox">
      <div className="page-head">
        <h1>{t('outbox.title')}</h1>
      </div>
      <p className="muted">{t('outbox.intro')}</p>
      <div className="outbox-bar">
        <p role="status" aria-live="polite" data-unsent={unsent.length}>
          {!online ? t('outbox.offline', { count: unsent.length }) : unsent.length ? t('outbox.unsent', { count: unsent.length }) : t('outbox.allSent')}
        </p>
        <button type="button" className="primary" disabled={sending || unsent.every((r) => r.state === 'refused')} onClick={() => void sendNow()}>
          {sending ? t('outbox.sending') : t('outbox.sendNow')}
        </button>
      </div>
      {!loaded ? <Loading /> : records.length === 0 ? <Empty>{t('outbox.empty')}</Empty> : (
        <ol className="outbox-list">
          {[...records].reverse().map((record) => (
            <OutboxItem key={record.id} record={record} />
          ))}
        </ol>
      )}
    </section>
  );
}

const FIX_PAGE = { inspection: '/field', outcome: '/field', screening: '/screen-traveller' } as const;

function OutboxItem({ record }: { record: OutboxRecord }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [discarding, setDiscarding] = useState(false);
  const at = typeof record.body.at === 'string' ? record.body.at : record.createdAt;
  return (
    <li className={`outbox-item state-${record.state}`} data-state={record.state} data-kind={record.kind} data-id={record.id}>
      <div className="outbox-what">
        <strong>{record.kind === 'screening' ? t('outbox.screening', { level: t(record.label.kindOf) }) : t(record.label.kindOf)}</strong>
        <span>
          {record.label.place} · {t('outbox.persons', { count: record.label.persons })}
        </span>
        <span className="muted">{t('outbox.madeAt', { time: format.dateTime(at) })}</span>
      </div>
      <p className="outbox-state">
        <span className="outbox-badge">{t(`outbox.states.${record.state}`)}</span>
        {record.state === 'sent' && record.sentAt && <span className="muted"> {t('outbox.sentAt', { time: format.dateTime(record.sentAt) })}</span>}
        {record.state === 'waiting' && record.attempts > 0 && <span className="muted"> {t('outbox.tries', { count: record.attempts })}</span>}
      </p>
      {record.state === 'refused' && record.refusal && (
        <>
          <p className="outbox-reason" role="alert">
            {t('outbox.refused', { message: record.refusal.message })}
          </p>
          {discarding ? (
            <div className="outbox-actions" data-confirm="true">
              <p tabIndex={-1} ref={(p) => p?.focus()}>
                {t('outbox.discardQuestion')}
              </p>
              <button type="button" className="danger" onClick={() => void discardRecord(record.id)}>
                {t('outbox.discardConfirm')}
              </button>
              <button type="button" onClick={() => setDiscarding(false)}>
                {t('outbox.cancel')}
              </button>
            </div>
          ) : (
            <div className="outbox-actions">
              <Link className="button" to={`${FIX_PAGE[record.kind]}?outbox=${encodeURIComponent(record.id)}&operation=${record.operationId}`}>
                {t('outbox.fix')}
              </Link>
              <button type="button" onClick={() => void replaceRecord(record.id).then((r) => r && sendWaiting(r.userId, { now: true }))}>
                {t('outbox.sendAgain')}
              </button>
              <button type="button" onClick={() => setDiscarding(true)}>
                {t('outbox.discard')}
              </button>
            </div>
          )}
        </>
      )}
    </li>
  );
}
