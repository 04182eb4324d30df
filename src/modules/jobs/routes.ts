// /api/jobs: the background jobs the caller started (and, for coordinators and admins, their
// bureau's): state, progress and result; DELETE cancels. /api/operations/:id/exports starts an
// export of the whole operation as a job.
import { Type } from 'typebox';
import { ErrorBody, IdParams } from '../../server/schemas/common.ts';
import type { App } from '../../server/types.ts';
import { requireExportAccess } from '../exports/service.ts';
import { ExportJobRequest, Job, JobAccepted, JobList, JobListQuery } from './schema.ts';
import * as jobs from './service.ts';

const WHO = 'Only the user who started a job, and the coordinators and admins of their bureau, see it; to anyone else it does not exist (404).';

export async function jobRoutes(app: App) {
  const context = { database: app.database, queue: app.jobs };

  app.get(
    '/api/jobs',
    { schema: { tags: ['jobs'], summary: 'Your background jobs, newest first', description: WHO, querystring: JobListQuery, response: { 200: JobList, 400: ErrorBody } } },
    (request) => jobs.listJobs(context, request.actor, request.query),
  );

  app.get(
    '/api/jobs/:id',
    { schema: { tags: ['jobs'], summary: 'A job: its state, progress (done of total) and result', description: WHO, params: IdParams, response: { 200: Job, 404: ErrorBody } } },
    (request) => jobs.getJob(context, request.actor, request.params.id),
  );

  app.delete(
    '/api/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Cancel a job that is queued or running: what it has done so far is rolled back',
        description: WHO,
        params: IdParams,
        response: { 200: Job, 404: ErrorBody, 409: ErrorBody },
      },
    },
    (request) => jobs.cancelJob(context, request.actor, request.params.id),
  );

  app.get(
    '/api/jobs/:id/result',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Download the file a completed job made (an export)',
        description: WHO,
        params: IdParams,
        produces: ['text/csv', 'application/x-ndjson'],
        response: { 200: Type.String({ description: 'the file' }), 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const { stream, type, name } = await jobs.jobResult(context, request.actor, request.params.id);
      return (
        reply
          .type(type)
          .header('content-disposition', `attachment; filename="${name}"`)
          // A stream bypasses the response serializer; the schema above documents what it carries.
          .send(stream as unknown as string)
      );
    },
  );

  app.post(
    '/api/operations/:id/exports',
    {
      schema: {
        tags: ['exports'],
        summary: 'Export what you may see of the whole operation, as a background job',
        description:
          'Answers 202 with the job; once it is completed its file is at `resultUrl`. Formats: ctdc and htcds (one row per victim you may see, as CSV), ftm (cases, persons and identifiers as FollowTheMoney JSON lines). For officers, analysts and coordinators.',
        params: IdParams,
        body: ExportJobRequest,
        response: { 202: JobAccepted, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const { actor, params, body } = request;
      await requireExportAccess(app.database, actor, params.id);
      const accepted = await jobs.startJob(context, actor, { kind: 'export', operationId: params.id, input: { format: body.format } });
      return reply.status(202).header('location', accepted.location).send(accepted);
    },
  );
}
