// Traveller screening at a checkpoint (/screen-traveller), at 360 px: the officer picks the
// checkpoint, taps the red flags seen, reads the risk level and recommended action as they tap,
// and when acting on it records an interception. Nothing is stored until then; no names are asked.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Hotspot, type Operation, type Page } from '../../api.ts';
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
import { indicatorLabel, type ScreeningRecorded, type TravellerChecklist } from './travellers.ts';
import './travellers.css';

export function ScreenTraveller() {
  return <WithOperation>{(operation) => <Screening operation={operation} />}</WithOperation>;
}

function Screening({ operation }: { operation: Operation }) {
  const { t } = useTranslation();
  const checklist = useQuery({
    queryKey: ['traveller-checklist', operation.id],
    queryFn: () => api<TravellerChecklist>(`/api/operations/${operation.id}/traveller-checklist`),
  });
  if (checklist.isPending) return <Loading />;
  if (checklist.isError) return <Failed error={checklist.error} retry={() => void checklist.refetch()} />;
  if (!checklist.data.can.screen) return <Empty>{t('travellers.notAllowed')}</Empty>;
  return <ScreeningForm operation={operation} checklist={checklist.data} />;
}

interface Recorded extends ScreeningRecorded {
  place: string;
  travellers: number;
}

function ScreeningForm({ operation, checklist }: { operation: Operation; checklist: TravellerChecklist }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const [hotspotId, setHotspotId] = useState('');
  const [ticked, setTicked] = useState<string[]>([]);
  const [travellers, setTravellers] = useState(1);
  const [actionTaken, setActionTaken] = useState<ActionTaken>('intercepted');
  const [problem, setProblem] = useState<{ field: 'hotspotId' | 'indicators'; text: string } | null>(null);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const country = me?.bureau.country;

  const hotspots = useQuery({
    queryKey: ['hotspots', operation.id, 'field', country],
    queryFn: () =>
      api<Page<Hotspot>>(
        `/api/operations/${operation.id}/hotspots?limit=1000${country ? `&country=${country}` : ''}`,
      ),
    enabled: country !== undefined,
  });
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
    mutationFn: () =>
      api<ScreeningRecorded>(`/api/operations/${operation.id}/traveller-screenings`, {
        method: 'POST',
        body: { hotspotId, indicators: ticked, travellers, actionTaken },
      }),
    onSuccess: async (data) => {
      const place = checkpoints.find((h) => h.id === hotspotId)?.name ?? '';
      setRecorded({ ...data, place, travellers });
      // The next traveller starts from a clean sheet at the same checkpoint.
      setTicked([]);
      setTravellers(1);
      setActionTaken('intercepted');
      await queryClient.invalidateQueries({ queryKey: ['results', operation.id] });
    },
  });

  const toggle = (id: string, on: boolean) => {
    setProblem(null);
    setRecorded(null);
    record.reset();
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
                  ? t('states.loading')
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
          <div className="form-saved recorded" role="status">
            <p>{t('travellers.recorded', { place: recorded.place, count: recorded.travellers })}</p>
            <p>
              {t('travellers.recordedRisk', {
                level: t(`travellers.levels.${recorded.level}`),
                score: recorded.score,
              })}
            </p>
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
