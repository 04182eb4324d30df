// GET /api/operations/:id/results
import { ErrorBody, IdParams } from '../../server/schemas/common.ts';
import type { App } from '../../server/types.ts';
import { Results } from './schema.ts';
import { operationResults } from './service.ts';

export async function resultRoutes(app: App) {
  app.get(
    '/api/operations/:id/results',
    {
      schema: {
        tags: ['results'],
        summary: "The operation's results: totals and breakdowns by country, offence, day and hotspot kind",
        params: IdParams,
        response: { 200: Results, 404: ErrorBody },
      },
    },
    (request) => operationResults(app.database, request.actor, request.params.id),
  );
}
