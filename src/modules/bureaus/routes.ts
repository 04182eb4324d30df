// /api/bureaus and /api/users.
import { Type } from 'typebox';
import { Created, ErrorBody } from '../../server/schemas/common.ts';
import type { App } from '../../server/types.ts';
import { Bureau, BureauCreate, User, UserCreate } from './schema.ts';
import * as bureaus from './service.ts';

export async function bureauRoutes(app: App) {
  app.get(
    '/api/bureaus',
    { schema: { tags: ['bureaus'], summary: 'Every bureau', response: { 200: Type.Array(Bureau) } } },
    (request) => bureaus.listBureaus(app.database, request.actor),
  );
  app.post(
    '/api/bureaus',
    { schema: { tags: ['bureaus'], summary: 'Add a bureau (coordinating admins)', body: BureauCreate, response: { 201: Created, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody } } },
    async (request, reply) => reply.status(201).send({ id: await bureaus.createBureau(app.database, request.actor, request.body) }),
  );
  app.get(
    '/api/users',
    { schema: { tags: ['bureaus'], summary: 'User accounts you administer', response: { 200: Type.Array(User), 403: ErrorBody } } },
    (request) => bureaus.listUsers(app.database, request.actor),
  );
  app.post(
    '/api/users',
    { schema: { tags: ['bureaus'], summary: 'Add a user account (admins)', body: UserCreate, response: { 201: Created, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody } } },
    async (request, reply) => reply.status(201).send({ id: await bureaus.createUser(app.database, request.actor, request.body) }),
  );
}
