// How far a background job is: its state, a progress bar (done of total, or indeterminate while the
// job does not know its total), and what can be done with it (cancel, download, the error).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, download } from '../api.ts';
import { useFormat } from '../format.ts';
import { isActive, type JobT, jobProblem } from '../jobs.ts';

/**
 * @example <JobStatus job={job} />
 */
export function JobStatus({ job }: { job: JobT }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [downloadError, setDownloadError] = useState<ApiError | null>(null);
  const cancel = useMutation({
    mutationFn: () => api<JobT>(`/api/jobs/${job.id}`, { method: 'DELETE' }),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['job', job.id] }), queryClient.invalidateQueries({ queryKey: ['jobs'] })]),
  });
  const { done, total } = job.progress;
  const active = isActive(job);
  return (
    <div className={`job-status job-${job.state}`}>
      <p className="job-state" role="status" aria-live="polite">
        <span className="job-state-name">{t(`jobs.states.${job.state}`)}</span>
        {job.state === 'running' && total !== null && total > 0 && (
          <span className="job-count"> {t('jobs.progress', { done: format.number(done), total: format.number(total) })}</span>
        )}
      </p>
      {active && (
        <progress
          className="job-progress"
          aria-label={t('jobs.progressLabel')}
          {...(total !== null && total > 0 ? { max: total, value: Math.min(done, total) } : {})}
        />
      )}
      <div className="job-actions">
        {active && (
          <button type="button" className="link" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
            {t('jobs.cancel')}
          </button>
        )}
        {job.resultUrl && (
          <button
            type="button"
            onClick={() => {
              setDownloadError(null);
              download(job.resultUrl as string).catch((error: unknown) => setDownloadError(error instanceof ApiError ? error : new ApiError(0, 'error', String(error))));
            }}
          >
            {t('jobs.download')}
          </button>
        )}
      </div>
      {job.state === 'failed' && job.error && (
        <p className="job-error" role="alert">
          {t('jobs.failed', { message: jobProblem(job.error, t) })}
        </p>
      )}
      {(downloadError ?? cancel.error) && (
        <p className="job-error" role="alert">
          {t('jobs.failed', { message: jobProblem((downloadError ?? cancel.error) as ApiError, t) })}
        </p>
      )}
    </div>
  );
}
