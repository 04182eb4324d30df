// "Ask the holding bureau": a cooperation request about an identifier that also appears in a
// record the reader may not see. It goes to whoever holds that record; the sender is not told who.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HitRequestCreate, type HitRequestCreateT } from '../../../../src/modules/entities/schema.ts';
import { ApiError, api } from '../../api.ts';
import { Options } from '../../components/Choices.tsx';
import { ErrorSummary, Field, type FormLayout, fieldOfPath, keyedByField, useFormErrors } from '../../components/FormFields.tsx';
import { fieldErrors } from '../../validate.ts';
import { writeProblem } from './entities.ts';

const LAYOUT: FormLayout = { prefix: 'hit-ask', order: ['message', 'priority'] };
const PRIORITIES = ['normal', 'urgent'] as const;

/**
 * The button that opens the question to the holding bureau, the form, and once sent a link to the request.
 * @example <AskHoldingBureau hit={entity.hit} kind={entity.kind} value={entity.value} />
 */
export function AskHoldingBureau({ hit, kind, value }: { hit: string; kind: string; value: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [priority, setPriority] = useState<(typeof PRIORITIES)[number]>('normal');
  const [failure, setFailure] = useState<string | null>(null);
  const [sent, setSent] = useState<{ id: string; priority: string } | null>(null);
  const form = useFormErrors({ ...LAYOUT, prefix: `hit-ask-${hit}` });
  const confirmation = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (sent) confirmation.current?.focus();
  }, [sent]);

  const ask = useMutation({
    mutationFn: (body: HitRequestCreateT) => api<{ id: string; priority: string }>(`/api/hits/${encodeURIComponent(hit)}/request`, { method: 'POST', body }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['cooperation'] });
      setSent(created);
      setOpen(false);
      setMessage('');
    },
    onError: (error) => {
      const field = error instanceof ApiError && error.field ? fieldOfPath(LAYOUT, error.field) : undefined;
      if (field) return form.show({ [field]: t('entities.add.rejected') });
      setFailure(writeProblem(error, t));
      form.show({});
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const subject = t('entities.ask.subject', { kind: t(`entities.kinds.${kind}`, kind), value }).slice(0, 300);
    const body: HitRequestCreateT = { message: message.trim() ? message : '', priority, subject };
    const found = keyedByField(fieldErrors(HitRequestCreate, body, t), (path) => fieldOfPath(LAYOUT, path));
    setFailure(null);
    if (Object.keys(found).length > 0) return form.show(found);
    form.set({});
    ask.mutate(body);
  };

  if (sent) {
    return (
      <div ref={confirmation} className="entity-sent" role="status" tabIndex={-1} data-sent-request={sent.id}>
        <p>{t('entities.ask.sent')}</p>
        <p>
          <Link to={`/cooperation?box=sent&open=${sent.id}`}>{t('entities.ask.seeRequest')}</Link>
        </p>
      </div>
    );
  }
  if (!open) {
    return (
      <div className="entity-actions">
        <button type="button" className="entity-secondary" onClick={() => setOpen(true)}>
          {t('entities.ask.button')}
        </button>
      </div>
    );
  }
  return (
    <form className="entity-form" onSubmit={submit} noValidate aria-labelledby={form.id('heading')}>
      <h3 id={form.id('heading')}>{t('entities.ask.title', { value })}</h3>
      <p className="muted form-field-hint">{t('entities.ask.intro')}</p>
      <ErrorSummary form={form} problem={failure} name={(field) => t(`entities.ask.fields.${field}`)} />
      <Field form={form} field="message" label={t('entities.ask.fields.message')} required>
        {(control) => (
          <textarea
            name="message"
            rows={4}
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
      <Field form={form} field="priority" label={t('entities.ask.fields.priority')}>
        {(control) => (
          <select name="priority" value={priority} onChange={(e) => setPriority(e.target.value as (typeof PRIORITIES)[number])} {...control}>
            <Options choices={PRIORITIES.map((p) => ({ value: p, label: t(`cooperation.priorities.${p}`) }))} />
          </select>
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={ask.isPending}>
          {ask.isPending ? t('entities.ask.sending') : t('entities.ask.send')}
        </button>
        <button type="button" className="entity-secondary" onClick={() => setOpen(false)}>
          {t('entities.add.cancel')}
        </button>
      </div>
    </form>
  );
}
