// The account's open sessions (devices signed in), newest use first, this one marked; any other
// can be signed out from here, as after a lost phone or a shared computer.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { Empty, Failed, Loading } from '../../components/States.tsx';
import { useFormat } from '../../format.ts';
import { describeAgent, type SessionBody, writeProblem } from './account.ts';

/**
 * The sessions panel.
 * @example <Sessions />
 */
export function Sessions() {
  const { t } = useTranslation();
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: ({ signal }) => api<SessionBody[]>('/api/auth/sessions', { signal }) });
  const [ended, setEnded] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <section className="panel account-panel account-sessions" aria-labelledby="account-sessions-title" data-panel="sessions">
      <h2 id="account-sessions-title" ref={heading} tabIndex={-1}>
        {t('account.sessions.title')}
      </h2>
      <p className="muted">{t('account.sessions.intro')}</p>
      <p className="account-done" role="status">
        {ended ? t('account.sessions.ended') : ''}
      </p>
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <Failed error={sessions.error} retry={() => void sessions.refetch()} />
      ) : sessions.data.length === 0 ? (
        <Empty />
      ) : (
        <ul className="account-session-list">
          {/* This device first, then the others as the server orders them (latest use first). */}
          {[...sessions.data].sort((a, b) => Number(b.current) - Number(a.current)).map((s) => (
            <SessionItem
              key={s.id}
              session={s}
              onEnded={() => {
                setEnded(true);
                // The row is gone: the focus goes to the list's heading rather than to nowhere.
                heading.current?.focus();
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function SessionItem({ session, onEnded }: { session: SessionBody; onEnded: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const end = useMutation({
    mutationFn: () => api<void>(`/api/auth/sessions/${session.id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      queryClient.setQueryData<SessionBody[]>(['sessions'], (list) => list?.filter((s) => s.id !== session.id));
      onEnded();
      await queryClient.invalidateQueries({ queryKey: ['sessions'] });
    },
  });
  const { browser, system } = describeAgent(session.userAgent);
  const device =
    browser && system
      ? t('account.sessions.agent', { browser, system })
      : (browser ?? system ?? t('account.sessions.unknownDevice'));
  const labelId = `session-${session.id}`;
  return (
    <li className="account-session" data-session={session.id} data-current={session.current ? 'true' : 'false'}>
      <p className="account-session-device" id={labelId}>
        <span translate="no">{device}</span>
        {session.current && <span className="badge account-on">{t('account.sessions.current')}</span>}
      </p>
      <dl className="account-facts">
        <div>
          <dt>{t('account.sessions.address')}</dt>
          <dd translate="no">{session.address ?? t('account.sessions.unknown')}</dd>
        </div>
        <div>
          <dt>{t('account.sessions.signedIn')}</dt>
          <dd>
            <time dateTime={session.createdAt}>{format.dateTime(session.createdAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('account.sessions.lastSeen')}</dt>
          <dd>
            <time dateTime={session.lastSeenAt}>{format.dateTime(session.lastSeenAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('account.sessions.expires')}</dt>
          <dd>
            <time dateTime={session.expiresAt}>{format.dateTime(session.expiresAt)}</time>
          </dd>
        </div>
      </dl>
      {!session.current && (
        <div className="account-actions">
          <button type="button" className="account-secondary" disabled={end.isPending} onClick={() => end.mutate()} aria-describedby={labelId}>
            {t('account.sessions.end')}
          </button>
          {end.isError && (
            <p className="form-error" role="alert">
              {writeProblem(end.error, t)}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
