// Field entry: log an inspection, an arrest, a rescue or an interception in a few taps, at 360 px
// on a poor network or none. What is typed is kept as a draft on the device; saving puts the entry
// in the outbox (device/outbox.ts), which sends it at once when it can and else when the network
// returns, each entry once. A refusal while the form is open is shown at its field, the draft
// kept; a refused entry from the outbox opens here (?outbox=<id>) to be fixed and sent again.
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, newIdempotencyKey, type Operation } from '../api.ts';
import { fieldHotspotsQuery, resultsQuery } from '../device/fieldData.ts';
import { useOnline } from '../device/network.ts';
import { getRecord, type OutboxRecord, Refused, saveFromForm } from '../device/outbox.ts';
import { Empty, Failed } from '../components/States.tsx';
import { WithOperation } from '../components/WithOperation.tsx';
import type { TSchema } from 'typebox';
import { InspectionCreate } from '../../../src/modules/inspections/schema.ts';
import { OutcomeCreate } from '../../../src/modules/outcomes/schema.ts';
import { INSPECTION_KINDS, OFFENCES } from '../../../src/shared/vocabulary.ts';
import { ErrorSummary, FieldError, fieldOfPath, keyedByField, useFormErrors } from '../components/FormFields.tsx';
import { fieldErrors } from '../validate.ts';
import { useFormat } from '../format.ts';
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
  /**
   * The entry's Idempotency-Key, kept with the draft: "Try again" after a send whose answer was
   * lost (and after a reload) sends the same key, so an entry the server did store counts once.
   * Changing the draft makes it another entry, with a new key.
   */
  key: string;
}

