// One request in a list: its badges and summary, and once opened its whole thread (every read is
// audited), with the reply box and, for the sender, the closing of the request.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  CooperationMessageCreate,
  type CooperationRequestSummaryT,
  type CooperationRequestT,
} from '../../../../src/modules/cooperation/schema.ts';
import { api } from '../../api.ts';
import { Field, useFormErrors } from '../../components/FormFields.tsx';
import { Failed, Loading } from '../../components/States.tsx';
import { useFormat } from '../../format.ts';
import { fieldErrors } from '../../validate.ts';
import { problem } from './cooperation.ts';


type Addressee = CooperationRequestSummaryT['to'][number];

/** An addressee as the reader may know it: its country, or for a request sent from a hit, the holder unnamed. */
function addresseeName(b: Addressee, t: ReturnType<typeof useTranslation>['t'], format: ReturnType<typeof useFormat>): string {
  if (b.hidden || !b.country) return t('cooperation.hiddenAddressee');
  return format.country(b.country);
}

/** The badges of a request: urgent, overdue, its status. */
function RequestBadges({ request }: { request: CooperationRequestSummaryT }) {
  const { t } = useTranslation();
  return (
    <p className="coop-badges">
      {request.priority === 'urgent' && <span className="badge coop-badge-urgent">{t('cooperation.urgent')}</span>}
      {request.overdue && <span className="badge coop-badge-overdue">{t('cooperation.overdue')}</span>}
      {request.fromHit && <span className="badge coop-badge-hit">{t('cooperation.fromHit')}</span>}
      <span className={`badge coop-status-${request.status}`}>{t(`cooperation.statuses.${request.status}`)}</span>
    </p>
  );
}

/** One request; `caseLink` is off where the request is shown on its own case's page. */
export function RequestRow({ request, initiallyOpen, highlighted, caseLink }: { request: CooperationRequestSummaryT; initiallyOpen: boolean; highlighted: boolean; caseLink: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(initiallyOpen);
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (initiallyOpen) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [initiallyOpen]);
  const threadId = `thread-${request.id}`;
  const from = format.country(request.from.country);
  const to = request.to.map((b) => addresseeName(b, t, format)).join(', ');
  return (
    <li
      ref={ref}
      className={`coop-request${highlighted ? ' coop-new-request' : ''}${open ? ' coop-open' : ''}`}
      data-request={request.id}
      data-priority={request.priority}
      data-status={request.status}
    >
      <RequestBadges request={request} />
      <h3 className="coop-subject">
        <button type="button" aria-expanded={open} aria-controls={threadId} onClick={() => setOpen((o) => !o)}>
          <span className="coop-disclosure" aria-hidden="true" />
          <bdi dir="auto">{request.subject}</bdi>
        </button>
      </h3>
      <ul className="coop-meta">
        <li className="coop-route">
          <span className="visually-hidden">{t('cooperation.routeSpoken', { from, to })}</span>
          <span aria-hidden="true">
            {from} → {to}
          </span>
        </li>
        <li>
          <time dateTime={request.createdAt}>{t('cooperation.sentOn', { date: format.day(request.createdAt) })}</time>
        </li>
        {request.dueOn && <li className={request.overdue ? 'coop-late' : undefined}>{t('cooperation.dueOn', { date: format.day(request.dueOn) })}</li>}
        <li data-messages={request.messages}>{t('cooperation.messages', { count: request.messages })}</li>
        {caseLink && request.caseId && (
          <li>
            <Link to={`/cases/${request.caseId}`}>{t('cooperation.openCase')}</Link>
          </li>
        )}
      </ul>
      <div id={threadId} hidden={!open}>
        {open && <Thread id={request.id} />}
      </div>
    </li>
  );
}

