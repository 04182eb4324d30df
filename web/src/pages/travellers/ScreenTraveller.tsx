// Traveller screening at a checkpoint (/screen-traveller), at 360 px: the officer picks the
// checkpoint, taps the red flags seen, reads the risk level and recommended action as they tap,
// and when acting on it records an interception. Nothing is stored until then; no names are asked.
// It works with no network from the device's copy of the checklist and the hotspots: a recording
// goes through the outbox (device/outbox.ts), with the moment it was made on the device.
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, newIdempotencyKey, type Operation } from '../../api.ts';
import { checklistQuery, fieldHotspotsQuery } from '../../device/fieldData.ts';
import { useOnline } from '../../device/network.ts';
import { getRecord, type OutboxRecord, Refused, saveFromForm } from '../../device/outbox.ts';
import { Empty, Failed, Loading } from '../../components/States.tsx';
import { WithOperation } from '../../components/WithOperation.tsx';
import { useSession } from '../../session.tsx';
import {
  ACTIONS_TAKEN,
  type ActionTaken,
  assessTraveller,
  CHECKPOINT_KINDS,
  INDICATOR_CATEGORIES,
} from '../../../../src/modules/travellers/checklist.ts';
import { indicatorLabel, type TravellerChecklist } from './travellers.ts';
import './travellers.css';

export const CHECKPOINT_KEY = 'cordon.checkpoint';

export function ScreenTraveller() {
  return <WithOperation>{(operation) => <Screening operation={operation} />}</WithOperation>;
}

function Screening({ operation }: { operation: Operation }) {
  const { t } = useTranslation();
  const checklist = useQuery(checklistQuery(operation.id));
  if (checklist.isPending) return checklist.fetchStatus === 'paused' ? <Empty>{t('field.noCopy')}</Empty> : <Loading />;
  if (!checklist.data) return <Failed error={checklist.error} retry={() => void checklist.refetch()} />;
  if (!checklist.data.can.screen) return <Empty>{t('travellers.notAllowed')}</Empty>;
  return <ScreeningForm operation={operation} checklist={checklist.data} />;
}

interface Recorded {
  place: string;
  travellers: number;
  level: 'low' | 'medium' | 'high';
  score: number;
  /** In the outbox, not yet on the server. */
  queued: boolean;
}

