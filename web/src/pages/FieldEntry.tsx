// Field entry: log an inspection, an arrest, a rescue or an interception in a few taps, at 360 px
// on a poor network. What is typed is kept as a draft on the device until the server has it, so a
// failed submit is retried without retyping.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, ApiError, type Hotspot, type Operation, type Page, type Results } from '../api.ts';
import { Empty, Failed, Loading } from '../components/States.tsx';
import { INSPECTION_KINDS, OFFENCES } from '../../../src/shared/vocabulary.ts';
import { useFormat } from '../format.ts';
import { chooseOperation } from '../operation.ts';
import { useSession } from '../session.tsx';

const ENTRY_KINDS = ['inspection', 'arrest', 'rescue', 'interception'] as const;
type EntryKind = (typeof ENTRY_KINDS)[number];
const DRAFT_KEY = 'cordon.fieldDraft';

interface Draft {
  kind: EntryKind;
  hotspotId: string;
  at: string;
  inspectionKind: (typeof INSPECTION_KINDS)[number];
  persons: number;
  offences: string[];
  notes: string;
}

/** Now, as a datetime-local value in the device's time zone. */
function localNow(): string {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function loadDraft(): Draft {
  const fallback: Draft = { kind: 'inspection', hotspotId: '', at: localNow(), inspectionKind: 'traveller_check', persons: 1, offences: [], notes: '' };
  try {
    return { ...fallback, ...(JSON.parse(localStorage.getItem(DRAFT_KEY) ?? '{}') as Partial<Draft>) };
  } catch {
    return fallback;
  }
}

export function FieldEntry() {
  const { t } = useTranslation();
  const operations = useQuery({ queryKey: ['operations'], queryFn: () => api<Operation[]>('/api/operations') });
  if (operations.isPending) return <Loading />;
  if (operations.isError) return <Failed error={operations.error} retry={() => void operations.refetch()} />;
  const operation = chooseOperation(operations.data);
  if (!operation) return <Empty>{t('dashboard.noOperations')}</Empty>;
  return <EntryForm operation={operation} />;
}

function EntryForm({ operation }: { operation: Operation }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  // Opened from a hotspot's page: that hotspot is chosen, the rest of the draft is kept.
  const [draft, setDraft] = useState<Draft>(() => {
    const loaded = loadDraft();
    const asked = params.get('hotspot');
    return asked ? { ...loaded, hotspotId: asked } : loaded;
  });
  const [saved, setSaved] = useState<string | null>(null);
  const country = me?.bureau.country;
  const hotspots = useQuery({
    queryKey: ['hotspots', operation.id, 'field', country],
    queryFn: () => api<Page<Hotspot>>(`/api/operations/${operation.id}/hotspots?limit=1000${country ? `&country=${country}` : ''}`),
    enabled: country !== undefined,
  });
  const results = useQuery({ queryKey: ['results', operation.id], queryFn: () => api<Results>(`/api/operations/${operation.id}/results`) });

  useEffect(() => localStorage.setItem(DRAFT_KEY, JSON.stringify(draft)), [draft]);
  const update = (change: Partial<Draft>) => {
    setSaved(null);
    setDraft((d) => ({ ...d, ...change }));
  };

  const submit = useMutation({
    mutationFn: async (d: Draft) => {
      const at = new Date(d.at).toISOString();
      const common = { at, hotspotId: d.hotspotId, ...(d.notes.trim() ? { notes: d.notes.trim() } : {}) };
      if (d.kind === 'inspection') {
        return api<{ id: string }>(`/api/operations/${operation.id}/inspections`, {
          method: 'POST',
          body: { ...common, kind: d.inspectionKind, personsChecked: d.persons },
        });
      }
      return api<{ id: string }>(`/api/operations/${operation.id}/outcomes`, {
        method: 'POST',
        body: { ...common, kind: d.kind, persons: Math.max(1, d.persons), ...(d.kind === 'arrest' ? { offences: d.offences } : {}) },
      });
    },
    onSuccess: async (_data, d) => {
      setSaved(t(`field.saved.${d.kind}`));
      // Keep the place and kind for the next entry; clear what is particular to this one.
      setDraft({ ...d, at: localNow(), persons: 1, offences: [], notes: '' });
      await queryClient.invalidateQueries({ queryKey: ['results', operation.id] });
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit.mutate(draft);
  }

  const error = submit.error;
  const errorText =
    error instanceof ApiError
      ? error.status === 0 || error.status >= 500
        ? t('field.errors.server')
        : error.field
          ? t('field.errors.field', { field: t(`field.fields.${error.field}`, error.field), message: error.message })
          : error.message
      : error
        ? t('field.errors.offline')
        : null;
  const canSubmit = draft.hotspotId !== '' && (draft.kind !== 'arrest' || draft.offences.length > 0) && !submit.isPending;
  const total = results.data?.totals;

  return (
    <section className="page field">
      <div className="page-head">
        <h1>{t('field.title')}</h1>
        <p className="operation-name">{operation.name}</p>
      </div>
      {total && (
        <p className="field-totals" aria-live="polite">
          {t('field.totals', { inspections: format.number(total.inspections), arrests: format.number(total.arrests), rescues: format.number(total.rescues) })}
        </p>
      )}
      <form className="panel field-form" onSubmit={onSubmit} noValidate>
        <fieldset className="segmented">
          <legend>{t('field.what')}</legend>
          {ENTRY_KINDS.map((k) => (
            <label key={k} className={draft.kind === k ? 'on' : ''}>
              <input type="radio" name="kind" value={k} checked={draft.kind === k} onChange={() => update({ kind: k })} />
              {t(`field.kinds.${k}`)}
            </label>
          ))}
        </fieldset>

        {hotspots.isError ? (
          <Failed error={hotspots.error} retry={() => void hotspots.refetch()} />
        ) : (
          <label>
            {t('field.fields.hotspotId')}
            <select name="hotspot" required value={draft.hotspotId} onChange={(e) => update({ hotspotId: e.target.value })}>
              <option value="">{hotspots.isPending ? t('states.loading') : t('field.chooseHotspot')}</option>
              {[...(hotspots.data?.items ?? [])]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.name}
                  </option>
                ))}
            </select>
          </label>
        )}

        <label>
          {t('field.fields.at')}
          <input name="at" type="datetime-local" required value={draft.at} onChange={(e) => update({ at: e.target.value })} />
        </label>

        {draft.kind === 'inspection' && (
          <label>
            {t('field.fields.kind')}
            <select name="inspectionKind" value={draft.inspectionKind} onChange={(e) => update({ inspectionKind: e.target.value as Draft['inspectionKind'] })}>
              {INSPECTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`field.inspectionKinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
        )}

        <div className="stepper">
          <label htmlFor="persons">{t(draft.kind === 'inspection' ? 'field.fields.personsChecked' : 'field.fields.persons')}</label>
          <div>
            <button type="button" aria-label={t('field.less')} onClick={() => update({ persons: Math.max(draft.kind === 'inspection' ? 0 : 1, draft.persons - 1) })}>
              −
            </button>
            <input
              id="persons"
              name="persons"
              type="number"
              inputMode="numeric"
              min={draft.kind === 'inspection' ? 0 : 1}
              value={draft.persons}
              onChange={(e) => update({ persons: Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
            />
            <button type="button" aria-label={t('field.more')} onClick={() => update({ persons: draft.persons + 1 })}>
              +
            </button>
          </div>
        </div>

        {draft.kind === 'arrest' && (
          <fieldset className="offences">
            <legend>{t('field.fields.offences')}</legend>
            {OFFENCES.map((o) => (
              <label key={o} className="check">
                <input
                  type="checkbox"
                  checked={draft.offences.includes(o)}
                  onChange={(e) => update({ offences: e.target.checked ? [...draft.offences, o] : draft.offences.filter((x) => x !== o) })}
                />
                {t(`offences.${o}`)}
              </label>
            ))}
          </fieldset>
        )}

        <label>
          {t('field.fields.notes')}
          <textarea name="notes" rows={2} value={draft.notes} onChange={(e) => update({ notes: e.target.value })} />
        </label>

        {errorText && (
          <p className="form-error" role="alert">
            {errorText} {t('field.kept')}
          </p>
        )}
        {saved && (
          <p className="form-saved" role="status">
            {saved}
          </p>
        )}
        <button type="submit" className="primary" disabled={!canSubmit}>
          {submit.isPending ? t('field.saving') : error ? t('field.retry') : t('field.save')}
        </button>
      </form>
    </section>
  );
}
