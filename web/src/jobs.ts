// Background jobs in the web application: a request that starts one answers 202 with it; the
// screens follow it here until it is finished (every second while it runs, never after).
import { useQuery } from '@tanstack/react-query';
import type { JobAcceptedT, JobT } from '../../src/modules/jobs/schema.ts';
import { api } from './api.ts';

export type { JobAcceptedT, JobT };

const POLL_MS = 1000;

const KNOWN_ERRORS = ['already_imported', 'not_found', 'forbidden', 'job_failed', 'too_many_jobs', 'job_finished', 'no_result', 'rate_limited'] as const;

/**
 * What went wrong with a job, or with a request about one, in the reader's language: the field
 * (and row) of a bad input, or what the error's id means. The server's own words are English.
 */
export function jobProblem(error: { error?: string; id?: string; field?: string | undefined; row?: number | undefined }, t: (key: string, options?: Record<string, unknown>) => string): string {
  const id = error.error ?? error.id ?? '';
  if (id === 'invalid') return error.row !== undefined ? t('jobs.errors.invalidRow', { row: error.row, field: error.field ?? '' }) : t('jobs.errors.invalid', { field: error.field ?? '' });
  return (KNOWN_ERRORS as readonly string[]).includes(id) ? t(`jobs.errors.${id}`) : t('jobs.errors.other');
}

export function isActive(job: Pick<JobT, 'state'>): boolean {
  return job.state === 'queued' || job.state === 'running';
}

/**
 * The job, read again every second while it is queued or running.
 * @example const job = useJob(accepted?.job.id).data
 */
export function useJob(id: string | undefined) {
  return useQuery({
    queryKey: ['job', id],
    queryFn: () => api<JobT>(`/api/jobs/${id}`),
    enabled: id !== undefined,
    refetchInterval: (query) => (query.state.data && !isActive(query.state.data) ? false : POLL_MS),
  });
}

/** The caller's jobs, newest first, read again every second while one of them runs. */
export function useJobs() {
  return useQuery({
    queryKey: ['jobs'],
    queryFn: () => api<{ items: JobT[] }>('/api/jobs?limit=50'),
    refetchInterval: (query) => (query.state.data?.items.some(isActive) ? POLL_MS : false),
  });
}
