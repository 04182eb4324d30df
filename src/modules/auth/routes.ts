// Sign-in and the caller's own account: /api/auth/login, logout, me, sessions, password, totp/*.
import { isIP } from 'node:net';
import { Type } from 'typebox';
import { bearerToken } from '../../server/plugins/auth.ts';
import { ErrorBody, IdParams } from '../../server/schemas/common.ts';
import type { App } from '../../server/types.ts';
import * as account from './account.ts';
import { RateLimited } from './errors.ts';
import { AuthErrorBody, LoginBody, LoginReply, Me, PasswordChange, SessionList, TotpDisable, TotpEnable, TotpSetupReply } from './schema.ts';
import * as auth from './service.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Open to a session whose user must still set up the second factor their roles require. */
    totpEnrolment?: boolean;
  }
}

const NoContent = { 204: Type.Null() };
const enrolment = { totpEnrolment: true };

export async function authRoutes(app: App) {
  // The 429 of the throttle says when to come back, in the body and in the standard header.
  app.addHook('onError', async (_request, reply, error) => {
    if (error instanceof RateLimited) reply.header('retry-after', String(error.retryAfter));
  });
  const token = (header: string | undefined) => bearerToken(header) ?? '';

  app.post(
    '/api/auth/login',
    {
      // Throttled in the database per address and per username (throttle.ts), not per process.
      // Never replayed: the answer holds a bearer token, which is not stored.
      config: { public: true, idempotency: false },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; answers a bearer token for the other calls (401 totp_required: send the TOTP code too)',
        security: [],
        body: LoginBody,
        response: { 200: LoginReply, 401: AuthErrorBody, 429: AuthErrorBody },
      },
    },
    async (request) => {
      const client = { address: isIP(request.ip) ? request.ip : 'unknown', userAgent: request.headers['user-agent']?.slice(0, 300) ?? null };
      const session = await auth.login(app.database, request.body, client, app.config);
      return { ...session, expiresAt: session.expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: enrolment, schema: { tags: ['auth'], summary: 'Close this session', response: NoContent } },
    async (request, reply) => {
      const bearer = bearerToken(request.headers.authorization);
      if (bearer) await auth.logout(app.database, bearer);
      return reply.status(204).send(null);
    },
  );

  app.get('/api/auth/me', { config: enrolment, schema: { tags: ['auth'], summary: 'Who am I', response: { 200: Me } } }, async (request) => {
    const a = request.actor;
    return {
      userId: a.userId,
      username: a.username,
      roles: [...a.roles],
      bureau: { id: a.bureauId, country: a.bureauCountry, kind: a.bureauKind },
      operationIds: [...a.operationIds],
      ...(await account.securityStatus(app.database, a, app.config)),
    };
  });

  app.get(
    '/api/auth/sessions',
    { schema: { tags: ['auth'], summary: 'Your open sessions', response: { 200: SessionList } } },
    (request) => account.listSessions(app.database, request.actor, token(request.headers.authorization), app.config),
  );

  app.delete(
    '/api/auth/sessions/:id',
    { schema: { tags: ['auth'], summary: 'End one of your sessions', params: IdParams, response: { ...NoContent, 404: ErrorBody } } },
    async (request, reply) => {
      await account.endSession(app.database, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: enrolment,
      schema: {
        tags: ['auth'],
        summary: 'Change your password; your other sessions end',
        body: PasswordChange,
        response: { ...NoContent, 400: AuthErrorBody, 429: AuthErrorBody },
      },
    },
    async (request, reply) => {
      await account.changePassword(app.database, request.actor, token(request.headers.authorization), request.body, app.config);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/totp/setup',
    { config: { ...enrolment, idempotency: false }, schema: { tags: ['auth'], summary: 'Start setting up a TOTP second factor: a secret and its otpauth:// URI (409 while one is on)', response: { 200: TotpSetupReply, 409: ErrorBody } } },
    (request) => account.setupTotp(app.database, request.actor),
  );

  app.post(
    '/api/auth/totp/enable',
    {
      config: enrolment,
      schema: { tags: ['auth'], summary: 'Confirm the secret with a current code; sign-in asks for one from now on', body: TotpEnable, response: { ...NoContent, 400: ErrorBody } },
    },
    async (request, reply) => {
      await account.enableTotp(app.database, request.actor, request.body.code);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/totp/disable',
    {
      config: enrolment,
      schema: {
        tags: ['auth'],
        summary: 'Turn the second factor off (refused while your role requires it)',
        body: TotpDisable,
        response: { ...NoContent, 400: AuthErrorBody, 403: ErrorBody, 429: AuthErrorBody },
      },
    },
    async (request, reply) => {
      await account.disableTotp(app.database, request.actor, request.body.password, app.config);
      return reply.status(204).send(null);
    },
  );
}
