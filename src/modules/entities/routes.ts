// /api/cases/:id/entities: a case's identifiers and their links across the operation.
import { ErrorBody, IdParams } from '../../server/schemas/common.ts';
import type { App } from '../../server/types.ts';
import { CaseEntities } from './schema.ts';
import * as entities from './service.ts';

export async function entityRoutes(app: App) {
  app.get(
    '/api/cases/:id/entities',
    {
      schema: {
        tags: ['entities'],
        summary: "A case's identifiers (phones, handles, documents…) normalised, and the other cases where each appears",
        description:
          "Links show only cases you may see. When the same identifier appears in a record you may not see, `hiddenMatch` is true and nothing else about that record is told. A child victim's identifiers are masked except for the owner bureau's officers, and never link for others.",
        params: IdParams,
        response: { 200: CaseEntities, 404: ErrorBody },
      },
    },
    (request) => entities.caseEntities(app.database, request.actor, request.params.id),
  );
}