function ScreeningForm({ operation, checklist }: { operation: Operation; checklist: TravellerChecklist }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  // The checkpoint stays chosen on the device (an officer screens at one all day); signing out forgets it.
  const [hotspotId, setHotspotIdState] = useState(() => localStorage.getItem(CHECKPOINT_KEY) ?? '');
  const setHotspotId = (id: string) => {
    setHotspotIdState(id);
    localStorage.setItem(CHECKPOINT_KEY, id);
  };
  const [ticked, setTicked] = useState<string[]>([]);
  const [travellers, setTravellers] = useState(1);
  const [actionTaken, setActionTaken] = useState<ActionTaken>('intercepted');
  const [problem, setProblem] = useState<{ field: 'hotspotId' | 'indicators'; text: string } | null>(null);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  // One outbox id for the screening on screen: a second tap after a failure is the same record.
  const [attemptKey, setAttemptKey] = useState(newIdempotencyKey);
  const online = useOnline();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // A refused screening from the outbox, to fix (a checkpoint removed meanwhile, say) and send again.
  const fixing = params.get('outbox');
  const [fixed, setFixed] = useState<OutboxRecord | null>(null);
  useEffect(() => {
    if (!fixing) return;
    void getRecord(fixing).then((record) => {
      if (record?.state !== 'refused' || record.kind !== 'screening') return;
      const b = record.body as { hotspotId?: string; indicators?: string[]; travellers?: number; actionTaken?: ActionTaken };
      setFixed(record);
      setHotspotIdState(b.hotspotId ?? '');
      setTicked(b.indicators ?? []);
      setTravellers(b.travellers ?? 1);
      setActionTaken(b.actionTaken ?? 'intercepted');
    });
  }, [fixing]);
  const country = me?.bureau.country;

  const hotspots = useQuery(fieldHotspotsQuery(operation.id, country));
  const checkpoints = useMemo(
    () =>
      (hotspots.data?.items ?? [])
        .filter((h) => (CHECKPOINT_KINDS as readonly string[]).includes(h.kind))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [hotspots.data],
  );
  const enabled = checklist.indicators.filter((i) => i.enabled);
  // The same rule the server applies when recording, so the officer sees it as they tap.
  const assessment = assessTraveller(checklist.indicators, ticked);

  const record = useMutation({
    // Saved to the device's outbox with or without a network: never held back for one.
    networkMode: 'always',
    mutationFn: async () => {
      const place = checkpoints.find((h) => h.id === hotspotId)?.name ?? '';
      // The moment of the screening, by the device's clock: not that of a later send.
      const at = typeof fixed?.body.at === 'string' ? fixed.body.at : new Date().toISOString();
      const body = { hotspotId, indicators: ticked, travellers, actionTaken, at };
      const label = { place, persons: travellers, kindOf: `travellers.levels.${assessment.level}` };
      let stored: OutboxRecord;
      try {
        stored = await saveFromForm(
          {
            kind: 'screening',
            operationId: operation.id,
            userId: me?.userId ?? '',
            path: `/api/operations/${operation.id}/traveller-screenings`,
            body,
            label,
          },
          { id: attemptKey, replacing: fixed },
        );
      } catch (error) {
        // It stays in the outbox, refused, and the next tap replaces it (see FieldEntry).
        if (error instanceof Refused) setFixed(error.record);
        throw error;
      }
      // The same rule as the server's: the level shown is the one it stores.
      return { place, travellers, level: assessment.level, score: assessment.score, queued: stored.state !== 'sent' } satisfies Recorded;
    },
    onSuccess: async (data) => {
      setRecorded(data);
      setAttemptKey(newIdempotencyKey());
      if (fixed) {
        setFixed(null);
        void navigate('/screen-traveller', { replace: true });
      }
      // The next traveller starts from a clean sheet at the same checkpoint.
      setTicked([]);
      setTravellers(1);
      setActionTaken('intercepted');
    },
  });

  const toggle = (id: string, on: boolean) => {
    setProblem(null);
    setRecorded(null);
    record.reset();
    setAttemptKey(newIdempotencyKey());
    setTicked((current) => (on ? [...current, id] : current.filter((x) => x !== id)));
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!hotspotId) return setProblem({ field: 'hotspotId', text: t('travellers.needCheckpoint') });
    if (ticked.length === 0) return setProblem({ field: 'indicators', text: t('travellers.needIndicator') });
    setProblem(null);
    record.mutate();
  }

  const error = record.error;
  const errorText =
    error instanceof ApiError
      ? error.status === 0 || error.status >= 500
        ? t('travellers.errors.server')
        : error.field
          ? t('travellers.errors.field', {
              field: t(`travellers.fields.${error.field.split('.')[0]}`, error.field),
              message: error.message,
            })
          : error.message
      : error
        ? t('travellers.errors.offline')
        : null;

  return (
    <section className="page field traveller-screening">
      <div className="page-head">
        <h1>{t('travellers.title')}</h1>
        <p className="operation-name">{operation.name}</p>
      </div>
      <p className="muted">{t('travellers.intro')}</p>
      <p className={`field-network${online ? '' : ' off'}`} role="status" data-online={online}>
        {online ? t('field.onlineNote') : t('field.offlineNote')}
      </p>
      {fixed?.refusal && !record.error && (
        <p className="form-error" role="alert">
          {t('field.fixing', { message: fixed.refusal.message })}
        </p>
      )}
      <form className="panel field-form" onSubmit={onSubmit} noValidate>
        {hotspots.isError ? (
          <Failed error={hotspots.error} retry={() => void hotspots.refetch()} />
        ) : (
          <label>
            {t('travellers.fields.hotspotId')}
            <select
              name="hotspot"
              required
              value={hotspotId}
              aria-invalid={problem?.field === 'hotspotId' || undefined}
              aria-describedby={problem?.field === 'hotspotId' ? 'screening-problem' : undefined}
              onChange={(e) => {
                setHotspotId(e.target.value);
                setProblem(null);
              }}
            >
              <option value="">
                {hotspots.isPending
                  ? hotspots.fetchStatus === 'paused'
                    ? t('field.noCopy')
                    : t('states.loading')
                  : checkpoints.length
                    ? t('travellers.chooseCheckpoint')
                    : t('travellers.noCheckpoints')}
              </option>
              {checkpoints.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name} · {t(`hotspots.kinds.${h.kind}`)}
                </option>
              ))}
            </select>
          </label>
        )}

        {INDICATOR_CATEGORIES.map((category) => {
          const indicators = enabled.filter((i) => i.category === category);
          if (indicators.length === 0) return null;
          return (
            <fieldset key={category} className="flag-group" data-category={category}>
              <legend>{t(`travellers.categories.${category}`)}</legend>
              {indicators.map((indicator) => {
                const on = ticked.includes(indicator.id);
                return (
                  <label
                    key={indicator.id}
                    className={`flag${on ? ' on' : ''}`}
                    data-indicator={indicator.id}
                  >
                    <input
                      type="checkbox"
                      name="indicators"
                      value={indicator.id}
                      checked={on}
                      onChange={(e) => toggle(indicator.id, e.target.checked)}
                    />
                    <span className="flag-text">
                      {indicatorLabel(indicator, i18n.resolvedLanguage ?? 'en', t)}
                    </span>
                    <span className="flag-weight">
                      {t('travellers.points', { points: indicator.weight })}
                    </span>
                  </label>
                );
              })}
            </fieldset>
          );
        })}

        <div
          className={`risk risk-${assessment.level}`}
          role="status"
          aria-live="polite"
          data-level={assessment.level}
        >
          <p className="risk-level">
            <span>{t(`travellers.levels.${assessment.level}`)}</span>
            <span className="risk-score">{t('travellers.score', { score: assessment.score })}</span>
          </p>
          <p className="risk-action">{t(`travellers.actions.${assessment.recommendedAction}`)}</p>
        </div>

        <fieldset className="act">
          <legend>{t('travellers.actOn')}</legend>
          <div className="stepper">
            <label htmlFor="screening-travellers">{t('travellers.fields.travellers')}</label>
            <div>
              <button
                type="button"
                aria-label={t('travellers.less')}
                onClick={() => setTravellers((n) => Math.max(1, n - 1))}
              >
                −
              </button>
              <input
                id="screening-travellers"
                name="travellers"
                type="number"
                inputMode="numeric"
                min={1}
                max={500}
                value={travellers}
                onChange={(e) =>
                  setTravellers(Math.min(500, Math.max(1, Math.floor(Number(e.target.value) || 1))))
                }
              />
              <button
                type="button"
                aria-label={t('travellers.more')}
                onClick={() => setTravellers((n) => Math.min(500, n + 1))}
              >
                +
              </button>
            </div>
          </div>
          <fieldset className="segmented">
            <legend>{t('travellers.fields.actionTaken')}</legend>
            {ACTIONS_TAKEN.map((a) => (
              <label key={a} className={actionTaken === a ? 'on' : ''}>
                <input
                  type="radio"
                  name="actionTaken"
                  value={a}
                  checked={actionTaken === a}
                  onChange={() => setActionTaken(a)}
                />
                {t(`travellers.actionsTaken.${a}`)}
              </label>
            ))}
          </fieldset>
        </fieldset>

        {problem && (
          <p className="form-error" role="alert" id="screening-problem">
            {problem.text}
          </p>
        )}
        {errorText && (
          <p className="form-error" role="alert">
            {errorText}
          </p>
        )}
        {recorded && (
          <div className={`form-saved recorded${recorded.queued ? ' queued' : ''}`} role="status">
            <p>
              {recorded.queued
                ? t('travellers.recordedOnDevice', { place: recorded.place, count: recorded.travellers })
                : t('travellers.recorded', { place: recorded.place, count: recorded.travellers })}
            </p>
            <p>
              {t('travellers.recordedRisk', {
                level: t(`travellers.levels.${recorded.level}`),
                score: recorded.score,
              })}
            </p>
            {recorded.queued && (
              <p>
                <Link to="/outbox">{t('field.seeOutbox')}</Link>
              </p>
            )}
          </div>
        )}
        <button type="submit" className="primary" disabled={record.isPending}>
          {record.isPending
            ? t('travellers.recording')
            : error
              ? t('travellers.retry')
              : t('travellers.record')}
        </button>
      </form>

      <details className="panel flag-sources">
        <summary>{t('travellers.sources')}</summary>
        <ul>
          {[...new Set(enabled.flatMap((i) => i.sources))].map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
