// The form that adds an identifier to a case by hand: its kind, its value as written, and the
// details that fit the kind (a handle's platform, a document's type and issuing country…). Checked
// with the API's own schema; an identifier that fails its checksum is still kept, marked invalid.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_KINDS, type EntityCreateT, type EntityKind, EntityCreate } from '../../../../src/modules/entities/schema.ts';
import { ApiError, api } from '../../api.ts';
import { Options } from '../../components/Choices.tsx';
import { ErrorSummary, Field, type FormLayout, fieldOfPath, keyedByField, useFormErrors } from '../../components/FormFields.tsx';
import { useCountryOptions } from '../../format.ts';
import { type FieldErrors, fieldErrors } from '../../validate.ts';
import type { CaseEntity } from './entities.ts';
import { writeProblem } from './entities.ts';

const DOCUMENT_TYPES = ['passport', 'identity_card', 'residence_permit', 'visa', 'driving_licence', 'other'] as const;
type Detail = 'platform' | 'documentType' | 'country' | 'title' | 'url' | 'place';

/** The details each kind of identifier takes, besides its value. */
const DETAILS: Partial<Record<EntityKind, readonly Detail[]>> = {
  phone: ['country'],
  handle: ['platform'],
  document: ['documentType', 'country'],
  company: ['country'],
  job_ad: ['title', 'url'],
  scam_compound: ['country', 'place'],
};

const LAYOUT: FormLayout = { prefix: 'entity-add', order: ['kind', 'value', 'platform', 'documentType', 'country', 'title', 'url', 'place'] };

type Draft = { kind: EntityKind | '' } & Record<'value' | Detail, string>;
const EMPTY: Draft = { kind: '', value: '', platform: '', documentType: '', country: '', title: '', url: '', place: '' };

/** The body the API takes: the kind's own details only, and only when given. */
function entityBody(draft: Draft): EntityCreateT {
  const details = draft.kind ? (DETAILS[draft.kind] ?? []) : [];
  const body: Record<string, string> = { kind: draft.kind, value: draft.value.trim() };
  for (const detail of details) if (draft[detail].trim()) body[detail] = draft[detail].trim();
  return body as unknown as EntityCreateT;
}

/**
 * The "Add an identifier" form of a case; `onAdded` hears of the identifier as the API stored it.
 * @example <AddEntity caseId={id} onAdded={(e) => say(e)} onCancel={close} />
 */
export function AddEntity({ caseId, onAdded, onCancel }: { caseId: string; onAdded: (entity: CaseEntity) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const countries = useCountryOptions();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useFormErrors(LAYOUT);
  const details = draft.kind ? (DETAILS[draft.kind] ?? []) : [];
  const update = (change: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...change }));
    form.forget((field) => field in change);
  };

  const add = useMutation({
    mutationFn: (body: EntityCreateT) =>
      api<{ id: string; entity: CaseEntity }>(`/api/cases/${encodeURIComponent(caseId)}/entities`, { method: 'POST', body }),
    onSuccess: async (created) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['case-entities', caseId] }),
        queryClient.invalidateQueries({ queryKey: ['graph'] }),
      ]);
      setDraft(EMPTY);
      onAdded(created.entity);
    },
    onError: (error) => {
      const field = error instanceof ApiError && error.field ? fieldOfPath(LAYOUT, error.field.replace(/^\//, '').replaceAll('/', '.')) : undefined;
      if (field) return form.show({ [field]: t('entities.add.rejected') });
      setFailure(writeProblem(error, t));
      form.show({});
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = entityBody(draft);
    const found: FieldErrors = keyedByField(fieldErrors(EntityCreate, body, t), (path) => fieldOfPath(LAYOUT, path));
    setFailure(null);
    if (Object.keys(found).length > 0) return form.show(found);
    form.set({});
    add.mutate(body);
  };

  const text = (field: 'platform' | 'title' | 'url' | 'place', maxLength: number, type = 'text') => (
    <Field key={field} form={form} field={field} label={t(`entities.add.fields.${field}`)}>
      {(control) => <input type={type} name={field} maxLength={maxLength} value={draft[field]} onChange={(e) => update({ [field]: e.target.value })} {...control} />}
    </Field>
  );

  return (
    <form className="entity-form" onSubmit={submit} noValidate aria-labelledby="entity-add-heading">
      <h3 id="entity-add-heading">{t('entities.add.title')}</h3>
      <ErrorSummary form={form} problem={failure} name={(field) => (field === 'value' && draft.kind ? t(`entities.add.values.${draft.kind}`) : t(`entities.add.fields.${field}`))} />
      <Field form={form} field="kind" label={t('entities.add.fields.kind')} required>
        {(control) => (
          <select name="kind" value={draft.kind} onChange={(e) => update({ kind: e.target.value as EntityKind })} {...control}>
            <option value="">{t('entities.add.chooseKind')}</option>
            <Options choices={ENTITY_KINDS.map((k) => ({ value: k, label: t(`entities.kinds.${k}`) }))} />
          </select>
        )}
      </Field>
      <Field form={form} field="value" label={draft.kind ? t(`entities.add.values.${draft.kind}`) : t('entities.add.fields.value')} required>
        {(control) =>
          draft.kind === 'job_ad' ? (
            <textarea name="value" rows={3} maxLength={500} value={draft.value} onChange={(e) => update({ value: e.target.value })} {...control} />
          ) : (
            <input type="text" name="value" maxLength={500} value={draft.value} onChange={(e) => update({ value: e.target.value })} {...control} />
          )
        }
      </Field>
      {details.includes('platform') && text('platform', 40)}
      {details.includes('documentType') && (
        <Field form={form} field="documentType" label={t('entities.add.fields.documentType')}>
          {(control) => (
            <select name="documentType" value={draft.documentType} onChange={(e) => update({ documentType: e.target.value })} {...control}>
              <option value="">{t('entities.add.notSaid')}</option>
              <Options choices={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`entities.documentTypes.${d}`) }))} />
            </select>
          )}
        </Field>
      )}
      {details.includes('country') && (
        <Field form={form} field="country" label={t(`entities.add.countryOf.${draft.kind}`)}>
          {(control) => (
            <select name="country" value={draft.country} onChange={(e) => update({ country: e.target.value })} {...control}>
              <option value="">{t('entities.add.notSaid')}</option>
              <Options choices={countries} />
            </select>
          )}
        </Field>
      )}
      {details.includes('title') && text('title', 200)}
      {details.includes('url') && text('url', 500, 'url')}
      {details.includes('place') && text('place', 200)}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={add.isPending}>
          {add.isPending ? t('entities.add.adding') : t('entities.add.submit')}
        </button>
        <button type="button" className="entity-secondary" onClick={onCancel}>
          {t('entities.add.cancel')}
        </button>
      </div>
    </form>
  );
}
