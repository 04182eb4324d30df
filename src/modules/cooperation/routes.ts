// /api/operations/:id/cooperation (send, list, statistics) and /api/cooperation/:id (the thread,
// messages, closing).
import { Type } from 'typebox';
import { Created, ErrorBody, IdParams, Page } from '../../server/schemas/common.ts';
import type { App } from '../../server/types.ts';
import {
  CooperationListQuery,
  CooperationMessageCreate,
  CooperationRequest,
  CooperationRequestCreate,
  CooperationRequestCreated,
  CooperationRequestSummary,
  CooperationStats,
} from './schema.ts';
import * as cooperation from './service.ts';

const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export async function cooperationRoutes(app: App) {
  app.post(
    '/api/operations/:id/cooperation',
    {
      schema: {
        tags: ['cooperation'],
        summary: 'Send a cooperation request to other bureaus of the operation, with its first message',
        description:
          "About a case (caseId), only the owner bureau's officers may send it, and sending shares the case with the addressees' countries " +
          '(`owner` becomes `listed`, `listed` gains them, `operation` stays). A request about a case with a child victim is always urgent: ' +
          'a `normal` priority is raised to `urgent`, and the answer says which was stored.',
        params: IdParams,
        body: CooperationRequestCreate,
        response: { 201: CooperationRequestCreated, ...Errors },
      },
    },
    async (request, reply) => {
      const created = await cooperation.sendRequest(
        app.database,
        request.actor,
        request.params.id,
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/operations/:id/cooperation',
    {
      schema: {
        tags: ['cooperation'],
        summary: 'Requests sent by or to your bureau, urgent first, then newest',
        params: IdParams,
        querystring: CooperationListQuery,
        response: { 200: Page(CooperationRequestSummary), 400: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => cooperation.listRequests(app.database, request.actor, request.params.id, request.query),
  );

  app.get(
    '/api/operations/:id/cooperation/stats',
    {
      schema: {
        tags: ['cooperation'],
        summary:
          'Per bureau: requests sent, received and answered, and hours to first answer (median, 90th percentile)',
        description: 'Counts only, open to every bureau taking part except partners.',
        params: IdParams,
        response: { 200: CooperationStats, 404: ErrorBody },
      },
    },
    (request) => cooperation.cooperationStats(app.database, request.actor, request.params.id),
  );

  app.get(
    '/api/cooperation/:id',
    {
      schema: {
        tags: ['cooperation'],
        summary:
          'A request with its whole thread; seen only by the sending and addressed bureaus, and every read is audited',
        params: IdParams,
        response: { 200: CooperationRequest, 404: ErrorBody },
      },
    },
    (request) => cooperation.getRequest(app.database, request.actor, request.params.id),
  );

  app.post(
    '/api/cooperation/:id/messages',
    {
      schema: {
        tags: ['cooperation'],
        summary: 'Post to the thread, from the sending or an addressed bureau',
        description:
          "An addressee's first message records its first answer; the first answer of any addressee makes an open request `answered`. " +
          'A closed request takes no messages (409).',
        params: IdParams,
        body: CooperationMessageCreate,
        response: { 201: Created, ...Errors, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const id = await cooperation.postMessage(app.database, request.actor, request.params.id, request.body);
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/cooperation/:id/close',
    {
      schema: {
        tags: ['cooperation'],
        summary: 'Close a request; only the bureau that sent it may (409 when already closed)',
        params: IdParams,
        response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      await cooperation.closeRequest(app.database, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
