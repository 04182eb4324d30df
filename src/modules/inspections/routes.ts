// /api/operations/:id/inspections, /api/inspections/:id and the CSV import.
import { Created, ErrorBody, IdParams, Page } from '../../server/schemas/common.ts';
import type { App } from '../../server/types.ts';
import { AlreadyImportedBody, Imported, ImportQuery, withCsvBody } from '../imports/http.ts';
import { JobAccepted } from '../jobs/schema.ts';
import { startImportJob } from '../jobs/service.ts';
import { Inspection, InspectionCreate, InspectionListQuery } from './schema.ts';
import * as inspections from './service.ts';
import { FIELD_RECORD_KEEP_HOURS } from '../idempotency/repo.ts';

export async function inspectionRoutes(app: App) {
  app.get(
    '/api/operations/:id/inspections',
    {
      schema: {
        tags: ['inspections'],
        summary: 'Inspections and checks you may see, newest first',
        params: IdParams,
        querystring: InspectionListQuery,
        response: { 200: Page(Inspection), 404: ErrorBody },
      },
    },
    (request) => inspections.listInspections(app.database, request.actor, request.params.id, request.query),
  );

  app.post(
    '/api/operations/:id/inspections',
    {
      // A device's outbox may send it again after days offline (web/src/device/outbox.ts).
      config: { idempotencyKeepHours: FIELD_RECORD_KEEP_HOURS },
      schema: {
        tags: ['inspections'],
        summary: 'Log an inspection or check',
        params: IdParams,
        body: InspectionCreate,
        response: { 201: Created, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const id = await inspections.createInspection(app.database, request.actor, request.params.id, request.body);
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/api/inspections/:id',
    { schema: { tags: ['inspections'], params: IdParams, response: { 200: Inspection, 404: ErrorBody } } },
    (request) => inspections.getInspection(app.database, request.actor, request.params.id),
  );

  app.post(
    '/api/operations/:id/imports/inspections',
    {
      schema: {
        tags: ['inspections'],
        summary: 'Import inspections from CSV: all rows or none',
        description:
          'Body: text/csv with a header row. Columns: hotspotId, at, kind, personsChecked; optional notes, sharing, sharedWith (codes separated by ;). A bad row answers 400 with its row (header = row 1) and column, and nothing is written. A file your bureau imported into the operation before answers 409 already_imported unless force=true. A file larger than CORDON_IMPORT_JOB_MB (8 MB by default) is imported by a background job: 202 with the job, whose result, once completed, is this answer (a bad row then fails the job with the same error, and nothing is written).',
        consumes: ['text/csv'],
        params: IdParams,
        querystring: ImportQuery,
        response: { 201: Imported, 202: JobAccepted, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: AlreadyImportedBody, 413: ErrorBody },
      },
    },
    async (request, reply) => {
      const { actor, params, query } = request;
      const upload = { maxBytes: app.config.importMaxBytes, authorise: () => inspections.requireImportAccess(app.database, actor, params.id) };
      // Answered once the temporary file is gone.
      const answer = await withCsvBody(request, upload, async (csv, file) => {
        if (file.bytes > app.config.importJobBytes) {
          const jobs = { database: app.database, queue: app.jobs };
          return { job: await startImportJob(jobs, actor, { kind: 'inspection', operationId: params.id, force: query.force === true, ...file }, csv) };
        }
        const imported = await inspections.importInspections(app.database, actor, params.id, csv, { force: query.force, sha256: file.sha256 });
        return { imported: { imported, sha256: file.sha256 } };
      });
      if (answer.job) return reply.status(202).header('location', answer.job.location).send(answer.job);
      return reply.status(201).send(answer.imported);
    },
  );
}
