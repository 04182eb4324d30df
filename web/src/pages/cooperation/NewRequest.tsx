// The form that sends a cooperation request to other bureaus of the operation, about a case or
// not: checked as the API will check it, each error next to its field, nothing typed lost.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  CooperationRequestCreate,
  type CooperationRequestCreateT,
  type Priority,
} from '../../../../src/modules/cooperation/schema.ts';
import { ApiError, api, type Me, type Operation } from '../../api.ts';
import { ErrorSummary, Field, FieldError, Fieldset, type FormErrors, type FormLayout, fieldOfPath, keyedByField, useFormErrors } from '../../components/FormFields.tsx';
import { Empty, Loading } from '../../components/States.tsx';
import { WithOperation } from '../../components/WithOperation.tsx';
import { useSession } from '../../session.tsx';
import { type FieldErrors, fieldErrors } from '../../validate.ts';
import { AddresseePicker } from './AddresseePicker.tsx';
import { problem, type SentNotice } from './cooperation.ts';
import './cooperation.css';

/** The form's fields in the order they are shown: the first one in error takes the focus. */
const REQUEST_FORM: FormLayout = { prefix: 'coop', order: ['caseId', 'to', 'subject', 'priority', 'dueOn', 'message'] };

interface Draft {
  to: string[];
  subject: string;
  priority: Priority;
  dueOn: string;
  message: string;
}

/** Today in UTC, as the server compares due dates. */
function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The body the API takes: blank text stays blank (the server refuses it), optional fields only when given. */
function requestBody(draft: Draft, caseId: string): CooperationRequestCreateT {
  return {
    to: draft.to,
    subject: draft.subject.trim(),
    priority: draft.priority,
    message: draft.message.trim() ? draft.message : '',
    ...(draft.dueOn ? { dueOn: draft.dueOn } : {}),
    ...(caseId ? { caseId } : {}),
  };
}

export function CooperationNew() {
  return <WithOperation>{(operation) => <NewRequest operation={operation} />}</WithOperation>;
}

function NewRequest({ operation }: { operation: Operation }) {
  const { t } = useTranslation();
  const { me, loading } = useSession();
  if (loading) return <Loading />;
  return (
    <section className="page cooperation coop-new">
      <p className="back">
        <Link to="/cooperation">← {t('cooperation.form.back')}</Link>
      </p>
      <div className="page-head">
        <h1>{t('cooperation.form.title')}</h1>
        <p className="operation-name">{operation.name}</p>
      </div>
      {me && operation.can.sendRequests ? <RequestForm operation={operation} me={me} /> : <Empty>{t('cooperation.form.mayNotSend')}</Empty>}
    </section>
  );
}

