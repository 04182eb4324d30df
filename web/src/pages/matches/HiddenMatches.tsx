// Matches between the reader's persons and persons in records they may not see: only that one
// exists, and a way to ask whoever holds the other record (the sender is not told who).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import { Options } from '../../components/Choices.tsx';
import { Field, useFormErrors } from '../../components/FormFields.tsx';
import { Failed } from '../../components/States.tsx';
import { type HiddenMatchT, isRefusal, type MatchPage, type MatchPerson, writeProblem } from './matches.ts';

const PRIORITIES = ['normal', 'urgent'] as const;
type Priority = (typeof PRIORITIES)[number];

/**
 * The section listing the hidden matches (proposed or confirmed, whichever status the list above
 * shows); `known` names the reader's persons already on the screen. Nothing while there are none.
 * @example <HiddenMatches operationId={operation.id} known={personsById} />
 */
export function HiddenMatches({
  operationId,
  known,
}: {
  operationId: string;
  known: ReadonlyMap<string, MatchPerson>;
}) {
  const { t } = useTranslation();
  // Without a status the API tells the hidden matches of every live status; one match is enough.
  const query = useQuery({
    queryKey: ['person-matches-hidden', operationId],
    queryFn: ({ signal }) =>
      api<MatchPage>(`/api/operations/${operationId}/person-matches?limit=1`, { signal }),
  });
  if (query.isPending || (query.isError && isRefusal(query.error))) return null;
  if (query.isError) {
    return (
      <section className="panel match-hidden" aria-labelledby="match-hidden-title">
        <h2 id="match-hidden-title">{t('matches.hidden.title')}</h2>
        <Failed error={query.error} retry={() => void query.refetch()} />
      </section>
    );
  }
  const hidden = query.data.hiddenMatches;
  if (hidden.length === 0) return null;
  return (
    <section className="panel match-hidden" aria-labelledby="match-hidden-title">
      <h2 id="match-hidden-title">{t('matches.hidden.title')}</h2>
      <p className="muted">{t('matches.hidden.intro')}</p>
      <ul className="match-hidden-list">
        {hidden.map((h, i) => (
          <HiddenMatch key={h.hit} hidden={h} person={known.get(h.personId)} index={i + 1} />
        ))}
      </ul>
    </section>
  );
}

function HiddenMatch({
  hidden,
  person,
  index,
}: {
  hidden: HiddenMatchT;
  person: MatchPerson | undefined;
  index: number;
}) {
  const { t } = useTranslation();
  return (
    <li className="match-hidden-item" data-hidden-person={hidden.personId}>
      <p className="match-hidden-who">
        {person ? (
          <>
            <bdi dir="auto" translate="no" className="match-hidden-name">
              {person.name}
            </bdi>{' '}
            <Link to={`/cases/${person.caseId}`}>
              <bdi dir="auto">{person.caseTitle}</bdi>
            </Link>
          </>
        ) : (
          t('matches.hidden.yourPerson', { number: index })
        )}
      </p>
      <AskHolder hit={hidden.hit} index={index} />
    </li>
  );
}

/** The button, the short form, and once sent the link to the request in the cooperation screen. */
function AskHolder({ hit, index }: { hit: string; index: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [priority, setPriority] = useState<Priority>('normal');
  const [sent, setSent] = useState<string | null>(null);
  const form = useFormErrors({ prefix: `match-ask-${index}`, order: ['message', 'priority'] });
  const confirmation = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [closed, setClosed] = useState(false);
  useEffect(() => {
    if (sent) confirmation.current?.focus();
  }, [sent]);
  const messageId = form.id('message');
  // The form opened: to its first field; closed: back to the button that opened it.
  useEffect(() => {
    if (open) document.getElementById(messageId)?.focus();
    else if (closed) opener.current?.focus();
  }, [open, closed, messageId]);

  const ask = useMutation({
    mutationFn: (body: { message: string; priority: Priority }) =>
      api<{ id: string; priority: string }>(`/api/hits/${encodeURIComponent(hit)}/request`, {
        method: 'POST',
        body,
      }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['cooperation'] });
      setSent(created.id);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!message.trim()) return form.show({ message: t('matches.hidden.messageMissing') });
    form.set({});
    ask.mutate({ message, priority });
  };

  if (sent) {
    return (
      <div ref={confirmation} className="match-sent" role="status" tabIndex={-1} data-sent-request={sent}>
        <p>{t('matches.hidden.sent')}</p>
        <p>
          <Link to={`/cooperation?box=sent&open=${sent}`}>{t('matches.hidden.seeRequest')}</Link>
        </p>
      </div>
    );
  }
  if (!open) {
    return (
      <button ref={opener} type="button" className="match-secondary" onClick={() => setOpen(true)}>
        {t('matches.hidden.ask')}
      </button>
    );
  }
  return (
    <form className="match-ask" onSubmit={submit} noValidate aria-label={t('matches.hidden.formTitle')}>
      <p className="form-field-hint">{t('matches.hidden.formIntro')}</p>
      <Field form={form} field="message" label={t('matches.hidden.message')} required>
        {(control) => (
          <textarea
            name="message"
            rows={3}
            maxLength={10000}
            value={message}
            onChange={(e) => {
              setMessage(e.target.value);
              form.forget((f) => f === 'message');
            }}
            {...control}
          />
        )}
      </Field>
      <Field form={form} field="priority" label={t('matches.hidden.priority')}>
        {(control) => (
          <select
            name="priority"
            value={priority}
            onChange={(e) => setPriority(e.target.value as Priority)}
            {...control}
          >
            <Options
              choices={PRIORITIES.map((p) => ({ value: p, label: t(`matches.hidden.priorities.${p}`) }))}
            />
          </select>
        )}
      </Field>
      {ask.isError && (
        <p className="match-error" role="alert">
          {writeProblem(ask.error, t)}
        </p>
      )}
      <div className="match-actions">
        <button type="submit" className="primary" disabled={ask.isPending}>
          {ask.isPending ? t('matches.hidden.sending') : t('matches.hidden.send')}
        </button>
        <button
          type="button"
          className="match-secondary"
          onClick={() => {
            setOpen(false);
            setClosed(true);
          }}
        >
          {t('matches.cancel')}
        </button>
      </div>
    </form>
  );
}
