// /api/operations/:id/person-matches (run, list), /api/person-matches/:id/decision and
// /api/persons/:id/matches: person matches across cases, within need-to-know.
import { ErrorBody, IdParams } from '../../server/schemas/common.ts';
import type { App } from '../../server/types.ts';
import { JobAccepted } from '../jobs/schema.ts';
import { startJob } from '../jobs/service.ts';
import { PersonMatch, PersonMatchDecision, PersonMatchListQuery, PersonMatchPage, PersonMatchesOfPerson } from './schema.ts';
import * as matches from './service.ts';

const HIDDEN =
  'A match with a person you may not see (a case not shared with you, or a child victim whose identity is not yours to see) is never listed; `hiddenMatches` gives your person and a hit token, nothing about the other side.';

export async function matchRoutes(app: App) {
  app.post(
    '/api/operations/:id/person-matches/run',
    {
      schema: {
        tags: ['entities'],
        summary: "Run person matching over the operation's persons and store the new candidate matches, as a background job",
        description:
          'For analysts, coordinators and admins of police bureaus. Answers 202 with the job; once it is completed its `result` holds what the run found (persons, candidatePairs, proposed, model). A pair stored before (proposed, confirmed or rejected) is never proposed again.',
        params: IdParams,
        response: { 202: JobAccepted, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const { actor, params } = request;
      await matches.requireRunAccess(app.database, actor, params.id);
      const accepted = await startJob({ database: app.database, queue: app.jobs }, actor, { kind: 'person_matching', operationId: params.id, input: {} });
      return reply.status(202).header('location', accepted.location).send(accepted);
    },
  );

  app.get(
    '/api/operations/:id/person-matches',
    {
      schema: {
        tags: ['entities'],
        summary: 'Person matches across cases whose both persons you may see, highest score first',
        description: HIDDEN,
        params: IdParams,
        querystring: PersonMatchListQuery,
        response: { 200: PersonMatchPage, 400: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => matches.listPersonMatches(app.database, request.actor, request.params.id, request.query),
  );

  app.post(
    '/api/person-matches/:id/decision',
    {
      schema: {
        tags: ['entities'],
        summary: 'Confirm or reject a person match (a decision may be changed later; each is audited)',
        params: IdParams,
        body: PersonMatchDecision,
        response: { 200: PersonMatch, 400: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => matches.decidePersonMatch(app.database, request.actor, request.params.id, request.body),
  );

  app.get(
    '/api/persons/:id/matches',
    {
      schema: {
        tags: ['entities'],
        summary: 'The proposed and confirmed matches of one person',
        description: HIDDEN,
        params: IdParams,
        response: { 200: PersonMatchesOfPerson, 404: ErrorBody },
      },
    },
    (request) => matches.personMatches(app.database, request.actor, request.params.id),
  );
}