function RequestForm({ operation, me }: { operation: Operation; me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const caseId = params.get('case') ?? '';
  const [draft, setDraft] = useState<Draft>({ to: [], subject: '', priority: 'normal', dueOn: '', message: '' });
  const form = useFormErrors(REQUEST_FORM);
  /** What went wrong that no field explains: the network, the server, a refusal. */
  const [failure, setFailure] = useState<string | null>(null);
  // Police bureaus only: never your own, never a partner (checkAddressees in the cooperation service).
  const bureaus = operation.bureaus.filter((b) => b.id !== me.bureau.id && b.kind !== 'partner');
  const update = (change: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...change }));
    // A field being corrected no longer shows its error.
    form.forget((field) => field in change);
  };

  const send = useMutation({
    mutationFn: (body: CooperationRequestCreateT) =>
      api<{ id: string; priority: Priority }>(`/api/operations/${operation.id}/cooperation`, { method: 'POST', body }),
    onSuccess: async (created, body) => {
      await queryClient.invalidateQueries({ queryKey: ['cooperation'] });
      // Sending shares the case with the addressees: the case as cached is out of date.
      if (body.caseId) await queryClient.invalidateQueries({ queryKey: ['case', body.caseId] });
      const notice: SentNotice = {
        id: created.id,
        countries: bureaus.filter((b) => body.to.includes(b.id)).map((b) => b.country),
        raised: created.priority === 'urgent' && body.priority !== 'urgent',
      };
      navigate(`/cooperation?box=sent&open=${created.id}`, { state: { sent: notice } });
    },
    onError: (error, body) => {
      const field = error instanceof ApiError && error.field ? fieldOfPath(REQUEST_FORM, error.field) : undefined;
      const found: FieldErrors = field && error instanceof ApiError ? { [field]: t(`cooperation.serverErrors.${field}`, { defaultValue: error.message }) } : {};
      // About a case, a refusal means the bureau does not own it: say so next to the case.
      if (error instanceof ApiError && error.status === 403 && body.caseId) found.caseId = t('cooperation.serverErrors.caseOwner');
      if (Object.keys(found).length === 0) setFailure(problem(error, t));
      form.show(found);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = requestBody(draft, caseId);
    const found = keyedByField(fieldErrors(CooperationRequestCreate, body, t), (path) => fieldOfPath(REQUEST_FORM, path));
    if (body.dueOn && !found.dueOn && body.dueOn < utcToday()) found.dueOn = t('cooperation.form.dueInPast');
    setFailure(null);
    if (Object.keys(found).length > 0) return form.show(found);
    form.set({});
    send.mutate(body);
  };

  const failed = Boolean(failure) || form.fields.length > 0;
  return (
    <form className="panel coop-form" onSubmit={submit} noValidate aria-describedby={failed ? form.summaryId : undefined}>
      <ErrorSummary form={form} name={(field) => t(`cooperation.form.fields.${field}`)} problem={failure} />
      {caseId && <CaseAbout caseId={caseId} form={form} />}
      <AddresseePicker form={form} bureaus={bureaus} chosen={draft.to} onChange={(to) => update({ to })} />
      <Field form={form} field="subject" label={t('cooperation.form.fields.subject')}>
        {(control) => <input name="subject" value={draft.subject} maxLength={300} onChange={(e) => update({ subject: e.target.value })} {...control} />}
      </Field>
      <Fieldset form={form} field="priority" legend={t('cooperation.form.fields.priority')} hint={t('cooperation.form.priorityHint')} className="segmented coop-priority">
        {(['normal', 'urgent'] as const).map((p) => (
          <label key={p} className={draft.priority === p ? 'on' : ''}>
            <input type="radio" name="priority" value={p} checked={draft.priority === p} onChange={() => update({ priority: p })} />
            {t(`cooperation.priorities.${p}`)}
          </label>
        ))}
      </Fieldset>
      <Field form={form} field="dueOn" label={t('cooperation.form.fields.dueOn')} hint={t('cooperation.form.dueHint')}>
        {(control) => <input name="dueOn" type="date" min={utcToday()} value={draft.dueOn} onChange={(e) => update({ dueOn: e.target.value })} {...control} />}
      </Field>
      <Field form={form} field="message" label={t('cooperation.form.fields.message')} hint={t('cooperation.form.messageHint')}>
        {(control) => <textarea name="message" rows={7} value={draft.message} onChange={(e) => update({ message: e.target.value })} {...control} />}
      </Field>
      <button type="submit" className="primary" disabled={send.isPending}>
        {send.isPending ? t('cooperation.form.sending') : t('cooperation.form.send')}
      </button>
    </form>
  );
}

/** The case the request is about, by its title, and what sending does to its sharing. */
function CaseAbout({ caseId, form }: { caseId: string; form: FormErrors }) {
  const { t } = useTranslation();
  const file = useQuery({ queryKey: ['case', caseId], queryFn: () => api<{ id: string; title: string }>(`/api/cases/${encodeURIComponent(caseId)}`) });
  return (
    <section id={form.id('caseId')} className="coop-about" tabIndex={-1} aria-labelledby="coop-case-label" aria-describedby={form.control('caseId')['aria-describedby']}>
      <h2 id="coop-case-label" className="coop-label">
        {t('cooperation.form.fields.caseId')}
      </h2>
      {file.isPending ? (
        <Loading />
      ) : file.isError ? (
        <p className="coop-error">{t('cooperation.form.caseMissing')}</p>
      ) : (
        <p className="coop-case-title">
          <Link to={`/cases/${caseId}`}>
            <bdi>{file.data.title}</bdi>
          </Link>
        </p>
      )}
      <p className="coop-hint">{t('cooperation.form.caseShared')}</p>
      <FieldError form={form} field="caseId" />
    </section>
  );
}
