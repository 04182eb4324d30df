// Following a background job over HTTP until it finishes.
import { expect } from 'vitest';
import type { TestServer } from './http.ts';

export interface JobBody {
  id: string;
  kind: string;
  state: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
  progress: { done: number; total: number | null };
  result: Record<string, unknown> | null;
  resultUrl: string | null;
  error: { error: string; message: string } | null;
  createdBy: string | null;
}

/**
 * The job once it is no longer queued or running, read as `user` every 20 ms for at most `timeoutMs`.
 * @example const job = await finishedJob(server, USERS.analyst, accepted.json().job.id)
 */
export async function finishedJob(server: TestServer, user: string, id: string, timeoutMs = 30_000): Promise<JobBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await server.as(user, { url: `/api/jobs/${id}` });
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json() as JobBody;
    if (job.state !== 'queued' && job.state !== 'running') return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
