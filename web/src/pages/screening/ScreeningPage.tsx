// Ad screening for officers (/screening): screen a job ad with the model's part shown, and the
// offers the public reported to the bureau, to review. Tabs through the address (?tab=reports).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api, type Me, type Operation } from '../../api.ts';
import { Empty, Failed, Loading } from '../../components/States.tsx';
import { WithOperation } from '../../components/WithOperation.tsx';
import { useFilters } from '../../filters.ts';
import { useFormat } from '../../format.ts';
import { pagedItems, ShowMore, usePaged } from '../../paging.tsx';
import { useSession } from '../../session.tsx';
import type { CheckFlag, Level } from '../check/check.ts';
import { MarkedText } from '../check/MarkedText.tsx';
import '../check/check.css';
import './screening.css';

interface OfficerScreening {
  score: number;
  level: Level;
  language: string;
  flags: (CheckFlag & { label: string; weight: number })[];
  model: { probability: number } | null;
}
interface Report {
  id: string;
  reference: string;
  country: string;
  language: string;
  ad: { text: string; pay?: string; location?: string; contact?: string };
  score: number;
  level: Level;
  flags: string[];
  contact: string | null;
  status: 'new' | 'reviewed' | 'dismissed';
  createdAt: string;
  can: { review: boolean };
}

const FIELDS = ['title', 'company', 'pay', 'location', 'contact', 'url'] as const;

export function mayScreen(me: Me | null | undefined): boolean {
  return !!me && me.bureau.kind !== 'partner' && me.roles.some((r) => r !== 'partner');
}
export function mayReadReports(me: Me | null | undefined): boolean {
  return !!me && me.bureau.kind !== 'partner' && me.roles.some((r) => ['admin', 'coordinator', 'officer', 'analyst'].includes(r));
}

export default function ScreeningPage() {
  return <WithOperation>{(operation) => <Screening operation={operation} />}</WithOperation>;
}

function Screening({ operation }: { operation: Operation }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [params] = useFilters();
  const tab = params.get('tab') === 'reports' && mayReadReports(me) ? 'reports' : 'screen';
  if (me && !mayScreen(me)) {
    return (
      <section className="page screening">
        <h1>{t('screening.title')}</h1>
        <p className="panel">{t('screening.refused')}</p>
      </section>
    );
  }
  return (
    <section className="page screening">
      <div className="page-head">
        <div>
          <h1>{t('screening.title')}</h1>
          <p className="operation-name">{operation.name}</p>
        </div>
      </div>
      <nav className="tabs" aria-label={t('screening.tabs')}>
        <Link className="tab" to={{ search: '' }} aria-current={tab === 'screen' ? 'page' : undefined}>
          {t('screening.tabScreen')}
        </Link>
        {mayReadReports(me) && (
          <Link className="tab" to={{ search: '?tab=reports' }} aria-current={tab === 'reports' ? 'page' : undefined}>
            {t('screening.tabReports')}
          </Link>
        )}
      </nav>
      {tab === 'screen' ? <ScreenAd /> : <Reports operationId={operation.id} />}
    </section>
  );
}

function ScreenAd() {
  const { t } = useTranslation();
  const [ad, setAd] = useState<Record<string, string>>({ text: '' });
  const [result, setResult] = useState<{ text: string; verdict: OfficerScreening } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = Object.fromEntries(Object.entries(ad).filter(([, v]) => v.trim() !== ''));
      const verdict = await api<OfficerScreening>('/api/screen/ad', { method: 'POST', body });
      setResult({ text: ad.text ?? '', verdict });
    } catch (e) {
      setError(e instanceof ApiError ? (e.status === 400 ? t('check.tooLong') : e.status === 403 ? t('screening.refused') : t('check.failed')) : t('check.offline'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="screen-ad">
      <form className="panel" onSubmit={(e) => void submit(e)} noValidate>
        <label>
          {t('screening.text')}
          <textarea name="text" rows={8} maxLength={20000} required value={ad.text ?? ''} onChange={(e) => setAd({ ...ad, text: e.target.value })} />
        </label>
        <div className="screen-fields">
          {FIELDS.map((f) => (
            <label key={f}>
              {t(`screening.field.${f}`)}
              <input name={f} value={ad[f] ?? ''} onChange={(e) => setAd({ ...ad, [f]: e.target.value })} />
            </label>
          ))}
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || !(ad.text ?? '').trim()}>
          {busy ? t('check.checking') : t('screening.submit')}
        </button>
      </form>
      {result && <OfficerVerdict text={result.text} verdict={result.verdict} />}
    </div>
  );
}

