// The one form that records a campaign or changes one: checked as the API will check it before it
// is sent, each error next to its field and in a summary, and nothing typed lost on a refusal.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CAMPAIGN_CHANNELS } from '../../../../src/modules/campaigns/schema.ts';
import { ApiError, api } from '../../api.ts';
import { ErrorSummary, Field, useFormErrors } from '../../components/FormFields.tsx';
import { Options } from '../../components/Choices.tsx';
import { useCountryOptions, useFormat } from '../../format.ts';
import { CAMPAIGN_FORM, type Campaign, checkDraft, type Draft, draftOf, formField } from './campaign.ts';
import { PlacesFieldset, SharingFields } from './CampaignFormParts.tsx';

export function CampaignForm({ operationId, campaign, defaultCountry = '' }: { operationId: string; campaign?: Campaign; defaultCountry?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const options = useCountryOptions();
  const [draft, setDraft] = useState<Draft>(() => draftOf(campaign, defaultCountry));
  const form = useFormErrors(CAMPAIGN_FORM);
  /** What went wrong that no field explains: the network, the server, a refusal. */
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const ids = useId();

  const update = (change: Partial<Draft>) => {
    setNotice(null);
    setDraft((d) => ({ ...d, ...change }));
  };

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      campaign
        ? api<undefined>(`/api/campaigns/${campaign.id}`, { method: 'PATCH', body })
        : api<{ id: string }>(`/api/operations/${operationId}/campaigns`, { method: 'POST', body }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['campaigns'] });
      if (campaign) setNotice(t('campaigns.saved'));
      else if (created) void navigate('/campaigns', { state: { recorded: { id: created.id, title: draft.title.trim() } } });
    },
    onError: (error) => {
      const field = error instanceof ApiError && error.field ? formField(error.field, draft) : undefined;
      if (error instanceof ApiError && error.status === 400 && field) form.show({ [field]: error.message });
      else if (!(error instanceof ApiError) || error.status === 0) setProblem(t('campaigns.errors.offline'));
      else if (error.status >= 500) setProblem(t('campaigns.errors.server'));
      else if (error.status === 403) setProblem(t('campaigns.errors.forbidden'));
      else if (error.status === 404) setProblem(t('campaigns.errors.notFound'));
      else setProblem(t('campaigns.errors.refused', { message: error.message }));
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setNotice(null);
    const { body, errors } = checkDraft(draft, campaign, t);
    if (Object.keys(errors).length > 0) return form.show(errors);
    form.set({});
    if (campaign && Object.keys(body).length === 0) return setNotice(t('campaigns.nothingChanged'));
    save.mutate(body);
  }

  const label = (field: string) => t(`campaigns.fields.${field}`);
  /** A field's name in the summary: each place by its number. */
  const name = (field: string) => {
    const [head = '', index] = field.split('.');
    return head === 'places' && index !== undefined ? t('campaigns.fields.place', { number: format.number(Number(index) + 1) }) : label(head);
  };
  const text = (field: 'title' | 'audience' | 'notes') => ({
    name: field,
    value: draft[field],
    onChange: (e: { target: { value: string } }) => update({ [field]: e.target.value }),
  });

  return (
    <form className="panel campaign-form" onSubmit={onSubmit} noValidate aria-labelledby={`${ids}-title`}>
      {/* A new campaign's page is already headed "Record a campaign": the heading is for screen readers there. */}
      <h2 id={`${ids}-title`} className={campaign ? undefined : 'visually-hidden'}>
        {campaign ? t('campaigns.editTitle') : t('campaigns.newTitle')}
      </h2>
      <ErrorSummary form={form} name={name} title={t('campaigns.errors.summary')} />
      {problem && (
        <p className="form-error form-problem" role="alert">
          {problem}
        </p>
      )}
      <p className="muted campaign-intro">{t('campaigns.intro')}</p>

      <Field form={form} field="title" label={label('title')} required hint={t('campaigns.hints.title')}>
        {(control) => <input maxLength={300} {...text('title')} {...control} />}
      </Field>
      <div className="campaign-pair">
        <Field form={form} field="channel" label={label('channel')} required>
          {(control) => (
            <select name="channel" value={draft.channel} onChange={(e) => update({ channel: e.target.value })} {...control}>
              <option value="">{t('campaigns.chooseChannel')}</option>
              <Options choices={CAMPAIGN_CHANNELS.map((c) => ({ value: c, label: t(`campaigns.channels.${c}`) }))} />
            </select>
          )}
        </Field>
        <Field form={form} field="country" label={label('country')} required>
          {(control) => (
            <select name="country" value={draft.country} onChange={(e) => update({ country: e.target.value })} {...control}>
              {!draft.country && <option value="">{t('campaigns.chooseCountry')}</option>}
              <Options choices={options} />
            </select>
          )}
        </Field>
      </div>
      <PlacesFieldset form={form} places={draft.places} onChange={(places) => update({ places })} />
      <Field form={form} field="audience" label={label('audience')} hint={t('campaigns.hints.audience')}>
        {(control) => <input maxLength={500} {...text('audience')} {...control} />}
      </Field>
      <div className="campaign-pair">
        <Field form={form} field="startsOn" label={label('startsOn')} required>
          {(control) => <input name="startsOn" type="date" value={draft.startsOn} onChange={(e) => update({ startsOn: e.target.value })} {...control} />}
        </Field>
        <Field form={form} field="endsOn" label={label('endsOn')} required>
          {(control) => (
            <input
              name="endsOn"
              type="date"
              min={draft.startsOn || undefined}
              value={draft.endsOn}
              onChange={(e) => update({ endsOn: e.target.value })}
              {...control}
            />
          )}
        </Field>
      </div>
      <Field form={form} field="reach" label={label('reach')} hint={t('campaigns.hints.reach')}>
        {(control) => (
          <input
            name="reach"
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            className="campaign-reach"
            value={draft.reach}
            onChange={(e) => update({ reach: e.target.value })}
            {...control}
          />
        )}
      </Field>
      <Field form={form} field="notes" label={label('notes')}>
        {(control) => <textarea rows={3} {...text('notes')} {...control} />}
      </Field>
      <SharingFields form={form} draft={draft} update={update} />

      {notice && (
        <p className="form-saved" role="status">
          {notice}
        </p>
      )}
      <div className="campaign-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? t('campaigns.saving') : campaign ? t('campaigns.saveChanges') : t('campaigns.save')}
        </button>
      </div>
    </form>
  );
}