/** The whole thread of a request, with the reply box and closing. */
function Thread({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const thread = useQuery({ queryKey: ['cooperation-request', id], queryFn: () => api<CooperationRequestT>(`/api/cooperation/${id}`) });
  if (thread.isPending) return <Loading />;
  if (thread.isError) return <Failed error={thread.error} retry={() => void thread.refetch()} />;
  const request = thread.data;
  return (
    <div className="coop-thread">
      <ul className="coop-addressees" aria-label={t('cooperation.addressees')}>
        {request.to.map((b, i) => (
          <li key={b.id ?? `hidden-${i}`} data-answered={b.firstAnswerAt !== null} data-hidden={b.hidden}>
            <strong>{addresseeName(b, t, format)}</strong>{' '}
            {b.firstAnswerAt
              ? t('cooperation.answeredAfter', {
                  hours: format.number(Math.round((Date.parse(b.firstAnswerAt) - Date.parse(request.createdAt)) / 360_000) / 10),
                })
              : t('cooperation.notAnswered')}
          </li>
        ))}
      </ul>
      <ol className="coop-messages" aria-label={t('cooperation.thread')}>
        {request.messages.map((m) => (
          <li key={m.id} className={m.bureauId === request.from.id ? 'coop-message coop-message-sender' : 'coop-message'} data-message={m.id}>
            <p className="coop-message-head">
              <strong>{format.country(m.country)}</strong>
              {m.author && (
                <bdi className="coop-author" translate="no">
                  {m.author}
                </bdi>
              )}
              <time dateTime={m.at}>{format.dateTime(m.at)}</time>
            </p>
            <p className="coop-message-body" dir="auto">
              {m.body}
            </p>
          </li>
        ))}
      </ol>
      {request.can.post && <Reply id={request.id} />}
      {request.status === 'closed' && request.closedAt && (
        <p className="muted coop-closed">{t('cooperation.closedOn', { date: format.day(request.closedAt) })}</p>
      )}
      {request.can.close && <CloseRequest id={request.id} />}
    </div>
  );
}

/** After a write: the thread and every list (inbox, sent, a case's panel) show it. */
function useRefreshRequest(id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['cooperation-request', id] }),
      queryClient.invalidateQueries({ queryKey: ['cooperation'] }),
    ]);
}

function Reply({ id }: { id: string }) {
  const { t } = useTranslation();
  const refresh = useRefreshRequest(id);
  const [body, setBody] = useState('');
  const [posted, setPosted] = useState(false);
  const form = useFormErrors({ prefix: `reply-${id}`, order: ['body'] });
  const post = useMutation({
    mutationFn: (text: string) => api<{ id: string }>(`/api/cooperation/${id}/messages`, { method: 'POST', body: { body: text } }),
    onSuccess: async () => {
      setBody('');
      setPosted(true);
      await refresh();
    },
    onError: (e) => form.show({ body: problem(e, t) }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPosted(false);
    // A message of spaces is blank to the server too.
    const invalid = fieldErrors(CooperationMessageCreate, { body: body.trim() ? body : '' }, t);
    if (invalid.body) return form.show(invalid);
    form.set({});
    post.mutate(body);
  };
  return (
    <form className="coop-reply" onSubmit={submit} noValidate>
      <Field form={form} field="body" label={t('cooperation.reply.label')}>
        {(control) => (
          <textarea
            name="body"
            rows={4}
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              setPosted(false);
            }}
            {...control}
          />
        )}
      </Field>
      <p className="form-saved" role="status">
        {posted ? t('cooperation.reply.posted') : ''}
      </p>
      <button type="submit" className="primary" disabled={post.isPending}>
        {post.isPending ? t('cooperation.reply.sending') : t('cooperation.reply.send')}
      </button>
    </form>
  );
}

function CloseRequest({ id }: { id: string }) {
  const { t } = useTranslation();
  const refresh = useRefreshRequest(id);
  const [confirming, setConfirming] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const close = useMutation({
    mutationFn: () => api<void>(`/api/cooperation/${id}/close`, { method: 'POST' }),
    onSuccess: async () => {
      await refresh();
      // The buttons that had the focus are gone: give it back to the request's heading.
      document.querySelector<HTMLButtonElement>(`[aria-controls="thread-${id}"]`)?.focus();
    },
  });
  // Asked to confirm, the safe answer has the focus.
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);
  if (!confirming) {
    return (
      <p className="coop-close">
        <button type="button" className="coop-secondary" onClick={() => setConfirming(true)}>
          {t('cooperation.close.button')}
        </button>
      </p>
    );
  }
  return (
    <fieldset className="coop-confirm">
      <legend>{t('cooperation.close.confirm')}</legend>
      <div className="coop-actions">
        <button type="button" className="coop-danger" disabled={close.isPending} onClick={() => close.mutate()}>
          {close.isPending ? t('cooperation.close.closing') : t('cooperation.close.yes')}
        </button>
        <button ref={keep} type="button" className="coop-secondary" onClick={() => setConfirming(false)}>
          {t('cooperation.close.no')}
        </button>
      </div>
      {close.isError && (
        <p className="coop-error" role="alert">
          {problem(close.error, t)}
        </p>
      )}
    </fieldset>
  );
}