function OfficerVerdict({ text, verdict }: { text: string; verdict: OfficerScreening }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language =
    verdict.language === 'und' ? t('screening.unknownLanguage') : (new Intl.DisplayNames([i18n.resolvedLanguage ?? 'en'], { type: 'language' }).of(verdict.language) ?? verdict.language);
  return (
    <section className={`verdict verdict-${verdict.level}`} aria-live="polite">
      <h2>
        <span className="level">{t(`check.level.${verdict.level}`)}</span> {t('screening.score', { score: format.number(Math.round(verdict.score * 100)) })}
      </h2>
      <p>
        {verdict.model
          ? t('screening.model', { probability: format.number(Math.round(verdict.model.probability * 100)) })
          : t('screening.noModel', { language })}
      </p>
      {verdict.flags.length === 0 ? (
        <p>{t('check.noFlags')}</p>
      ) : (
        <table className="flag-table">
          <thead>
            <tr>
              <th scope="col">{t('screening.flag')}</th>
              <th scope="col" className="num">
                {t('screening.weight')}
              </th>
              <th scope="col">{t('screening.words')}</th>
            </tr>
          </thead>
          <tbody>
            {verdict.flags.map((f) => (
              <tr key={f.flag}>
                <th scope="row">{t(`check.flags.${f.flag}.label`)}</th>
                <td className="num">{format.number(f.weight)}</td>
                <td>{f.evidence.map((e) => `“${e.text}”`).join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MarkedText text={text} flags={verdict.flags} />
    </section>
  );
}

function Reports({ operationId }: { operationId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const reports = usePaged<Report>(['public-reports', operationId], `/api/operations/${operationId}/public-reports`, new URLSearchParams(), 20);
  const review = useMutation({
    mutationFn: ({ id, status }: { id: string; status: Report['status'] }) => api<Report>(`/api/public-reports/${id}/status`, { method: 'PUT', body: { status } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['public-reports', operationId] }),
  });
  if (reports.isPending) return <Loading />;
  if (reports.isError) return <Failed error={reports.error} retry={() => void reports.refetch()} />;
  const items = pagedItems(reports.data);
  if (items.length === 0) return <Empty>{t('screening.noReports')}</Empty>;
  return (
    <>
      <p className="muted">{t('screening.reportsIntro')}</p>
      <ul className="reports">
        {items.map((r) => (
          <li key={r.id} className={`panel report report-${r.status}`} data-report={r.reference}>
            <div className="report-head">
              <strong>
                {t('screening.reference', { reference: r.reference })} · {format.country(r.country)}
              </strong>
              <span className={`badge level-${r.level}`}>{t(`check.level.${r.level}`)}</span>
              <span className="muted">{format.dateTime(r.createdAt)}</span>
              <span className="muted">{t(`screening.status.${r.status}`)}</span>
            </div>
            <p className="report-flags">{r.flags.map((f) => t(`check.flags.${f}.label`)).join(' · ') || t('check.noFlags')}</p>
            <p className="offer-text report-text">{r.ad.text}</p>
            <p>{r.contact ? t('screening.contact', { contact: r.contact }) : t('screening.noContact')}</p>
            {r.can.review && (
              <div className="report-actions">
                {r.status !== 'reviewed' && (
                  <button type="button" className="primary" disabled={review.isPending} onClick={() => review.mutate({ id: r.id, status: 'reviewed' })}>
                    {t('screening.markReviewed')}
                  </button>
                )}
                {r.status !== 'dismissed' && (
                  <button type="button" className="link" disabled={review.isPending} onClick={() => review.mutate({ id: r.id, status: 'dismissed' })}>
                    {t('screening.dismiss')}
                  </button>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      <ShowMore query={reports} label={t('screening.more')} />
    </>
  );
}
