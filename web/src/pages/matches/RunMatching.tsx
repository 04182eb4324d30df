// "Run matching": the model compares the operation's persons again and stores the new proposals;
// what it did is said in a status message, and the lists are read again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useFormat } from '../../format.ts';
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
    mutationFn: () =>
      api<PersonMatchRunT>(`/api/operations/${operationId}/person-matches/run`, { method: 'POST' }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['person-matches', operationId] }),
        queryClient.invalidateQueries({ queryKey: ['person-matches-hidden', operationId] }),
      ]),
  });
  const result = run.data;
  return (
    <div className="match-run">
      <button type="button" className="primary" disabled={run.isPending} onClick={() => run.mutate()}>
        {run.isPending ? t('matches.run.running') : t('matches.run.button')}
      </button>
      <p className="match-run-result" role="status">
        {result && !run.isPending
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