/** Now, as a datetime-local value in the device's time zone. */
function localNow(): string {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function loadDraft(): Draft {
  const fallback: Draft = { kind: 'inspection', hotspotId: '', at: localNow(), inspectionKind: 'traveller_check', persons: 1, offences: [], notes: '', key: newIdempotencyKey() };
  try {
    const stored = { ...fallback, ...(JSON.parse(localStorage.getItem(DRAFT_KEY) ?? '{}') as Partial<Draft>) };
    return typeof stored.key === 'string' && stored.key !== '' ? stored : { ...stored, key: fallback.key };
  } catch {
    return fallback;
  }
}

/** A datetime-local value (the device's zone) for a moment. */
function localMoment(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return localNow();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A refused outbox entry back in the form, to be fixed. */
function draftOfRecord(record: OutboxRecord): Draft {
  const b = record.body as Record<string, unknown>;
  const inspection = record.kind === 'inspection';
  return {
    kind: inspection ? 'inspection' : (b.kind as EntryKind),
    hotspotId: String(b.hotspotId ?? ''),
    at: localMoment(String(b.at ?? '')),
    inspectionKind: (inspection ? b.kind : 'traveller_check') as Draft['inspectionKind'],
    persons: Number(inspection ? b.personsChecked : b.persons) || 0,
    offences: Array.isArray(b.offences) ? (b.offences as string[]) : [],
    notes: typeof b.notes === 'string' ? b.notes : '',
    key: record.id,
  };
}

/** What the draft is sent as: its address, its body, and the API schema the body must meet. */
function entryRequest(operationId: string, d: Draft): { path: string; body: Record<string, unknown>; schema: TSchema } {
  const moment = new Date(d.at);
  const at = Number.isNaN(moment.getTime()) ? '' : moment.toISOString();
  const common = { at, hotspotId: d.hotspotId, ...(d.notes.trim() ? { notes: d.notes.trim() } : {}) };
  if (d.kind === 'inspection') {
    return {
      path: `/api/operations/${operationId}/inspections`,
      body: { ...common, kind: d.inspectionKind, personsChecked: d.persons },
      schema: InspectionCreate,
    };
  }
  return {
    path: `/api/operations/${operationId}/outcomes`,
    body: { ...common, kind: d.kind, persons: d.persons, ...(d.kind === 'arrest' ? { offences: d.offences } : {}) },
    // An arrest always sends its offences, so an empty choice breaks the schema's minItems at `offences`.
    schema: OutcomeCreate,
  };
}

const LAYOUT = { prefix: 'field', order: ['hotspotId', 'at', 'persons', 'offences', 'notes'] } as const;

export function FieldEntry() {
  const { t } = useTranslation();
  return (
    <WithOperation>
      {(operation) => (operation.can.logEntries ? <EntryForm operation={operation} /> : <Empty>{t('field.notAllowed')}</Empty>)}
    </WithOperation>
  );
}

function EntryForm({ operation }: { operation: Operation }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const [params] = useSearchParams();
  // Opened from a hotspot's page: that hotspot is chosen, the rest of the draft is kept.
  const [draft, setDraft] = useState<Draft>(() => {
    const loaded = loadDraft();
    const asked = params.get('hotspot');
    return asked && asked !== loaded.hotspotId ? { ...loaded, hotspotId: asked, key: newIdempotencyKey() } : loaded;
  });
  const [saved, setSaved] = useState<{ text: string; queued: boolean } | null>(null);
  const online = useOnline();
  const navigate = useNavigate();
  // Fixing a refused entry from the outbox: it fills the form, and saving takes its place.
  const fixing = params.get('outbox');
  const [fixed, setFixed] = useState<OutboxRecord | null>(null);
  useEffect(() => {
    if (!fixing) return;
    void getRecord(fixing).then((record) => {
      if (record?.state !== 'refused' || record.kind === 'screening') return;
      setFixed(record);
      setDraft(draftOfRecord(record));
    });
  }, [fixing]);
  const country = me?.bureau.country;
  const hotspots = useQuery(fieldHotspotsQuery(operation.id, country));
  const results = useQuery(resultsQuery(operation.id));

  useEffect(() => localStorage.setItem(DRAFT_KEY, JSON.stringify(draft)), [draft]);
  const update = (change: Partial<Draft>) => {
    setSaved(null);
    form.set({});
    setDraft((d) => ({ ...d, ...change, key: newIdempotencyKey() }));
  };

  const form = useFormErrors(LAYOUT);
  const submit = useMutation({
    // Saved to the device's outbox with or without a network: never held back for one.
    networkMode: 'always',
    mutationFn: async (d: Draft) => {
      const { path, body } = entryRequest(operation.id, d);
      const label = {
        place: hotspots.data?.items.find((h) => h.id === d.hotspotId)?.name ?? '',
        persons: d.persons,
        kindOf: d.kind === 'inspection' ? `field.inspectionKinds.${d.inspectionKind}` : `field.kinds.${d.kind}`,
      };
      const kind = d.kind === 'inspection' ? 'inspection' : 'outcome';
      try {
        return await saveFromForm({ kind, operationId: operation.id, userId: me?.userId ?? '', path, body, label }, { id: d.key, replacing: fixed });
      } catch (error) {
        // Refused while the form is open: shown at its field, the draft stays in the form, and
        // the next save replaces the refused record.
        if (error instanceof Refused) setFixed(error.record);
        throw error;
      }
    },
    onSuccess: async (record, d) => {
      const queued = record.state !== 'sent';
      setSaved({ text: queued ? t('field.queued') : t(`field.saved.${d.kind}`), queued });
      if (fixed) {
        setFixed(null);
        void navigate('/field', { replace: true });
      }
      // Keep the place and kind for the next entry; clear what is particular to this one. (The
      // figures are read again by the outbox's onRecordSent listener, components/DeviceStatus.tsx.)
      setDraft({ ...d, at: localNow(), persons: 1, offences: [], notes: '', key: newIdempotencyKey() });
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // The API's own schema, checked here first: the same rule, named at its field, no round trip.
    const { schema, body } = entryRequest(operation.id, draft);
    // One stepper stands for an inspection's personsChecked and an outcome's persons.
    const errors = keyedByField(fieldErrors(schema, body, t), (path) => fieldOfPath(LAYOUT, path === 'personsChecked' ? 'persons' : path));
    if (Object.keys(errors).length > 0) {
      form.show(errors);
      return;
    }
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
  const canSubmit = !submit.isPending;
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
          {!online && results.dataUpdatedAt > 0 && ` ${t('field.asOf', { time: format.dateTime(new Date(results.dataUpdatedAt).toISOString()) })}`}
        </p>
      )}
      <p className={`field-network${online ? '' : ' off'}`} role="status" data-online={online}>
        {online ? t('field.onlineNote') : t('field.offlineNote')}
      </p>
      {fixed?.refusal && !submit.error && (
        <p className="form-error" role="alert">
          {t('field.fixing', { message: fixed.refusal.message })}
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
            <select name="hotspot" required value={draft.hotspotId} onChange={(e) => update({ hotspotId: e.target.value })} {...form.control('hotspotId')}>
              <option value="">
                {hotspots.isPending ? (hotspots.fetchStatus === 'paused' ? t('field.noCopy') : t('states.loading')) : t('field.chooseHotspot')}
              </option>
              {[...(hotspots.data?.items ?? [])]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.name}
                  </option>
                ))}
            </select>
            <FieldError form={form} field="hotspotId" />
          </label>
        )}

        <label>
          {t('field.fields.at')}
          <input name="at" type="datetime-local" required value={draft.at} onChange={(e) => update({ at: e.target.value })} {...form.control('at')} />
          <FieldError form={form} field="at" />
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
          <label htmlFor={form.id('persons')}>{t(draft.kind === 'inspection' ? 'field.fields.personsChecked' : 'field.fields.persons')}</label>
          <div>
            <button type="button" aria-label={t('field.less')} onClick={() => update({ persons: Math.max(draft.kind === 'inspection' ? 0 : 1, draft.persons - 1) })}>
              −
            </button>
            <input
              {...form.control('persons')}
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
          <FieldError form={form} field="persons" />
        </div>

        {draft.kind === 'arrest' && (
          <fieldset className="offences" id={form.id('offences')} aria-describedby={form.control('offences')['aria-describedby']}>
            <legend>{t('field.fields.offences')}</legend>
            <FieldError form={form} field="offences" />
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
          <textarea name="notes" rows={2} value={draft.notes} onChange={(e) => update({ notes: e.target.value })} {...form.control('notes')} />
          <FieldError form={form} field="notes" />
        </label>

        <ErrorSummary form={form} name={(field) => t(`field.fields.${field}`)} />
        {errorText && (
          <p className="form-error" role="alert">
            {errorText} {t('field.kept')}
          </p>
        )}
        {saved && (
          <p className={`form-saved${saved.queued ? ' queued' : ''}`} role="status">
            {saved.text} {saved.queued && <Link to="/outbox">{t('field.seeOutbox')}</Link>}
          </p>
        )}
        <button type="submit" className="primary" disabled={!canSubmit}>
          {submit.isPending ? t('field.saving') : error ? t('field.retry') : fixed ? t('field.saveFixed') : t('field.save')}
        </button>
      </form>
    </section>
  );
}
