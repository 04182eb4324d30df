// /api/bureaus and /api/users.
import { Type } from 'typebox';
import { Created, ErrorBody, IdParams } from '../../server/schemas/common.ts';
import { AuthErrorBody } from '../auth/schema.ts';
import type { App } from '../../server/types.ts';
import { Bureau, BureauCreate, User, UserCreate, UserPasswordReset } from './schema.ts';
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
    { schema: { tags: ['bureaus'], summary: 'Add a user account (admins)', body: UserCreate, response: { 201: Created, 400: AuthErrorBody, 403: ErrorBody, 409: ErrorBody } } },
    async (request, reply) => reply.status(201).send({ id: await bureaus.createUser(app.database, request.actor, request.body) }),
  );

  // Admins of the user's bureau (or of the coordinating bureau); every change is audited.
  const managed = (summary: string) => ({ tags: ['bureaus'], summary, params: IdParams, response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody } });
  app.post('/api/users/:id/disable', { schema: managed('Disable a user account; their sessions end at once') }, async (request, reply) => {
    await bureaus.setUserDisabled(app.database, request.actor, request.params.id, true);
    return reply.status(204).send(null);
  });
  app.post('/api/users/:id/enable', { schema: managed('Enable a disabled user account') }, async (request, reply) => {
    await bureaus.setUserDisabled(app.database, request.actor, request.params.id, false);
    return reply.status(204).send(null);
  });
  app.post(
    '/api/users/:id/password',
    { schema: { ...managed("Set a user's password; their sessions end"), body: UserPasswordReset, response: { 204: Type.Null(), 400: AuthErrorBody, 403: ErrorBody, 404: ErrorBody } } },
    async (request, reply) => {
      await bureaus.setUserPassword(app.database, request.actor, request.params.id, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );
  app.post('/api/users/:id/totp/reset', { schema: managed("Remove a user's TOTP second factor (a lost phone)") }, async (request, reply) => {
    await bureaus.resetUserTotp(app.database, request.actor, request.params.id);
    return reply.status(204).send(null);
  });
}
