// "Run matching": the model compares the operation's persons again, as a background job, and
// stores the new proposals; while it runs its progress shows (and it may be cancelled), then what
// it found is said in a status message and the lists are read again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { JobStatus } from '../../components/JobStatus.tsx';
import { useFormat } from '../../format.ts';
import { isActive, type JobAcceptedT, useJob } from '../../jobs.ts';
import { type PersonMatchRunT, writeProblem } from './matches.ts';

/**
 * The button and, once run, what the run found.
 * @example {mayRunMatching(me) && <RunMatching operationId={operation.id} />}
 */
export function RunMatching({ operationId }: { operationId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: () => api<JobAcceptedT>(`/api/operations/${operationId}/person-matches/run`, { method: 'POST' }),
  });
  const job = useJob(run.data?.job.id).data ?? run.data?.job;
  const running = run.isPending || (job !== undefined && isActive(job));
  const completed = job?.state === 'completed';
  useEffect(() => {
    if (!completed) return;
    void queryClient.invalidateQueries({ queryKey: ['person-matches', operationId] });
    void queryClient.invalidateQueries({ queryKey: ['person-matches-hidden', operationId] });
  }, [completed, operationId, queryClient]);
  const result = completed ? (job.result as PersonMatchRunT | null) : null;
  return (
    <div className="match-run">
      <button type="button" className="primary" disabled={running} onClick={() => run.mutate()}>
        {running ? t('matches.run.running') : t('matches.run.button')}
      </button>
      {job && !completed && <JobStatus job={job} />}
      <p className="match-run-result" role="status">
        {result
          ? t('matches.run.result', {
              persons: format.number(result.persons),
              pairs: format.number(result.candidatePairs),
              count: result.proposed,
              proposed: format.number(result.proposed),
              model: t(`matches.run.models.${result.model}`),
            })
          : ''}
      </p>
      {run.isError && (
        <p className="match-error" role="alert">
          {writeProblem(run.error, t)}
        </p>
      )}
    </div>
  );
}
