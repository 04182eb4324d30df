// /api/operations: list, read, create.
import { Type } from 'typebox';
import { Created, ErrorBody, IdParams } from '../../server/schemas/common.ts';
import type { App } from '../../server/types.ts';
import { Operation, OperationCreate } from './schema.ts';
import * as operations from './service.ts';

export async function operationRoutes(app: App) {
  app.get(
    '/api/operations',
    { schema: { tags: ['operations'], summary: 'Operations your bureau takes part in', response: { 200: Type.Array(Operation) } } },
    (request) => operations.listOperations(app.database, request.actor),
  );

  app.get(
    '/api/operations/:id',
    { schema: { tags: ['operations'], params: IdParams, response: { 200: Operation, 404: ErrorBody } } },
    (request) => operations.getOperation(app.database, request.actor, request.params.id),
  );

  app.post(
    '/api/operations',
    {
      schema: {
        tags: ['operations'],
        summary: 'Set up an operation (coordinators)',
        body: OperationCreate,
        response: { 201: Created, 400: ErrorBody, 403: ErrorBody },
      },
    },
    async (request, reply) => {
      const id = await operations.createOperation(app.database, request.actor, request.body);
      return reply.status(201).send({ id });
    },
  );
}
