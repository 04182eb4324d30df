// "Exports and jobs": exports of the whole operation start here, as background jobs, and every
// job the user started (and, for coordinators and admins, their bureau's) shows with its progress,
// a way to cancel it while it runs, and its file once it is done.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type ApiError, api, type Me, type Operation } from '../../api.ts';
import { JobStatus } from '../../components/JobStatus.tsx';
import { Empty, Failed, Loading } from '../../components/States.tsx';
import { WithOperation } from '../../components/WithOperation.tsx';
import { useFormat } from '../../format.ts';
import { type JobAcceptedT, type JobT, jobProblem, useJobs } from '../../jobs.ts';
import { useSession } from '../../session.tsx';
import './jobs.css';

const FORMATS = ['ctdc', 'htcds', 'ftm'] as const;

/** Exports: officers, analysts, coordinators and admins of police bureaus (the server decides; this spares a refused call). */
export function mayExport(me: Me | undefined): boolean {
  return me !== undefined && me.bureau.kind !== 'partner' && me.roles.some((r) => r === 'admin' || r === 'coordinator' || r === 'officer' || r === 'analyst');
}

export default function JobsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <section className="page jobs">
      <h1>{t('jobs.title')}</h1>
      {mayExport(me) && <WithOperation>{(operation) => <Exports operation={operation} />}</WithOperation>}
      <JobList />
    </section>
  );
}

function Exports({ operation }: { operation: Operation }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: (format: (typeof FORMATS)[number]) => api<JobAcceptedT>(`/api/operations/${operation.id}/exports`, { method: 'POST', body: { format } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['jobs'] }),
  });
  return (
    <section className="job-exports" aria-labelledby="exports-title">
      <h2 id="exports-title">{t('jobs.exports.title')}</h2>
      <p className="operation-name">{operation.name}</p>
      <p className="muted">{t('jobs.exports.intro')}</p>
      <ul className="export-formats">
        {FORMATS.map((format) => (
          <li key={format}>
            <button type="button" disabled={start.isPending} onClick={() => start.mutate(format)}>
              {t(`jobs.exports.formats.${format}.button`)}
            </button>
            <span className="muted">{t(`jobs.exports.formats.${format}.about`)}</span>
          </li>
        ))}
      </ul>
      {start.isError && (
        <p className="job-error" role="alert">
          {t('jobs.failed', { message: jobProblem(start.error as ApiError, t) })}
        </p>
      )}
    </section>
  );
}

function JobList() {
  const { t } = useTranslation();
  const { me } = useSession();
  const jobs = useJobs();
  const bureau = me?.roles.some((r) => r === 'coordinator' || r === 'admin');
  return (
    <section className="job-list" aria-labelledby="jobs-title">
      <h2 id="jobs-title">{bureau ? t('jobs.listTitleBureau') : t('jobs.listTitle')}</h2>
      {jobs.isPending ? (
        <Loading />
      ) : jobs.isError ? (
        <Failed error={jobs.error} retry={() => void jobs.refetch()} />
      ) : jobs.data.items.length === 0 ? (
        <Empty>{t('jobs.empty')}</Empty>
      ) : (
        <ul className="job-cards">
          {jobs.data.items.map((job) => (
            <JobCard key={job.id} job={job} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** What a completed job did, in a sentence. */
function summary(job: JobT, t: ReturnType<typeof useTranslation>['t'], format: ReturnType<typeof useFormat>): string {
  const result = job.result as Record<string, number | string>;
  if (job.kind === 'export') {
    return t('jobs.summary.export', { count: Number(result.records), records: format.number(Number(result.records)), kilobytes: format.number(Math.ceil(Number(result.bytes) / 1024)) });
  }
  if (job.kind === 'import') return t('jobs.summary.import', { count: Number(result.imported), imported: format.number(Number(result.imported)) });
  return t('matches.run.result', {
    persons: format.number(Number(result.persons)),
    pairs: format.number(Number(result.candidatePairs)),
    count: Number(result.proposed),
    proposed: format.number(Number(result.proposed)),
    model: t(`matches.run.models.${String(result.model)}`),
  });
}

function JobCard({ job }: { job: JobT }) {
  const { t } = useTranslation();
  const format = useFormat();
  const what = job.kind === 'export' ? t(`jobs.exports.formats.${String(job.input.format)}.name`) : t(`jobs.kinds.${job.kind}`);
  return (
    <li className="job-card">
      <h3>{what}</h3>
      <p className="muted">{t('jobs.started', { at: format.dateTime(job.createdAt), user: job.createdBy ?? '' })}</p>
      <JobStatus job={job} />
      {job.state === 'completed' && job.result && <p className="job-summary">{summary(job, t, format)}</p>}
    </li>
  );
}
